package org.opentokens.powerauth.token.application.internal.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.opentokens.powerauth.token.domain.error.TimeNotSynchronizedException;

/**
 * A {@link Clock} on server time: the local clock plus the current offset of a
 * {@link TimeSynchronizationService}, read afresh on every call, so it follows later synchronizations and
 * resets. Obtain it from {@link TimeSynchronizationService#serverClock()} (strict) or
 * {@link TimeSynchronizationService#estimatingClock()} (best effort).
 *
 * <p>A strict clock's {@link #instant()} and {@link #millis()} throw {@link TimeNotSynchronizedException} when
 * time is not synchronized, instead of silently returning local time. Thread-safe and immutable.
 */
public final class ServerClock extends Clock {
    private final TimeSynchronizationService service;
    private final Clock local;
    private final ZoneId zone;
    private final boolean strict;

    ServerClock(TimeSynchronizationService service, Clock local, ZoneId zone, boolean strict) {
        this.service = Objects.requireNonNull(service, "service");
        this.local = Objects.requireNonNull(local, "local");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.strict = strict;
    }

    /** @return whether reading time throws when not synchronized */
    public boolean isStrict() {
        return strict;
    }

    /** @return the zone used for date conversions; it does not affect the instant */
    @Override
    public ZoneId getZone() {
        return zone;
    }

    /**
     * @param zone the zone for the returned clock
     * @return a clock on the same service and strictness, in {@code zone}
     */
    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new ServerClock(service, local, zone, strict);
    }

    /**
     * @return local instant plus the offset
     * @throws TimeNotSynchronizedException if strict and not synchronized
     */
    @Override
    public Instant instant() {
        Instant now = local.instant();
        if (strict) {
            return now.plus(service.state().orElseThrow(ServerClock::notSynchronized).offset());
        }
        return now.plus(service.offset());
    }

    /**
     * @return {@code instant().toEpochMilli()}
     * @throws TimeNotSynchronizedException if strict and not synchronized
     */
    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    /**
     * @param obj another object
     * @return whether {@code obj} is a server clock on the same service and local clock, zone and strictness
     */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof ServerClock other
                && other.service == service && other.local.equals(local) && other.zone.equals(zone)
                && other.strict == strict;
    }

    /** @return a hash consistent with {@link #equals(Object)} */
    @Override
    public int hashCode() {
        return Objects.hash(service, local, zone, strict);
    }

    /** @return a description without time values */
    @Override
    public String toString() {
        return "ServerClock[" + (strict ? "strict" : "best effort") + ", " + zone + "]";
    }

    private static TimeNotSynchronizedException notSynchronized() {
        return new TimeNotSynchronizedException(TimeNotSynchronizedException.Reason.NOT_SYNCHRONIZED,
                "server time is not synchronized");
    }
}
