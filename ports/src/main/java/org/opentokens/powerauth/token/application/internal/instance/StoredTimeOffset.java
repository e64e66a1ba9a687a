package org.opentokens.powerauth.token.application.internal.instance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.opentokens.powerauth.token.application.internal.time.TimeOffsetMemory;
import org.opentokens.powerauth.token.application.internal.time.TimeSyncState;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.error.StorageException;
import org.opentokens.powerauth.token.domain.internal.record.TimeOffsetRecord;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.MonotonicClock;

/**
 * The instance's server time offset in its {@value InstanceStore#TIME_OFFSET_ENTRY} storage entry, trusted by
 * the rule of {@link TimeOffsetRecord#trustedAt}: the same boot, at most an hour old, no wall clock step since.
 * Removing or wiping the activation keeps the entry (the offset is about the server, not the activation).
 *
 * <p>Best effort: a storage failure or an entry that does not decode is the same as no entry, and a failed
 * write is ignored. Thread-safe.
 */
public final class StoredTimeOffset implements TimeOffsetMemory {
    private final InstanceStore store;
    private final Clock clock;
    private final MonotonicClock monotonic;

    /**
     * @param store the instance's storage
     * @param clock the client's wall clock, the one the offset is relative to
     * @param monotonic the steady clock and boot identity
     */
    public StoredTimeOffset(InstanceStore store, Clock clock, MonotonicClock monotonic) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.monotonic = Objects.requireNonNull(monotonic, "monotonic");
    }

    @Override
    public Optional<TimeSyncState> recall() {
        Optional<SecretBytes> stored;
        try {
            stored = store.storage().get(store.namespace(), InstanceStore.TIME_OFFSET_ENTRY);
        } catch (StorageException e) {
            return Optional.empty();
        }
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        TimeOffsetRecord record;
        try {
            record = TimeOffsetRecord.decode(stored.get());
        } catch (MalformedDataException e) {
            return Optional.empty();
        } finally {
            stored.get().destroy();
        }
        if (!record.trustedAt(clock.millis(), monotonic.millis(), monotonic.bootId())) {
            return Optional.empty();
        }
        return Optional.of(new TimeSyncState(Duration.ofMillis(record.offsetMs()),
                Duration.ofMillis(record.precisionMs()), Instant.ofEpochMilli(record.wallClockMs())));
    }

    @Override
    public void remember(TimeSyncState state) {
        Objects.requireNonNull(state, "state");
        long monotonicMs = monotonic.millis();
        TimeOffsetRecord record = new TimeOffsetRecord(state.offset().toMillis(), state.precision().toMillis(),
                clock.millis(), monotonicMs, monotonic.bootId());
        SecretBytes encoded = record.encode();
        try {
            store.storage().put(store.namespace(), InstanceStore.TIME_OFFSET_ENTRY, encoded);
        } catch (StorageException e) {
            // best effort: the next process synchronizes with the server instead
        } finally {
            encoded.destroy();
        }
    }

    @Override
    public void forget() {
        try {
            store.storage().delete(store.namespace(), InstanceStore.TIME_OFFSET_ENTRY);
        } catch (StorageException e) {
            // best effort, as remember
        }
    }
}
