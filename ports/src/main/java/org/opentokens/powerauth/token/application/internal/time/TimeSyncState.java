package org.opentokens.powerauth.token.application.internal.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A consistent snapshot of synchronized time: read offset and precision from one snapshot, never from two calls.
 *
 * @param offset add to local time to get server time; zero when the sample was within
 *     {@link TimeSynchronizationService#MIN_ADJUSTMENT}
 * @param precision the error bound of {@code offset}: half the round trip, plus the ignored offset when the
 *     offset was not adjusted
 * @param synchronizedAt the local (not server) time of the sample that set this state
 */
public record TimeSyncState(Duration offset, Duration precision, Instant synchronizedAt) {

    /**
     * @param offset the offset to add to local time
     * @param precision the error bound; not negative
     * @param synchronizedAt the local time of the sample
     * @throws IllegalArgumentException if {@code precision} is negative
     */
    public TimeSyncState {
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(synchronizedAt, "synchronizedAt");
        if (precision.isNegative()) {
            throw new IllegalArgumentException("precision must not be negative");
        }
    }
}
