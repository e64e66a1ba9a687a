package org.opentokens.powerauth.token.domain.error;

/**
 * A cryptographic check failed on well-formed input: a MAC, signature or padding did not verify.
 *
 * <p>{@link #reason()} tells which check; the message never carries the compared values.
 */
public class CryptoFailureException extends PowerAuthClientException {
    private static final long serialVersionUID = 1L;

    /** Which check failed. */
    public enum Reason {
        /** An ECIES MAC did not match. */
        MAC_MISMATCH,
        /** Decrypted data had invalid padding or length. */
        BAD_PADDING,
        /** An ECDSA or JWT signature did not verify. */
        SIGNATURE_INVALID,
        /** A digest did not match. */
        DIGEST_MISMATCH
    }

    private final Reason reason;

    /**
     * @param reason which check failed
     * @param message a description without secret values
     */
    public CryptoFailureException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /**
     * @param reason which check failed
     * @param message a description without secret values
     * @param cause the underlying failure
     */
    public CryptoFailureException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** @return which check failed */
    public Reason reason() {
        return reason;
    }
}
