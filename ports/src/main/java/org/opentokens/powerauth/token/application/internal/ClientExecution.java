package org.opentokens.powerauth.token.application.internal;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.opentokens.powerauth.token.domain.error.ClientClosedException;

/**
 * Starts work on the client's executor and owns the one translation every service needs: the executor's
 * {@link RejectedExecutionException} (a closed client, or a host executor that was shut down) becomes a
 * {@link ClientClosedException}. The asynchronous starters report it through the future, as every host-facing
 * asynchronous call does; {@link #execute} throws it. Stateless and thread-safe.
 */
public final class ClientExecution {
    private static final Runnable NOTHING = () -> { };

    private ClientExecution() {
    }

    /**
     * @param work runs on the executor
     * @param executor the client's executor
     * @param <T> the result
     * @return the work's future, or one failed with {@link ClientClosedException} if the executor refused it
     */
    public static <T> CompletableFuture<T> supplyAsync(Supplier<T> work, Executor executor) {
        return supplyAsync(work, executor, NOTHING);
    }

    /**
     * @param work runs on the executor
     * @param executor the client's executor
     * @param onRefused runs on the caller's thread if the executor refuses the work, before the failed future is
     *     returned (to release what the work would have released)
     * @param <T> the result
     * @return the work's future, or one failed with {@link ClientClosedException} if the executor refused it
     */
    public static <T> CompletableFuture<T> supplyAsync(Supplier<T> work, Executor executor, Runnable onRefused) {
        Objects.requireNonNull(onRefused, "onRefused");
        try {
            return CompletableFuture.supplyAsync(work, executor);
        } catch (RejectedExecutionException e) {
            onRefused.run();
            return CompletableFuture.failedFuture(new ClientClosedException(e));
        }
    }

    /**
     * @param work runs on the executor
     * @param executor the client's executor
     * @return the work's future, or one failed with {@link ClientClosedException} if the executor refused it
     */
    public static CompletableFuture<Void> runAsync(Runnable work, Executor executor) {
        return runAsync(work, executor, NOTHING);
    }

    /**
     * @param work runs on the executor
     * @param executor the client's executor
     * @param onRefused runs on the caller's thread if the executor refuses the work
     * @return the work's future, or one failed with {@link ClientClosedException} if the executor refused it
     */
    public static CompletableFuture<Void> runAsync(Runnable work, Executor executor, Runnable onRefused) {
        Objects.requireNonNull(onRefused, "onRefused");
        try {
            return CompletableFuture.runAsync(work, executor);
        } catch (RejectedExecutionException e) {
            onRefused.run();
            return CompletableFuture.failedFuture(new ClientClosedException(e));
        }
    }

    /**
     * Hands a task to the executor, for callers that track its completion themselves.
     *
     * @param task runs on the executor
     * @param executor the client's executor
     * @throws ClientClosedException if the executor refused the task
     */
    public static void execute(Runnable task, Executor executor) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            throw new ClientClosedException(e);
        }
    }
}
