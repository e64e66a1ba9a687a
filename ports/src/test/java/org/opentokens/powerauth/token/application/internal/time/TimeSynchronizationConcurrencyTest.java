package org.opentokens.powerauth.token.application.internal.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.TimeNotSynchronizedException;
import org.opentokens.powerauth.token.testing.MutableClock;

class TimeSynchronizationConcurrencyTest {
    private static final long HOUR = 3_600_000L;
    private static final int CALLERS = 200;

    private final MutableClock clock = new MutableClock();
    private final TimeSynchronizationService service = new TimeSynchronizationService(clock);

    @Test
    void readersAlwaysSeeOneConsistentSnapshotWhileTheOffsetChanges() throws Exception {
        long now = clock.millis();
        service.processServerTime(now + HOUR, now - 100, now);
        Set<List<Long>> allowed = Set.of(List.of(HOUR + 50, 50L), List.of(-HOUR + 150, 150L));
        Set<Long> allowedTimes = Set.of(now + HOUR + 50, now - HOUR + 150);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            Future<?> writer = pool.submit(() -> {
                start.await();
                for (int i = 0; i < 20_000; i++) {
                    SampleOutcome outcome = i % 2 == 0
                            ? service.processServerTime(now - HOUR, now - 300, now)
                            : service.processServerTime(now + HOUR, now - 100, now);
                    assertThat(outcome).isEqualTo(SampleOutcome.APPLIED);
                }
                return null;
            });
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                readers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 20_000; i++) {
                        TimeSyncState state = service.state().orElseThrow();
                        assertThat(allowed).contains(List.of(state.offset().toMillis(), state.precision().toMillis()));
                        assertThat(allowedTimes).contains(service.currentServerTimeMs());
                    }
                    return null;
                }));
            }
            start.countDown();

            writer.get(60, TimeUnit.SECONDS);
            for (Future<?> reader : readers) {
                reader.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void manyConcurrentCallersShareExactlyOneFetch() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        CountDownLatch fetchEntered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ServerTimeFetch fetch = () -> {
            fetches.incrementAndGet();
            fetchEntered.countDown();
            awaitQuietly(release);
            clock.advanceMillis(200);
            return clock.millis() + HOUR;
        };
        ConcurrentLinkedQueue<TimeSyncState> results = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

        List<Thread> callers = startCallers(() -> results.add(service.ensureSynchronized(fetch)), failures);
        fetchEntered.await(30, TimeUnit.SECONDS);
        awaitAllParked(callers);
        release.countDown();
        joinAll(callers);

        assertThat(failures).isEmpty();
        assertThat(fetches).hasValue(1);
        assertThat(results).hasSize(CALLERS);
        TimeSyncState first = results.peek();
        assertThat(results).allSatisfy(state -> assertThat(state).isSameAs(first));
        assertThat(first.offset()).isEqualTo(Duration.ofMillis(HOUR + 100));
    }

    @Test
    void aFailedSharedFetchReachesEveryCallerAndLeavesTimeUnsynchronized() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        CountDownLatch fetchEntered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TestFetchFailedException failure = new TestFetchFailedException("server unreachable");
        ServerTimeFetch fetch = () -> {
            fetches.incrementAndGet();
            fetchEntered.countDown();
            awaitQuietly(release);
            throw failure;
        };
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

        List<Thread> callers = startCallers(() -> service.ensureSynchronized(fetch), failures);
        fetchEntered.await(30, TimeUnit.SECONDS);
        awaitAllParked(callers);
        release.countDown();
        joinAll(callers);

        assertThat(fetches).hasValue(1);
        assertThat(failures).hasSize(CALLERS).allSatisfy(e -> assertThat(e).isSameAs(failure));
        assertThat(service.isSynchronized()).isFalse();
        assertThat(service.ensureSynchronized(() -> clock.millis() + HOUR).offset()).isEqualTo(Duration.ofHours(1));
        assertThat(fetches).hasValue(1);
    }

    @Test
    void anInterruptedWaiterGetsATypedErrorAndKeepsItsInterruptFlag() throws Exception {
        CountDownLatch fetchEntered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ServerTimeFetch fetch = () -> {
            fetchEntered.countDown();
            awaitQuietly(release);
            return clock.millis() + HOUR;
        };
        Thread leader = new Thread(() -> service.ensureSynchronized(fetch));
        leader.start();
        fetchEntered.await(30, TimeUnit.SECONDS);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                service.ensureSynchronized(fetch);
            } catch (TimeNotSynchronizedException e) {
                thrown.set(e);
            }
            flagAfter.set(Thread.currentThread().isInterrupted());
        });
        waiter.start();
        awaitAllParked(List.of(waiter));

        waiter.interrupt();
        waiter.join(30_000);
        release.countDown();
        leader.join(30_000);

        assertThat(thrown.get()).isInstanceOf(TimeNotSynchronizedException.class);
        assertThat(((TimeNotSynchronizedException) thrown.get()).reason())
                .isEqualTo(TimeNotSynchronizedException.Reason.INTERRUPTED);
        assertThat(flagAfter.get()).isTrue();
        assertThat(service.isSynchronized()).isTrue();
    }

    @Test
    void strictReadFailsWhileTheFirstSynchronizationIsStillRunning() throws Exception {
        CountDownLatch fetchEntered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread leader = new Thread(() -> service.ensureSynchronized(() -> {
            fetchEntered.countDown();
            awaitQuietly(release);
            return clock.millis() + HOUR;
        }));
        leader.start();
        fetchEntered.await(30, TimeUnit.SECONDS);

        assertThatThrownBy(service::currentServerTimeMs).isInstanceOf(TimeNotSynchronizedException.class);

        release.countDown();
        leader.join(30_000);
        assertThat(service.currentServerTimeMs()).isEqualTo(clock.millis() + HOUR);
    }

    private static List<Thread> startCallers(Runnable call, ConcurrentLinkedQueue<Throwable> failures)
            throws InterruptedException {
        CountDownLatch arrived = new CountDownLatch(CALLERS);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            Thread t = new Thread(() -> {
                arrived.countDown();
                try {
                    call.run();
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }, "time-sync-caller-" + i);
            threads.add(t);
            t.start();
        }
        arrived.await(30, TimeUnit.SECONDS);
        return threads;
    }

    /**
     * Spins until every thread is blocked (the leader in the fetch, the others on the shared future). The guard
     * only bounds the wait: if it expires, the test still holds, because late callers see the synchronized state
     * and never fetch.
     */
    private static void awaitAllParked(List<Thread> threads) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (Thread t : threads) {
            while (!isBlocked(t) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }
    }

    private static boolean isBlocked(Thread t) {
        Thread.State state = t.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                || state == Thread.State.TERMINATED;
    }

    private static void joinAll(List<Thread> threads) throws InterruptedException {
        for (Thread t : threads) {
            t.join(30_000);
            assertThat(t.isAlive()).as("%s finished", t.getName()).isFalse();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test latch never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
