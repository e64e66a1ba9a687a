package org.opentokens.powerauth.token.domain.internal.v4.counter;

import java.util.Objects;

/** The outcome of {@link V4CounterSync#synchronize}: how the local V4 counter relates to the server's. */
public sealed interface V4CounterSyncResult {

    /** The local counter equals the server's; nothing to do. */
    record InSync() implements V4CounterSyncResult {
    }

    /**
     * The server is {@code distance} steps ahead; replace the local counter with {@code adopted} and persist it. A
     * distance of 0 means the counter data matched but the local {@code ctrByte} was stale.
     *
     * @param distance how many steps the local counter was behind, 0..look-ahead
     * @param adopted the counter to use from now on, with the server's {@code ctrByte}
     */
    record ServerAhead(int distance, V4HashCounter adopted) implements V4CounterSyncResult {
        /** Checks the fields. */
        public ServerAhead {
            Objects.requireNonNull(adopted, "adopted");
            if (distance < 0) {
                throw new IllegalArgumentException("distance must not be negative");
            }
        }
    }

    /**
     * The local counter is {@code distance} steps ahead, within the server's look-ahead: keep it.
     *
     * @param distance how many steps ahead, 1..look-ahead
     * @param shouldSignSoon true when the distance exceeds half the look-ahead: send an authenticated request (the SDK
     *     uses {@code possession} on {@code /pa/v4/auth/validate}) before more unsent codes push it out of the window
     */
    record ClientAhead(int distance, boolean shouldSignSoon) implements V4CounterSyncResult {
        /** Checks the distance. */
        public ClientAhead {
            if (distance <= 0) {
                throw new IllegalArgumentException("distance must be positive");
            }
        }
    }

    /**
     * The local counter is further ahead than the server's look-ahead: every code will be rejected and the chain cannot
     * be walked back; the activation must be replaced.
     *
     * @param distance how many steps ahead, above the look-ahead
     */
    record ClientTooFarAhead(int distance) implements V4CounterSyncResult {
        /** Checks the distance. */
        public ClientTooFarAhead {
            if (distance <= 0) {
                throw new IllegalArgumentException("distance must be positive");
            }
        }
    }

    /** The server's counter hash was not found and the counter bytes do not say the client is ahead; not recoverable. */
    record NoMatch() implements V4CounterSyncResult {
    }
}
