package org.opentokens.powerauth.testkit;

import java.time.Duration;

/** One queued one-shot fault. */
record Fault(Kind kind, Duration delay, int status, String body, int bytes) {

    /** What the fault does to the next request on its path. */
    enum Kind {
        DELAY, RESET, STATUS, GARBAGE_JSON, WRONG_ECIES_MAC, WRONG_JWT_SIGNATURE, OVERSIZED_BODY
    }

    static Fault of(Kind kind) {
        return new Fault(kind, Duration.ZERO, 0, null, 0);
    }
}
