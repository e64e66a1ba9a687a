package org.opentokens.powerauth.token.port.internal.out;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.opentokens.powerauth.token.domain.error.StorageBusyException;
import org.opentokens.powerauth.token.domain.error.StorageUnavailableException;
import org.opentokens.powerauth.token.port.out.SecureStorage;

/**
 * The in-process half of {@link SecureStorage#exclusive}, for adapters to build on: one fair, reentrant lock per key,
 * entered with a bounded wait, then an {@link OuterLock} for the cross-process lock, so that only one thread per
 * process competes for it. Keys identify the backing store and the namespace; adapters keep one JVM-wide instance so
 * that storage objects on the same store share the lock. Thread-safe.
 *
 * @param <K> the key type
 */
public final class ExclusiveSections<K> {
    private final ConcurrentHashMap<K, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** The cross-process half of a section. */
    @FunctionalInterface
    public interface OuterLock<K> {
        /**
         * Takes the cross-process lock of {@code key}, waiting until {@code deadlineNanos} at most.
         *
         * @param key the section's key
         * @param deadlineNanos the {@link System#nanoTime()} after which to give up
         * @return what releases the lock
         * @throws StorageBusyException if the deadline passed
         * @throws StorageUnavailableException if the backend fails or the wait was interrupted
         */
        Hold acquire(K key, long deadlineNanos);
    }

    /** A held cross-process lock. */
    @FunctionalInterface
    public interface Hold {
        /** Releases the lock; never throws. */
        void release();
    }

    /**
     * Runs {@code action} holding the section of {@code key}.
     *
     * @param key the section's key
     * @param maxWait the longest wait to enter
     * @param outer the cross-process half, or null for a store that lives in this process only
     * @param action the work
     * @param <T> its result
     * @return its result
     * @throws StorageBusyException if not entered within {@code maxWait}
     * @throws StorageUnavailableException if interrupted while waiting, or the outer lock failed
     */
    public <T> T run(K key, Duration maxWait, OuterLock<K> outer, Supplier<T> action) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(action, "action");
        long waitNanos = checkWait(maxWait);
        ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock(true));
        if (lock.isHeldByCurrentThread()) {
            lock.lock();
            try {
                return action.get();
            } finally {
                lock.unlock();
            }
        }
        long deadline = System.nanoTime() + waitNanos;
        try {
            if (!lock.tryLock(waitNanos, TimeUnit.NANOSECONDS)) {
                throw busy(maxWait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("interrupted while waiting for the instance's exclusive section", e);
        }
        try {
            Hold hold = outer == null ? null : outer.acquire(key, deadline);
            try {
                return action.get();
            } finally {
                if (hold != null) {
                    hold.release();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param key a section's key
     * @return how many threads of this process are waiting to enter it now (an estimate, for tests and monitoring)
     */
    public int waiting(K key) {
        ReentrantLock lock = locks.get(key);
        return lock == null ? 0 : lock.getQueueLength();
    }

    /**
     * @param maxWait the wait a caller gave
     * @return it in nanoseconds
     * @throws NullPointerException if it is null
     * @throws IllegalArgumentException if it is negative
     */
    public static long checkWait(Duration maxWait) {
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative");
        }
        return maxWait.compareTo(Duration.ofDays(365)) > 0 ? Duration.ofDays(365).toNanos() : maxWait.toNanos();
    }

    /**
     * @param maxWait the wait that ran out
     * @return the typed error for it, with the wait in plain words
     */
    public static StorageBusyException busy(Duration maxWait) {
        return new StorageBusyException("another thread or process held this instance's exclusive section for "
                + "longer than the " + describe(maxWait) + " wait");
    }

    private static String describe(Duration wait) {
        long millis = wait.toMillis();
        if (millis % 1000 == 0) {
            return (millis / 1000) + " s";
        }
        return millis + " ms";
    }
}
