package org.opentokens.powerauth.token.domain.error;

import java.util.Objects;

/**
 * Server time was needed but is not known, so no time-dependent value (token header, ECIES timestamp) could be
 * produced. {@link #reason()} tells why.
 */
public final class TimeNotSynchronizedException extends PowerAuthClientException {
    private static final long serialVersionUID = 1L;

    /** Why time is not synchronized. */
    public enum Reason {
        /** No sample has been applied since creation or the last reset. */
        NOT_SYNCHRONIZED,
        /** A synchronization ran, but its sample was rejected (for example a round trip over 16 s). */
        SAMPLE_REJECTED,
        /** The server time fetch failed with something other than a {@link PowerAuthClientException}. */
        FETCH_FAILED,
        /** The thread was interrupted while waiting for a synchronization; its interrupt flag is set again. */
        INTERRUPTED
    }

    private final Reason reason;

    /**
     * @param reason why time is not synchronized
     * @param message a description
     */
    public TimeNotSynchronizedException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * @param reason why time is not synchronized
     * @param message a description
     * @param cause the underlying failure
     */
    public TimeNotSynchronizedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why time is not synchronized */
    public Reason reason() {
        return reason;
    }
}
