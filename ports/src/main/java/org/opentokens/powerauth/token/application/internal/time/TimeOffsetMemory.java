package org.opentokens.powerauth.token.application.internal.time;

import java.util.Optional;

/**
 * Where {@link TimeSynchronizationService} keeps its offset for later processes, so that one that can trust the
 * stored offset needs no server call. Implementations decide whether a stored offset is still trustworthy
 * (see {@code StoredTimeOffset}) and are best effort: a storage failure is the same as having nothing stored.
 *
 * <p>Thread-safe.
 */
public interface TimeOffsetMemory {

    /** @return the stored state, only if it can still be trusted now */
    Optional<TimeSyncState> recall();

    /** @param state the state just confirmed by a server time sample */
    void remember(TimeSyncState state);

    /** Forgets the stored state, so that the next process asks the server. */
    void forget();

    /** Remembers nothing: every process synchronizes with the server. */
    TimeOffsetMemory NONE = new TimeOffsetMemory() {
        @Override
        public Optional<TimeSyncState> recall() {
            return Optional.empty();
        }

        @Override
        public void remember(TimeSyncState state) {
        }

        @Override
        public void forget() {
        }
    };
}
