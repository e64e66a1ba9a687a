package org.opentokens.powerauth.token.domain.error;

/**
 * A temporary encryption key from {@code /pa/v3/keystore/create} was rejected: its JWT is malformed, not signed
 * by the expected server key, answers another request, or has expired.
 *
 * <p>{@link #reason()} tells which check failed; the message never carries the JWT or any key.
 */
public final class TemporaryKeyException extends PowerAuthClientException {
    private static final long serialVersionUID = 1L;

    /** Which check failed. */
    public enum Reason {
        /** Bad JWT shape or encoding, or a missing or unparsable claim. */
        MALFORMED,
        /** The JWT header names an algorithm other than ES256. */
        UNSUPPORTED_ALGORITHM,
        /** The ES256 signature does not verify with the expected server key. */
        SIGNATURE_INVALID,
        /** The challenge claim is not the one sent in the request. */
        CHALLENGE_MISMATCH,
        /** The applicationKey claim is not the expected application key. */
        APPLICATION_KEY_MISMATCH,
        /** The activationId claim does not match, or is present for an application-scope key. */
        ACTIVATION_ID_MISMATCH,
        /** The key has expired at the given time. */
        EXPIRED
    }

    private final Reason reason;

    /**
     * @param reason which check failed
     * @param message a description without the token or key material
     */
    public TemporaryKeyException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /**
     * @param reason which check failed
     * @param message a description without the token or key material
     * @param cause the underlying failure
     */
    public TemporaryKeyException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** @return which check failed */
    public Reason reason() {
        return reason;
    }
}
