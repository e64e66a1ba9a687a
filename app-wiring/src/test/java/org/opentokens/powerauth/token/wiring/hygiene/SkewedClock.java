package org.opentokens.powerauth.token.wiring.hygiene;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock moved by a skew the test can change: a client whose clock is wrong, and can jump. */
final class SkewedClock extends Clock {
    private volatile Duration skew;

    SkewedClock(Duration skew) {
        this.skew = skew;
    }

    void skew(Duration newSkew) {
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
