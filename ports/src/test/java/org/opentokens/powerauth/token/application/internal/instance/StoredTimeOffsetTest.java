package org.opentokens.powerauth.token.application.internal.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.application.internal.time.TimeSynchronizationService;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.FakeSecureStorage;
import org.opentokens.powerauth.token.port.out.MonotonicClock;
import org.opentokens.powerauth.token.port.out.StorageNamespace;
import org.opentokens.powerauth.token.testing.MutableClock;

/**
 * The stored offset through the ports: one service stores it, a later service over the same storage (a later
 * process) uses it without a server call while the trust rule holds, and calls the server when it does not.
 */
class StoredTimeOffsetTest {
    private static final long SERVER_AHEAD_MS = 93_000;
    private static final StorageNamespace NAMESPACE = StorageNamespace.of("default");

    private final MutableClock wall = new MutableClock();
    private final MovableMonotonicClock monotonic = new MovableMonotonicClock();
    private final FakeSecureStorage storage = new FakeSecureStorage();
    private final InstanceStore store = new InstanceStore(storage, NAMESPACE, Duration.ofSeconds(1));
    private final AtomicInteger fetches = new AtomicInteger();

    private static final class MovableMonotonicClock implements MonotonicClock {
        volatile long millis = 4_000_000;
        volatile String boot = "boot-1";

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public String bootId() {
            return boot;
        }
    }

    /** A new service over the same storage, as a new process would build it. */
    private TimeSynchronizationService process() {
        return new TimeSynchronizationService(wall, new StoredTimeOffset(store, wall, monotonic));
    }

    private long serverTime() {
        fetches.incrementAndGet();
        return wall.millis() + SERVER_AHEAD_MS;
    }

    private void elapse(long ms) {
        wall.advanceMillis(ms);
        monotonic.millis += ms;
    }

    @Test
    void aLaterProcessUsesTheStoredOffsetWithoutCallingTheServer() {
        process().ensureSynchronized(this::serverTime);
        elapse(20 * 60_000);

        TimeSynchronizationService later = process();
        later.ensureSynchronized(this::serverTime);

        assertThat(fetches).hasValue(1);
        assertThat(later.currentServerTimeMs()).isEqualTo(wall.millis() + SERVER_AHEAD_MS);
    }

    @Test
    void aStaleOffsetIsFetchedAgainAndStoredAfresh() {
        process().ensureSynchronized(this::serverTime);
        elapse(Duration.ofHours(1).plusMillis(1).toMillis());

        process().ensureSynchronized(this::serverTime);
        process().ensureSynchronized(this::serverTime);

        assertThat(fetches).hasValue(2);
    }

    @Test
    void aWallClockStepMakesTheNextProcessCallTheServer() {
        process().ensureSynchronized(this::serverTime);
        elapse(1_000);
        wall.advanceMillis(5_000);

        process().ensureSynchronized(this::serverTime);

        assertThat(fetches).hasValue(2);
    }

    @Test
    void aRebootMakesTheNextProcessCallTheServer() {
        process().ensureSynchronized(this::serverTime);
        elapse(1_000);
        monotonic.boot = "boot-2";

        process().ensureSynchronized(this::serverTime);

        assertThat(fetches).hasValue(2);
    }

    @Test
    void resetForgetsTheStoredOffset() {
        TimeSynchronizationService first = process();
        first.ensureSynchronized(this::serverTime);
        assertThat(storage.names(NAMESPACE)).contains(InstanceStore.TIME_OFFSET_ENTRY);

        first.reset();
        assertThat(storage.names(NAMESPACE)).doesNotContain(InstanceStore.TIME_OFFSET_ENTRY);
        first.ensureSynchronized(this::serverTime);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void wipingTheActivationKeepsTheOffset() {
        process().ensureSynchronized(this::serverTime);
        storage.put(NAMESPACE, InstanceStore.tokenEntry("balance"), SecretBytes.copyOf(new byte[] {1}));

        store.transaction(tx -> {
            tx.wipe();
            return null;
        }, tx -> { });

        assertThat(storage.names(NAMESPACE)).containsExactly(InstanceStore.TIME_OFFSET_ENTRY);
        process().ensureSynchronized(this::serverTime);
        assertThat(fetches).hasValue(1);
    }

    @Test
    void aJitterSampleWritesNothingWhileASynchronizationRefreshesTheStoredOffset() {
        TimeSynchronizationService time = process();
        time.ensureSynchronized(this::serverTime);
        int writes = storage.writes();

        long now = wall.millis();
        time.processServerTime(now + SERVER_AHEAD_MS + 300, now, now);
        assertThat(storage.writes()).as("an ECIES-like sample within the jitter tolerance").isEqualTo(writes);

        elapse(50 * 60_000);
        time.synchronize(this::serverTime);
        elapse(30 * 60_000);
        process().ensureSynchronized(this::serverTime);

        assertThat(fetches).as("the confirmed offset was stored afresh and trusted 80 minutes after the first")
                .hasValue(2);
    }

    @Test
    void anEntryThatDoesNotDecodeIsIgnored() {
        storage.put(NAMESPACE, InstanceStore.TIME_OFFSET_ENTRY, SecretBytes.copyOf(new byte[] {'P', 'A', 'T'}));

        process().ensureSynchronized(this::serverTime);

        assertThat(fetches).hasValue(1);
    }

    @Test
    void withoutABootIdentityNothingIsTrusted() {
        monotonic.boot = "";
        process().ensureSynchronized(this::serverTime);

        process().ensureSynchronized(this::serverTime);

        assertThat(fetches).hasValue(2);
    }
}
