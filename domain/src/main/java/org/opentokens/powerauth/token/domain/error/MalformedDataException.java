package org.opentokens.powerauth.token.domain.error;

/**
 * Input has the wrong shape: bad Base64, a wrong length, an unknown enum value or an unparsable field.
 *
 * <p>The message names the field and the expectation, never the offending value.
 */
public class MalformedDataException extends PowerAuthClientException {
    private static final long serialVersionUID = 1L;

    /** @param message what was expected, without the offending value */
    public MalformedDataException(String message) {
        super(message);
    }

    /**
     * @param message what was expected, without the offending value
     * @param cause the underlying failure
     */
    public MalformedDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
