package org.opentokens.powerauth.token.domain.error;


/**
 * Stored data cannot be read back: a damaged or foreign database file, an unknown schema version, a record
 * that fails decryption or authentication. Retrying does not help; the data is never silently replaced.
 */
public final class StorageCorruptException extends StorageException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed, without stored values */
    public StorageCorruptException(String message) {
        super(message);
    }

    /**
     * @param message what failed, without stored values
     * @param cause the backend's exception
     */
    public StorageCorruptException(String message, Throwable cause) {
        super(message, cause);
    }
}
