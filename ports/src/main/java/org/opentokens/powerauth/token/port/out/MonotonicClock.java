package org.opentokens.powerauth.token.port.out;

/**
 * A clock that only moves forward at a steady rate, shared by every process of one boot of the machine, and the
 * identity of that boot. It tells whether the wall clock ({@code java.time.Clock}) was stepped since an earlier
 * reading, possibly taken by another process; the stored server time offset is trusted only then.
 *
 * <p>Thread-safe.
 */
public interface MonotonicClock {

    /**
     * @return milliseconds since an origin fixed for the whole boot (on Linux {@code CLOCK_MONOTONIC}, which
     *     {@code System.nanoTime} reads); comparable between processes only when {@link #bootId()} is equal
     */
    long millis();

    /**
     * @return an identifier of the current boot, the same for every process until the machine restarts; empty
     *     when the platform offers none, and then readings of other processes are never trusted
     */
    String bootId();

    /** A clock whose readings are never comparable between processes: no stored offset is ever trusted. */
    MonotonicClock UNKNOWN_BOOT = new MonotonicClock() {
        @Override
        public long millis() {
            return 0;
        }

        @Override
        public String bootId() {
            return "";
        }
    };
}
