package org.opentokens.powerauth.token.application.internal.token;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.opentokens.powerauth.token.application.internal.time.ServerTimeFetch;
import org.opentokens.powerauth.token.application.internal.time.TimeSynchronizationService;
import org.opentokens.powerauth.token.domain.error.PowerAuthClientException;
import org.opentokens.powerauth.token.domain.error.TimeNotSynchronizedException;

/** The one-off time synchronization before the first header: inline, or started early on the executor. */
final class HeaderTimeSynchronizer {
    private final TimeSynchronizationService time;
    private final ServerTimeFetch fetch;
    private final Executor executor;

    HeaderTimeSynchronizer(TimeSynchronizationService time, ServerTimeFetch fetch, Executor executor) {
        this.time = time;
        this.fetch = fetch;
        this.executor = executor;
    }

    /**
     * Synchronizes time with the server unless it is (single flight with other callers).
     *
     * @throws TimeNotSynchronizedException if the server time cannot be fetched
     */
    void synchronize() {
        try {
            time.ensureSynchronized(fetch);
        } catch (TimeNotSynchronizedException e) {
            throw e;
        } catch (PowerAuthClientException e) {
            throw new TimeNotSynchronizedException(TimeNotSynchronizedException.Reason.FETCH_FAILED,
                    "time is not synchronized and the server time could not be fetched", e);
        }
    }

    /** @return {@link #synchronize()} running on the executor, or null if the executor refuses it */
    CompletableFuture<Void> start() {
        try {
            return CompletableFuture.runAsync(this::synchronize, executor);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    /**
     * @param sync a synchronization from {@link #start()}, or null
     * @throws TimeNotSynchronizedException if it failed
     */
    static void await(CompletableFuture<Void> sync) {
        if (sync == null) {
            return;
        }
        try {
            sync.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
