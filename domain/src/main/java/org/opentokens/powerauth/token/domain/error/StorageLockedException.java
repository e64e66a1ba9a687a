package org.opentokens.powerauth.token.domain.error;


/**
 * The backend is present but locked, for example an OS keychain collection that the user has not unlocked.
 * The operation had no effect; it may succeed after the user unlocks the backend.
 */
public final class StorageLockedException extends StorageException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed, without stored values */
    public StorageLockedException(String message) {
        super(message);
    }

    /**
     * @param message what failed, without stored values
     * @param cause the backend's exception
     */
    public StorageLockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
