package org.opentokens.powerauth.token.domain.error;

/**
 * Root of every exception this library throws on purpose.
 *
 * <p>Unchecked, so that lambdas and host code stay simple. Messages never contain secret material,
 * digests or whole header values.
 */
public abstract class PowerAuthClientException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected PowerAuthClientException(String message) {
        super(message);
    }

    protected PowerAuthClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
