package org.opentokens.powerauth.token.domain.error;

import java.util.Objects;

/**
 * An {@code X-PowerAuth-Token} header that cannot be parsed or that fails verification.
 *
 * <p>{@link #reason()} says which check failed. The message names the field and the rule, never the
 * header value, the digest, the nonce or the token secret.
 */
public final class InvalidTokenHeaderException extends MalformedDataException {
    private static final long serialVersionUID = 1L;

    /** Why the header was rejected. */
    public enum Reason {
        /** Missing prefix or field, bad Base64, wrong length, bad token ID or timestamp format. */
        MALFORMED,
        /** The version field is not 3.0 to 3.3, or not one the verifier accepts. */
        UNSUPPORTED_VERSION,
        /** The header names another token than the one expected. */
        TOKEN_ID_MISMATCH,
        /** The digest does not match the token secret, nonce, timestamp and version. */
        DIGEST_MISMATCH,
        /** The timestamp is older than the accepted past window. */
        TIMESTAMP_TOO_OLD,
        /** The timestamp is further ahead than the accepted future window. */
        TIMESTAMP_IN_FUTURE
    }

    private final Reason reason;

    /**
     * @param reason why the header was rejected
     * @param message a description without header values or secrets
     */
    public InvalidTokenHeaderException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * @param reason why the header was rejected
     * @param message a description without header values or secrets
     * @param cause the underlying failure
     */
    public InvalidTokenHeaderException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why the header was rejected */
    public Reason reason() {
        return reason;
    }
}
