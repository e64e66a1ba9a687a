package org.opentokens.powerauth.token.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/** Assertions and a concurrency runner for storage tests; no raw secret bytes are ever unwrapped. */
public final class StorageTestSupport {
    /** Minutes {@link #runConcurrently} waits for its tasks before reporting a probable deadlock. */
    public static final long HANG_GUARD_MINUTES = 5;

    private StorageTestSupport() {
    }

    /**
     * Asserts that {@code actual} is present and holds the same bytes as {@code expected}, compared in
     * constant time without unwrapping either.
     *
     * @param actual a value read from a storage
     * @param expected the bytes it should hold
     */
    public static void assertHolds(Optional<SecretBytes> actual, SecretBytes expected) {
        assertThat(actual).as("stored value").isPresent();
        assertThat(actual.get().length()).as("stored value length").isEqualTo(expected.length());
        assertThat(actual.get().sameBytesAs(expected)).as("stored value bytes").isTrue();
    }

    /**
     * Starts every task at once (behind a latch), each on its own thread, waits for all of them and rethrows
     * the first failure. The only clock is the {@link #HANG_GUARD_MINUTES} guard against deadlocks.
     *
     * @param tasks the tasks
     * @throws InterruptedException if the test thread is interrupted
     */
    public static void runConcurrently(List<Callable<Void>> tasks) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch ready = new CountDownLatch(tasks.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Void>> futures = new ArrayList<>();
            for (Callable<Void> task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            ready.await();
            go.countDown();
            for (Future<Void> future : futures) {
                try {
                    future.get(HANG_GUARD_MINUTES, TimeUnit.MINUTES);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof AssertionError assertion) {
                        throw assertion;
                    }
                    throw new AssertionError("a concurrent task failed", e.getCause());
                } catch (TimeoutException e) {
                    throw new AssertionError("concurrent tasks still running after the hang guard: deadlock?", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
