package org.opentokens.powerauth.token.domain.error;

import java.util.Objects;

/**
 * An activation code (or the {@code CODE#SIGNATURE} payload of an activation QR code) was rejected.
 *
 * <p>{@link #reason()} tells which check failed. The message never repeats the code or the signature.
 */
public final class InvalidActivationCodeException extends PowerAuthClientException {
    private static final long serialVersionUID = 1L;

    /** Which check rejected the code. */
    public enum Reason {
        /** Not four dash-separated groups of five Base32 characters (A-Z, 2-7), or a non-canonical encoding. */
        FORMAT,
        /** Well formed, but the embedded CRC-16 does not match: most likely a typing error. */
        CHECKSUM,
        /** The signature is missing, is not Base64 DER, or does not verify with the master server public key. */
        SIGNATURE
    }

    private final Reason reason;

    /**
     * @param reason which check failed
     * @param message a description that does not contain the code
     */
    public InvalidActivationCodeException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * @param reason which check failed
     * @param message a description that does not contain the code
     * @param cause the underlying failure
     */
    public InvalidActivationCodeException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return which check failed */
    public Reason reason() {
        return reason;
    }
}
