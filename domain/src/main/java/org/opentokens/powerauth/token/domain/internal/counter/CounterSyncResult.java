package org.opentokens.powerauth.token.domain.internal.counter;

import java.util.Objects;

/** The outcome of {@link CounterSync#synchronize}: how the local counter relates to the server's. */
public sealed interface CounterSyncResult {

    /** The local counter equals the server's; nothing to do. */
    record InSync() implements CounterSyncResult {
    }

    /**
     * The server is {@code distance} steps ahead (for example after signatures computed on a restored older
     * state). Replace the local counter with {@code adopted} and persist it. A distance of 0 means the counter
     * data matched but the local {@code CTR_BYTE} was stale.
     *
     * @param distance how many steps the local counter was behind, 0..look-ahead
     * @param adopted the counter to use from now on, with the server's {@code CTR_BYTE}
     */
    record ServerAhead(int distance, HashCounter adopted) implements CounterSyncResult {
        /** Checks the fields. */
        public ServerAhead {
            Objects.requireNonNull(adopted, "adopted");
            if (distance < 0) {
                throw new IllegalArgumentException("distance must not be negative");
            }
        }
    }

    /**
     * The local counter is {@code distance} steps ahead (signatures computed but never sent), still within the
     * server's look-ahead, so the next signature will verify. Keep the local counter.
     *
     * @param distance how many steps the local counter is ahead, 1..look-ahead
     * @param shouldSignSoon true when the distance exceeds half the look-ahead: compute and send a signed request
     *     soon, before further unsent signatures push the counter out of the server's window
     */
    record ClientAhead(int distance, boolean shouldSignSoon) implements CounterSyncResult {
        /** Checks the distance. */
        public ClientAhead {
            if (distance <= 0) {
                throw new IllegalArgumentException("distance must be positive");
            }
        }
    }

    /**
     * Deadlock: the local counter is further ahead than the server's look-ahead window. The server will reject
     * every signature and the client cannot step its hash chain back; the activation must be replaced.
     *
     * @param distance how many steps the local counter is ahead, above the look-ahead
     */
    record ClientTooFarAhead(int distance) implements CounterSyncResult {
        /** Checks the distance. */
        public ClientTooFarAhead {
            if (distance <= 0) {
                throw new IllegalArgumentException("distance must be positive");
            }
        }
    }

    /**
     * The server's counter hash was not found within the look-ahead, and the counter bytes do not say the client
     * is ahead: the server is further ahead than the look-ahead, or the local counter is corrupted. Not
     * recoverable on the client.
     */
    record NoMatch() implements CounterSyncResult {
    }
}
