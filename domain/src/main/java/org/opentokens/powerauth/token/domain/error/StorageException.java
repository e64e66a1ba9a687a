package org.opentokens.powerauth.token.domain.error;


/**
 * The storage backend failed. Argument errors are not storage failures: they are
 * {@link org.opentokens.powerauth.token.domain.error.MalformedDataException} and are raised before the
 * backend is touched.
 *
 * <p>Messages never contain stored values. Adapters keep the backend's exception as the cause.
 */
public abstract class StorageException extends PowerAuthClientException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed, without stored values */
    protected StorageException(String message) {
        super(message);
    }

    /**
     * @param message what failed, without stored values
     * @param cause the backend's exception
     */
    protected StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
