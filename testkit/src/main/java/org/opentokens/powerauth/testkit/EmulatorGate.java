package org.opentokens.powerauth.testkit;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds one request inside the emulator until the test releases it, so a test can act while a client call is
 * in flight. Queued by {@link EmulatorFaults#holdRequest(String)} (held before the request is processed) or
 * {@link EmulatorFaults#holdResponse(String)} (processed, the answer held). If the emulator stops while a request
 * is held, the request is dropped as by a reset. Thread-safe.
 */
public final class EmulatorGate {
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean dropped;

    EmulatorGate() {
    }

    /**
     * Waits until a request reached the gate.
     *
     * @param timeout how long to wait
     * @return true if a request is held (or was held and released), false on timeout
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitArrival(Duration timeout) throws InterruptedException {
        return arrived.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** @return true once a request reached the gate */
    public boolean hasArrived() {
        return arrived.getCount() == 0;
    }

    /** Lets the held request (or the next one to arrive) go on. Idempotent. */
    public void release() {
        released.countDown();
    }

    /**
     * Lets the held request go as by a reset fault instead: its connection closes without an answer and a request
     * held before processing is never processed. Idempotent; no effect once released.
     */
    public void drop() {
        if (released.getCount() > 0) {
            dropped = true;
        }
        released.countDown();
    }

    /** Called by the request's thread: waits for release or drop; an interrupt drops the request. */
    void pass(String path) {
        arrived.countDown();
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmulatorConnectionResetException(path);
        }
        if (dropped) {
            throw new EmulatorConnectionResetException(path);
        }
    }
}
