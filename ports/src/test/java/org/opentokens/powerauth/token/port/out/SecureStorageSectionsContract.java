package org.opentokens.powerauth.token.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opentokens.powerauth.token.port.out.SectionProbe.LONG_WAIT;
import static org.opentokens.powerauth.token.port.out.SectionProbe.SHORT_WAIT;
import static org.opentokens.powerauth.token.port.out.StorageTestSupport.runConcurrently;
import static org.opentokens.powerauth.token.port.out.TestSecretBytesFactory.ofText;
import static org.opentokens.powerauth.token.port.out.TestSecretBytesFactory.patterned;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.StorageBusyException;
import org.opentokens.powerauth.token.domain.error.StorageException;
import org.opentokens.powerauth.token.domain.error.StorageUnavailableException;

/**
 * {@link SecureStorageContract}, part 5: exclusive sections between the threads of one process, and the change
 * signal ({@link SecureStorage#exclusive}, {@link SecureStorage#version}). Every adapter runs it, the in-memory
 * one included. No timing assertions: short waits only ever expect {@link StorageBusyException}, and long waits
 * are hang guards.
 */
public interface SecureStorageSectionsContract extends SecureStorageFixture {
    @Test
    default void sectionsOfOneNamespaceNeverOverlapSoReadModifyWriteLosesNoUpdate() throws Exception {
        StorageNamespace ns = namespace("A");
        int threads = 4;
        int perThread = 25;
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            tasks.add(() -> {
                SectionProbe.count(storage(), ns, "counter", perThread, inside, maxInside);
                return null;
            });
        }

        runConcurrently(tasks);

