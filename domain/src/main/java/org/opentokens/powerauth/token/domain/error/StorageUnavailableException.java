package org.opentokens.powerauth.token.domain.error;


/**
 * The storage backend is missing or cannot be reached: no keychain service, no session bus, a file that
 * cannot be opened, an I/O error, an interrupted wait. Retrying later may succeed.
 */
public final class StorageUnavailableException extends StorageException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed, without stored values */
    public StorageUnavailableException(String message) {
        super(message);
    }

    /**
     * @param message what failed, without stored values
     * @param cause the backend's exception
     */
    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
