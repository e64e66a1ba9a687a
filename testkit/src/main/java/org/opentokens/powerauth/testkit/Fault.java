package org.opentokens.powerauth.testkit;

import java.time.Duration;

/** One queued one-shot fault. */
record Fault(Kind kind, Duration delay, int status, String body, int bytes, EmulatorGate gate) {

    /** What the fault does to the next request on its path. */
    enum Kind {
        DELAY, RESET, STATUS, GARBAGE_JSON, WRONG_ECIES_MAC, WRONG_JWT_SIGNATURE, OVERSIZED_BODY, SLOW_BODY,
        HOLD_REQUEST, HOLD_RESPONSE
    }

    Fault(Kind kind, Duration delay, int status, String body, int bytes) {
        this(kind, delay, status, body, bytes, null);
    }

    static Fault of(Kind kind) {
        return new Fault(kind, Duration.ZERO, 0, null, 0, null);
    }

    static Fault gated(Kind kind, EmulatorGate gate) {
        return new Fault(kind, Duration.ZERO, 0, null, 0, gate);
    }
}
