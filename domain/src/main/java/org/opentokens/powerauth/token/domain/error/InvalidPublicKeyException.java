package org.opentokens.powerauth.token.domain.error;

/** Bytes that do not encode a valid P-256 public key: wrong length or prefix, or a point off the curve. */
public final class InvalidPublicKeyException extends MalformedDataException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the key */
    public InvalidPublicKeyException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong with the key
     * @param cause the underlying failure
     */
    public InvalidPublicKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
