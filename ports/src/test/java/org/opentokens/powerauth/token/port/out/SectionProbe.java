package org.opentokens.powerauth.token.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/**
 * Helpers of the section parts of the storage contract: a counter entry incremented read-modify-write inside
 * sections (a lost update shows as a short sum), and a thread that holds a section until told to leave.
 */
public final class SectionProbe {
    /** A wait that never runs out in a passing run: a hang guard, not a timing assumption. */
    public static final Duration LONG_WAIT = Duration.ofSeconds(60);
    /** A wait short enough to keep busy-path tests fast. */
    public static final Duration SHORT_WAIT = Duration.ofMillis(50);

    private SectionProbe() {
    }

    /**
     * @return the counter entry's value, 0 if absent
     */
    public static long read(SecureStorage storage, StorageNamespace namespace, String name) {
        Optional<SecretBytes> stored = storage.get(namespace, name);
        if (stored.isEmpty()) {
            return 0;
        }
        byte[] bytes = stored.get().copyBytes(InsecureSecretAccess.get());
        stored.get().destroy();
        return Long.parseLong(new String(bytes, StandardCharsets.US_ASCII));
    }

    /** Stores {@code value} as the counter entry. */
    public static void write(SecureStorage storage, StorageNamespace namespace, String name, long value) {
        storage.put(namespace, name, SecretBytes.copyOf(Long.toString(value).getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * Increments the counter {@code times} times, each time inside a section, with a yield between the read and
     * the write to widen the window a missing exclusion would leave.
     *
     * @param inside counts the threads of this JVM inside the section; must be 1 after each entry
     * @param maxInside the largest value {@code inside} reached
     */
    public static void count(SecureStorage storage, StorageNamespace namespace, String name, int times,
            AtomicInteger inside, AtomicInteger maxInside) {
        for (int i = 0; i < times; i++) {
            storage.exclusive(namespace, LONG_WAIT, () -> {
                maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                try {
                    long value = read(storage, namespace, name);
                    Thread.yield();
                    write(storage, namespace, name, value + 1);
                } finally {
                    inside.decrementAndGet();
                }
                return null;
            });
        }
    }

    /** A thread that enters a section, then holds it until {@link #leave()}. */
    public static final class Holder implements AutoCloseable {
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch leave = new CountDownLatch(1);
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final Thread thread;

        private Holder(SecureStorage storage, StorageNamespace namespace) {
            thread = new Thread(() -> {
                try {
                    storage.exclusive(namespace, LONG_WAIT, () -> {
                        entered.countDown();
                        awaitQuietly(leave);
                        return null;
                    });
                } catch (RuntimeException | Error e) {
                    failure.set(e);
                    entered.countDown();
                }
            }, "section-holder");
            thread.setDaemon(true);
        }

        /**
         * Starts the holder and returns once it is inside the section.
         *
         * @return the holder
         */
        public static Holder enter(SecureStorage storage, StorageNamespace namespace) throws InterruptedException {
            Holder holder = new Holder(storage, namespace);
            holder.thread.start();
            assertThat(holder.entered.await(LONG_WAIT.toSeconds(), TimeUnit.SECONDS)).as("holder entered").isTrue();
            assertThat(holder.failure.get()).as("holder failed to enter").isNull();
            return holder;
        }

        /** Leaves the section and waits until the thread has left it. */
        public void leave() throws InterruptedException {
            leave.countDown();
            thread.join(TimeUnit.SECONDS.toMillis(LONG_WAIT.toSeconds()));
            assertThat(thread.isAlive()).as("holder still inside").isFalse();
            assertThat(failure.get()).as("holder failed").isNull();
        }

        @Override
        public void close() throws InterruptedException {
            if (thread.isAlive()) {
                leave();
            }
        }
    }

    /**
     * Waits until {@code thread} is parked (waiting for a lock, or sleeping between polls of an OS lock).
     */
    public static void awaitWaiting(Thread thread) throws InterruptedException {
        for (int i = 0; i < 60_000; i++) {
            Thread.State state = thread.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                return;
            }
            if (state == Thread.State.TERMINATED) {
                throw new AssertionError("the waiter ended before it waited");
            }
            Thread.sleep(1);
        }
        throw new AssertionError("the waiter never waited");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
