package org.opentokens.powerauth.token.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opentokens.powerauth.token.port.out.SectionProbe.LONG_WAIT;
import static org.opentokens.powerauth.token.port.out.SectionProbe.SHORT_WAIT;
import static org.opentokens.powerauth.token.port.out.StorageTestSupport.assertHolds;
import static org.opentokens.powerauth.token.port.out.TestSecretBytesFactory.ofText;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.StorageBusyException;
import org.opentokens.powerauth.token.domain.error.StorageUnavailableException;

/**
 * The storage contract on a shared backing store, part 2: other processes. Peers are real JVMs
 * ({@link StoragePeer}) over the same store; a holder is killed with SIGKILL. Run by the persistent adapters
 * whose store other processes can open. No timing assertions: short waits only ever expect
 * {@link StorageBusyException}, long waits are hang guards.
 */
public interface SecureStorageProcessesContract extends PeerStorageFixture {
    /**
     * @return how many entries and increments each process makes in
     *     {@link #threeProcessesWritingOneNamespaceLoseNoEntryAndCountingInSectionsLoseNoIncrement()}
     */
    default int incrementsPerProcess() {
        return 30;
    }

    @Test
    default void aSectionHeldByAnotherProcessKeepsThisOneOutUntilTheHolderIsKilled() throws Exception {
        StorageNamespace ns = namespace("A");
        StorageNamespace mine = namespace("mine");
        StoragePeer peer = startPeer();
        assertThat(peer.ask("hold " + ns.id())).isEqualTo("held " + ns.id());
        AtomicBoolean ran = new AtomicBoolean();

        assertThatThrownBy(() -> storage().exclusive(ns, Duration.ZERO, () -> ran.getAndSet(true)))
                .isInstanceOf(StorageBusyException.class);
        assertThatThrownBy(() -> storage().exclusive(ns, SHORT_WAIT, () -> ran.getAndSet(true)))
                .isInstanceOf(StorageBusyException.class);
        assertThatThrownBy(() -> secondStorage().exclusive(ns, SHORT_WAIT, () -> ran.getAndSet(true)))
                .isInstanceOf(StorageBusyException.class);

        // A waiter interrupted while it polls the OS lock gives up, and takes none of this process's locks with it.
        try (SectionProbe.Holder holder = SectionProbe.Holder.enter(storage(), mine)) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicBoolean flag = new AtomicBoolean();
            Thread waiter = new Thread(() -> {
                try {
                    storage().exclusive(ns, LONG_WAIT, () -> ran.getAndSet(true));
                } catch (RuntimeException e) {
                    thrown.set(e);
                }
                flag.set(Thread.currentThread().isInterrupted());
            });
            waiter.start();
            SectionProbe.awaitWaiting(waiter);
            waiter.interrupt();
            waiter.join(LONG_WAIT.toMillis());
            assertThat(thrown.get()).isInstanceOf(StorageUnavailableException.class);
            assertThat(flag).isTrue();
            assertThat(peer.ask("try " + mine.id() + " 0")).as("this process's other section, seen by the peer")
                    .isEqualTo("busy");
        }
        assertThat(peer.ask("try " + mine.id() + " " + LONG_WAIT.toMillis())).isEqualTo("entered");
        assertThat(ran).as("an action ran while the peer held the section").isFalse();

        peer.kill();

        assertThat(storage().exclusive(ns, LONG_WAIT, () -> "entered after the kill")).isEqualTo("entered after the kill");
    }

    @Test
    default void aSectionHeldHereKeepsAnotherProcessOutAndWritesAreSeenBothWays() throws Exception {
        StorageNamespace ns = namespace("A");
        StorageNamespace other = namespace("B");
        StoragePeer peer = startPeer();

        try (SectionProbe.Holder holder = SectionProbe.Holder.enter(storage(), ns)) {
            // Another storage object on the same store takes and leaves sections, then closes: the OS lock
            // of this process's holder must survive that.
            secondStorage().exclusive(other, LONG_WAIT, () -> {
                secondStorage().put(other, "token", ofText("x"));
                return null;
            });
            closeSecondStorage();
            assertThat(peer.ask("try " + ns.id() + " 0")).isEqualTo("busy");
            assertThat(peer.ask("try " + ns.id() + " " + SHORT_WAIT.toMillis())).isEqualTo("busy");
            assertThat(peer.ask("try " + other.id() + " 0")).isEqualTo("entered");
        }
        assertThat(peer.ask("try " + ns.id() + " " + LONG_WAIT.toMillis())).isEqualTo("entered");

        long here = storage().version(ns);
        assertThat(peer.ask("put " + ns.id() + " token from-peer")).isEqualTo("put");
        assertThat(storage().version(ns)).as("version after the peer's put").isGreaterThan(here);
        assertHolds(storage().get(ns, "token"), ofText("from-peer"));

        long there = Long.parseLong(peer.ask("version " + ns.id()));
        storage().put(ns, "token", ofText("from-here"));
        long thereAfterPut = Long.parseLong(peer.ask("version " + ns.id()));
        assertThat(peer.ask("get " + ns.id() + " token")).isEqualTo("from-here");
        storage().deleteAll(ns);
        long thereAfterWipe = Long.parseLong(peer.ask("version " + ns.id()));
        assertThat(peer.ask("get " + ns.id() + " token")).isEqualTo("absent");
        assertThat(List.of(there, thereAfterPut, thereAfterWipe)).isSorted().doesNotHaveDuplicates();
    }

    @Test
    default void threeProcessesWritingOneNamespaceLoseNoEntryAndCountingInSectionsLoseNoIncrement() throws Exception {
        StorageNamespace ns = namespace("A");
        int each = incrementsPerProcess();
        StoragePeer first = startPeer();
        StoragePeer second = startPeer();

        // Plain writes, no sections: every call's read-modify-write must be atomic across processes.
        first.send("fill " + ns.id() + " p " + each);
        second.send("fill " + ns.id() + " q " + each);
        for (int i = 0; i < each; i++) {
            storage().put(ns, "r" + i, StoragePeer.fillValue("r", i));
        }
        assertThat(first.readLine()).isEqualTo("filled");
        assertThat(second.readLine()).isEqualTo("filled");
        assertThat(storage().names(ns)).hasSize(3 * each);
        for (String prefix : List.of("p", "q", "r")) {
            for (int i = 0; i < each; i++) {
                assertHolds(storage().get(ns, prefix + i), StoragePeer.fillValue(prefix, i));
            }
        }

        // Read, then write one more, inside sections: a section must exclude the other processes.
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        first.send("count " + ns.id() + " counter " + each);
        second.send("count " + ns.id() + " counter " + each);
        SectionProbe.count(storage(), ns, "counter", each, inside, maxInside);
        assertThat(first.readLine()).isEqualTo("counted 1");
        assertThat(second.readLine()).isEqualTo("counted 1");
        assertThat(maxInside.get()).isEqualTo(1);
        assertThat(SectionProbe.read(storage(), ns, "counter")).as("increments of 3 processes").isEqualTo(3L * each);
    }
}
