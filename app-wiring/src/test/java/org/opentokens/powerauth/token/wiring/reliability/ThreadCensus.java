package org.opentokens.powerauth.token.wiring.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Live threads before and after a piece of work. Threads that belong to the server side (the emulator's HTTP
 * workers) or to the JVM's default async pool are not the client's and are left out; every other thread that appeared
 * must be gone once the clients are closed. {@link #leftovers} waits (joins) for dying threads, with a bound.
 */
final class ThreadCensus {
    /** The JDK HTTP client's own threads (selector, workers); on Java 17 they end when the client is collected. */
    static final Predicate<String> HTTP_CLIENT = name -> name.startsWith("HttpClient-");

    private static final long JOIN_BOUND_MS = 15_000;

    private final Set<Long> before;
    private int started;

    private ThreadCensus(Set<Thread> live) {
        this.before = live.stream().map(Thread::getId).collect(Collectors.toSet());
    }

    static ThreadCensus take() {
        return new ThreadCensus(Thread.getAllStackTraces().keySet());
    }

    /** @return how many client-side threads the last {@link #leftovers} call found started since the census */
    int started() {
        return started;
    }

    /** @return names of the client-side threads started since the census that are alive now */
    List<String> fresh() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t.getId()) && isClientSide(t.getName()))
                .map(Thread::getName).sorted().toList();
    }

    /**
     * @param which the client-side threads to look at, by name
     * @param collectGarbage whether to run the garbage collector first (JDK HTTP clients end their threads when
     *     collected)
     * @return names of such threads started since the census that are still alive after a bounded join
     */
    List<String> leftovers(Predicate<String> which, boolean collectGarbage) {
        if (collectGarbage) {
            System.gc();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(JOIN_BOUND_MS);
        List<Thread> fresh = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            String name = thread.getName();
            if (!before.contains(thread.getId()) && isClientSide(name) && which.test(name)) {
                fresh.add(thread);
            }
        }
        started = fresh.size();
        for (Thread thread : fresh) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left > 0) {
                try {
                    thread.join(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
        return fresh.stream().filter(Thread::isAlive).map(Thread::getName)
                .collect(Collectors.toCollection(TreeSet::new)).stream().toList();
    }

    /**
     * The emulator's workers are the server's. The JVM's default async pool is the JDK's: the common pool, or, where
     * it has parallelism 1 (two cores), CompletableFuture's thread-per-task executor with unnamed {@code Thread-N}
     * threads, which the JDK HTTP client completes its futures on. The library names every thread it starts.
     */
    private static boolean isClientSide(String name) {
        return !name.startsWith("powerauth-emulator-http-") && !name.startsWith("ForkJoinPool.commonPool")
                && !name.matches("Thread-\\d+");
    }
}
