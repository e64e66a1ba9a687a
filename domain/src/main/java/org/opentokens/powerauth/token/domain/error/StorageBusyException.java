package org.opentokens.powerauth.token.domain.error;


/**
 * An instance's exclusive section stayed held by another thread or process for longer than the caller was
 * willing to wait (see {@code SecureStorage.exclusive}). Nothing was done; retrying later may succeed. A holder
 * that died releases the section at once, so a long wait means a live holder with a slow server call.
 */
public final class StorageBusyException extends StorageException {
    private static final long serialVersionUID = 1L;

    /** @param message what waited and for how long, without stored values */
    public StorageBusyException(String message) {
        super(message);
    }
}
