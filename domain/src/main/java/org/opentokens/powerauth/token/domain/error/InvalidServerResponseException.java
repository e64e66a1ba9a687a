package org.opentokens.powerauth.token.domain.error;


/**
 * The server answered, but not in the shape the protocol defines: not JSON, a missing or mistyped field, a
 * body over the size cap, or a value that fails validation (a bad key, a wrong MAC, a JWT that does not
 * verify). Nothing was stored from such an answer.
 */
public final class InvalidServerResponseException extends PowerAuthClientException {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong, without the body */
    public InvalidServerResponseException(String message) {
        super(message);
    }

    /**
     * @param message what was wrong, without the body
     * @param cause the parser's or validator's exception
     */
    public InvalidServerResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