        assertThat(maxInside.get()).as("threads inside the section at once").isEqualTo(1);
        assertThat(SectionProbe.read(storage(), ns, "counter")).isEqualTo(threads * perThread);
    }

    @Test
    default void theHolderMayEnterAgainAndStillHoldsTheSectionAfterwards() throws Exception {
        StorageNamespace ns = namespace("A");
        AtomicReference<Throwable> otherThread = new AtomicReference<>();

        String result = storage().exclusive(ns, LONG_WAIT, () -> {
            String inner = storage().exclusive(ns, Duration.ZERO,
                    () -> storage().exclusive(ns, Duration.ZERO, () -> "nested twice"));
            otherThread.set(tryFromAnotherThread(() -> storage().exclusive(ns, Duration.ZERO, () -> "entered")));
            return inner;
        });

        assertThat(result).isEqualTo("nested twice");
        assertThat(otherThread.get()).as("another thread after the nested sections returned")
                .isInstanceOf(StorageBusyException.class);
        assertThat(storage().exclusive(ns, Duration.ZERO, () -> "free again")).isEqualTo("free again");
    }

    @Test
    default void aZeroWaitEntersAFreeSectionAndIsBusyOnAHeldOne() throws Exception {
        StorageNamespace ns = namespace("A");
        assertThat(storage().exclusive(ns, Duration.ZERO, () -> 42)).isEqualTo(42);

        AtomicBoolean ran = new AtomicBoolean();
        try (SectionProbe.Holder holder = SectionProbe.Holder.enter(storage(), ns)) {
            assertThatThrownBy(() -> storage().exclusive(ns, Duration.ZERO, () -> ran.getAndSet(true)))
                    .isInstanceOf(StorageBusyException.class);
        }
        assertThat(ran).as("the action of a busy section ran").isFalse();
    }

    @Test
    default void aWaiterGivesUpWithBusyAfterItsWaitAndEntersOnceTheHolderLeaves() throws Exception {
        StorageNamespace ns = namespace("A");
        AtomicBoolean ran = new AtomicBoolean();
        SectionProbe.Holder holder = SectionProbe.Holder.enter(storage(), ns);
        try {
            assertThatThrownBy(() -> storage().exclusive(ns, SHORT_WAIT, () -> ran.getAndSet(true)))
                    .isInstanceOf(StorageBusyException.class).isInstanceOf(StorageException.class);
            assertThat(ran).isFalse();
        } finally {
            holder.leave();
        }
        assertThat(storage().exclusive(ns, LONG_WAIT, () -> ran.getAndSet(true))).isFalse();
        assertThat(ran).isTrue();
    }

    @Test
    default void negativeWaitsAndNullArgumentsAreRejectedWithoutRunningTheAction() {
        StorageNamespace ns = namespace("A");
        AtomicBoolean ran = new AtomicBoolean();
        Supplier<Boolean> action = () -> ran.getAndSet(true);

        assertThatThrownBy(() -> storage().exclusive(ns, Duration.ofMillis(-1), action))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage().exclusive(null, LONG_WAIT, action)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> storage().exclusive(ns, null, action)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> storage().exclusive(ns, LONG_WAIT, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> storage().version(null)).isInstanceOf(NullPointerException.class);
        assertThat(ran).isFalse();
    }

    @Test
    default void anInterruptedWaiterGetsUnavailableWithItsInterruptFlagSet() throws Exception {
        StorageNamespace ns = namespace("A");
        AtomicBoolean ran = new AtomicBoolean();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagAfterwards = new AtomicBoolean();
        try (SectionProbe.Holder holder = SectionProbe.Holder.enter(storage(), ns)) {
            Thread waiter = new Thread(() -> {
                try {
                    storage().exclusive(ns, LONG_WAIT, () -> ran.getAndSet(true));
                } catch (RuntimeException e) {
                    thrown.set(e);
                }
                flagAfterwards.set(Thread.currentThread().isInterrupted());
            });
            waiter.start();
            SectionProbe.awaitWaiting(waiter);
            waiter.interrupt();
            waiter.join(LONG_WAIT.toMillis());
            assertThat(waiter.isAlive()).isFalse();
        }

        assertThat(thrown.get()).isInstanceOf(StorageUnavailableException.class);
        assertThat(flagAfterwards).as("interrupt flag set again").isTrue();
        assertThat(ran).isFalse();
    }

    @Test
    default void anActionThatThrowsLeavesTheSectionAndItsExceptionPropagatesUnchanged() throws Exception {
        StorageNamespace ns = namespace("A");
        IllegalStateException boom = new IllegalStateException("boom");
        StorageUnavailableException storageFailure = new StorageUnavailableException("from the action");

        assertThatThrownBy(() -> storage().exclusive(ns, LONG_WAIT, () -> {
            throw boom;
        })).isSameAs(boom);
        assertThatThrownBy(() -> storage().exclusive(ns, LONG_WAIT, () -> {
            throw storageFailure;
        })).isSameAs(storageFailure);

        assertThat(tryFromAnotherThread(() -> storage().exclusive(ns, Duration.ZERO, () -> "entered"))).isNull();
    }

    @Test
    default void sectionsOfDifferentNamespacesAreIndependentAndNoSectionBlocksPlainCalls() throws Exception {
        StorageNamespace held = namespace("held");
        StorageNamespace other = namespace("other");
        try (SectionProbe.Holder holder = SectionProbe.Holder.enter(storage(), held)) {
            assertThat(storage().exclusive(other, Duration.ZERO, () -> "other namespace")).isEqualTo("other namespace");
            storage().put(held, "token", ofText("written outside the section"));
            assertThat(storage().get(held, "token")).isPresent();
            assertThat(storage().names(held)).containsExactly("token");
            assertThat(storage().delete(held, "token")).isTrue();
            storage().version(held);
        }
    }

    @Test
    default void everyKindOfChangeMovesTheVersionOnAndAWipeDoesNotResetIt() {
        StorageNamespace ns = namespace("A");
        long start = storage().version(ns);

        storage().put(ns, "a", ofText("1"));
        long afterPut = storage().version(ns);
        storage().putAll(ns, Map.of("b", ofText("2"), "c", ofText("3"), "d", ofText("4")));
        long afterPutAll = storage().version(ns);
        storage().put(ns, "a", ofText("1"));
        long afterSameValue = storage().version(ns);
        assertThat(storage().delete(ns, "a")).isTrue();
        long afterDelete = storage().version(ns);
        assertThat(storage().deleteAll(ns, List.of("b", "missing"))).isEqualTo(1);
        long afterDeleteNames = storage().version(ns);
        assertThat(storage().deleteAll(ns)).isEqualTo(2);
        long afterWipe = storage().version(ns);
        long afterWipeAgain = storage().version(ns);
        storage().put(ns, "a", ofText("again"));
        long afterRewrite = storage().version(ns);

        assertThat(List.of(start, afterPut, afterPutAll, afterSameValue, afterDelete, afterDeleteNames, afterWipe,
                afterRewrite)).as("versions after each change").isSorted().doesNotHaveDuplicates();
        assertThat(afterWipeAgain).as("the version after a wipe, read again").isEqualTo(afterWipe);
        assertThat(start).isNotNegative();
    }

    @Test
    default void readsNeverMoveTheVersion() {
        StorageNamespace ns = namespace("A");
        storage().putAll(ns, Map.of("a", patterned(40, 1), "b", patterned(40, 2)));
        long before = storage().version(ns);

        storage().get(ns, "a");
        storage().get(ns, "missing");
        storage().names(ns);
        storage().version(ns);
        storage().exclusive(ns, LONG_WAIT, () -> storage().get(ns, "b"));

        assertThat(storage().version(ns)).isEqualTo(before);
    }

    @Test
    default void changesToOneNamespaceLeaveAnotherNamespacesVersionAlone() {
        StorageNamespace watched = namespace("watched");
        StorageNamespace busy = namespace("busy");
        storage().put(watched, "a", ofText("1"));
        long before = storage().version(watched);

        storage().put(busy, "a", ofText("1"));
        storage().putAll(busy, Map.of("b", ofText("2"), "c", ofText("3")));
        storage().delete(busy, "a");
        storage().deleteAll(busy);

        assertThat(storage().version(watched)).isEqualTo(before);
        assertThat(storage().names(watched)).isEqualTo(Set.of("a"));
    }

    @Test
    default void theVersionNeverGoesBackWhileOthersWrite() throws Exception {
        StorageNamespace ns = namespace("A");
        AtomicBoolean writersDone = new AtomicBoolean();
        AtomicInteger writersLeft = new AtomicInteger(2);
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int writer = w;
            tasks.add(() -> {
                try {
                    for (int i = 0; i < 30; i++) {
                        storage().put(ns, "w" + writer, patterned(20, i));
                        if (i % 10 == 9) {
                            storage().deleteAll(ns);
                        }
                    }
                } finally {
                    if (writersLeft.decrementAndGet() == 0) {
                        writersDone.set(true);
                    }
                }
                return null;
            });
        }
        tasks.add(() -> {
            long last = storage().version(ns);
            while (!writersDone.get()) {
                long now = storage().version(ns);
                assertThat(now).as("version read after %d", last).isGreaterThanOrEqualTo(last);
                last = now;
            }
            return null;
        });

        long before = storage().version(ns);
        runConcurrently(tasks);

        assertThat(storage().version(ns)).isGreaterThan(before);
    }

    /**
     * Runs {@code call} on a new thread and waits for it.
     *
     * @return what it threw, or null
     */
    static Throwable tryFromAnotherThread(Runnable call) {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                call.run();
            } catch (RuntimeException | Error e) {
                thrown.set(e);
            }
        });
        thread.start();
        try {
            thread.join(LONG_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        assertThat(thread.isAlive()).as("other thread still running").isFalse();
        return thrown.get();
    }
}
