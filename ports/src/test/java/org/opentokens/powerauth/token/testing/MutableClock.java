package org.opentokens.powerauth.token.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A test clock in the style of Airlift's {@code TestingClock}: it starts at a fixed instant and moves only when
 * told to, and only forward. Thread-safe; clocks from {@link #withZone(ZoneId)} share the same time.
 */
public final class MutableClock extends Clock {
    /** 2023-11-14T22:13:20Z, a round, recognisable default start. */
    public static final Instant DEFAULT_START = Instant.ofEpochMilli(1_700_000_000_000L);

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    /** A clock at {@link #DEFAULT_START}, in UTC. */
    public MutableClock() {
        this(DEFAULT_START);
    }

    /** @param start the initial instant, in UTC */
    public MutableClock(Instant start) {
        this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Moves time forward.
     *
     * @param step how far; zero is allowed
     * @return the new instant
     * @throws IllegalArgumentException if {@code step} is negative
     */
    public Instant advance(Duration step) {
        Objects.requireNonNull(step, "step");
        if (step.isNegative()) {
            throw new IllegalArgumentException("a MutableClock only moves forward");
        }
        return now.updateAndGet(t -> t.plus(step));
    }

    /**
     * @param millis how many milliseconds to move forward
     * @return the new instant
     */
    public Instant advanceMillis(long millis) {
        return advance(Duration.ofMillis(millis));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MutableClock(now, zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public String toString() {
        return "MutableClock[" + now.get() + ", " + zone + "]";
    }
}
