package org.opentokens.powerauth.token.adapter.storage;

import java.util.Map;
import java.util.Optional;

/**
 * What a killed writer had done: the state after its last acknowledged call and, if it had announced another
 * call, that call. The namespace must now read as exactly one of {@link #before()} and {@link #after()}.
 *
 * @param before the state after the last acknowledged call
 * @param inFlight the announced but unacknowledged call, if any
 */
public record CrashPoint(Map<String, ValueStamp> before, Optional<WorkloadOp> inFlight) {
    public CrashPoint {
        before = Map.copyOf(before);
    }

    /** @return the state if the call in flight completed, or empty if none was */
    public Optional<Map<String, ValueStamp>> after() {
        return inFlight.map(op -> op.applyTo(before));
    }
}
