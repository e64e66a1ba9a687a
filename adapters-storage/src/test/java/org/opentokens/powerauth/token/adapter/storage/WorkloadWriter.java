package org.opentokens.powerauth.token.adapter.storage;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The parent's view of one {@link CrashWorkload} writer process: a reader thread follows the child's
 * {@code intent}/{@code acked} lines and keeps the state its acknowledged calls produced, so that after a
 * SIGKILL the parent knows which states the namespace may be in. Waits are bounded only by the hang guard.
 */
public final class WorkloadWriter implements AutoCloseable {
    private final String label;
    private final ChildJvm child;
    private final Thread reader;
    private Map<String, ValueStamp> state;
    private WorkloadOp pending;
    private int acked;
    private boolean ready;
    private boolean ended;
    private String failure;

    private WorkloadWriter(String label, ChildJvm child, Map<String, ValueStamp> initial) {
        this.label = label;
        this.child = child;
        this.state = Map.copyOf(initial);
        this.reader = new Thread(this::follow, "workload-reader-" + label);
        reader.setDaemon(true);
    }

    /**
     * @param label names the writer in failure messages
     * @param child a child started with {@link ChildJvm#startKillable} that prints {@code ready} and then runs {@link CrashWorkload#run}
     * @param initial the namespace's state as the child will find it
     * @return the writer, once the child has printed {@code ready}
     */
    public static WorkloadWriter start(String label, ChildJvm child, Map<String, ValueStamp> initial)
            throws InterruptedException {
        WorkloadWriter writer = new WorkloadWriter(label, child, initial);
        writer.reader.start();
        writer.await(() -> writer.ready, "ready");
        return writer;
    }

    /** @return how many calls the child has acknowledged */
    public synchronized int acked() {
        return acked;
    }

    /** Waits until the child has acknowledged at least {@code count} calls; fails if it dies or reports an error. */
    public void awaitAcked(int count) throws InterruptedException {
        await(() -> acked >= count, count + " acknowledged calls");
    }

    /** Kills the child with SIGKILL, reads what it printed before it died, and says what it had done. */
    public CrashPoint killAndSettle() throws InterruptedException {
        child.kill();
        reader.join(TimeUnit.SECONDS.toMillis(ChildJvm.HANG_GUARD_SECONDS));
        synchronized (this) {
            if (failure != null) {
                throw new AssertionError(label + " reported " + failure + "\n" + child.describe());
            }
            return new CrashPoint(state, Optional.ofNullable(pending));
        }
    }

    private void follow() {
        try {
            for (String line = child.readLineOrNull(); line != null; line = child.readLineOrNull()) {
                accept(line);
            }
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                failure = failure == null ? "unreadable output: " + e : failure;
            }
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    private synchronized void accept(String line) {
        if (line.equals("ready")) {
            ready = true;
        } else if (line.startsWith("intent ") && pending == null) {
            pending = WorkloadOp.decode(line.substring("intent ".length()));
        } else if (line.startsWith("acked ") && pending != null
                && Long.parseLong(line.substring("acked ".length())) == pending.seq()) {
            state = pending.applyTo(state);
            pending = null;
            acked++;
        } else if (failure == null) {
            failure = "an unexpected line: " + line;
        }
        notifyAll();
    }

    private synchronized void await(Condition condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ChildJvm.HANG_GUARD_SECONDS);
        while (!condition.holds()) {
            if (failure != null || ended) {
                throw new AssertionError(label + " stopped before " + what + ": "
                        + (failure == null ? "it exited" : failure) + "\n" + child.describe());
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(label + " hang guard: no " + what + "\n" + child.describe());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    @Override
    public void close() throws IOException {
        child.close();
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds();
    }
}
