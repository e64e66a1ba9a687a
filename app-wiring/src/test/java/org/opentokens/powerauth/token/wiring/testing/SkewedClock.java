package org.opentokens.powerauth.token.wiring.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock moved by a skew the test can change: a client whose clock is wrong, and can jump. */
public final class SkewedClock extends Clock {
    private volatile Duration skew;

    /** @param skew how far this clock is ahead of the system clock (negative: behind) */
    public SkewedClock(Duration skew) {
        this.skew = skew;
    }

    /** @param newSkew the new distance from the system clock */
    public void skew(Duration newSkew) {
        this.skew = newSkew;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC only");
    }

    @Override
    public Instant instant() {
        return Clock.systemUTC().instant().plus(skew);
    }

    @Override
    public String toString() {
        return "SkewedClock[" + skew + "]";
    }
}
