package org.opentokens.powerauth.token.wiring;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads one client's server calls run on: a cached pool of daemon threads named after the instance, so a
 * forgotten client never keeps the JVM alive. Owned by {@link PowerAuthClient}, which shuts it down on close;
 * after that every task is rejected.
 */
final class ClientExecutor implements Executor {
    private final ExecutorService delegate;

    ClientExecutor(String instanceId) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, "powerauth-" + instanceId + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.delegate = Executors.newCachedThreadPool(threads);
    }

    @Override
    public void execute(Runnable task) {
        if (delegate.isShutdown()) {
            throw new RejectedExecutionException("the PowerAuth client is closed");
        }
        delegate.execute(task);
    }

    /** Interrupts running server calls (they fail as unreachable) and rejects new ones. Idempotent. */
    void shutdown() {
        delegate.shutdownNow();
    }

    boolean isShutdown() {
        return delegate.isShutdown();
    }
}
