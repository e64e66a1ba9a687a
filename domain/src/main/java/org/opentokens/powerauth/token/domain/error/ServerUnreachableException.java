package org.opentokens.powerauth.token.domain.error;


/**
 * No answer from the server: connection refused or reset, a timeout, or an interrupted wait. Retryable; the
 * request may or may not have reached the server.
 */
public final class ServerUnreachableException extends PowerAuthClientException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed, without bodies or header values */
    public ServerUnreachableException(String message) {
        super(message);
    }

    /**
     * @param message what failed, without bodies or header values
     * @param cause the transport's exception
     */
    public ServerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
