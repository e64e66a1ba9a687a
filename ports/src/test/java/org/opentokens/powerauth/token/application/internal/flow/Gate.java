package org.opentokens.powerauth.token.application.internal.flow;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.opentokens.powerauth.token.domain.error.ServerUnreachableException;

/** Holds signed requests just before they leave, until the test opens the gate; interruptible like real I/O. */
final class Gate implements Runnable {
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch open = new CountDownLatch(1);

    @Override
    public void run() {
        arrived.countDown();
        try {
            if (!open.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException("interrupted while sending", e);
        }
    }

    void awaitArrival() throws InterruptedException {
        if (!arrived.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("no request reached the gate");
        }
    }

    void open() {
        open.countDown();
    }
}
