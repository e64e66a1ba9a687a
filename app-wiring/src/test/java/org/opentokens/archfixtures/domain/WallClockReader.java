package org.opentokens.archfixtures.domain;

import java.time.Instant;

/** Violates: no wall clock outside wiring. */
public final class WallClockReader {
    public long now() {
        return Instant.now().toEpochMilli();
    }
}
