package org.opentokens.powerauth.token.application.internal.time;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.opentokens.powerauth.token.application.internal.ClientExecution;
import org.opentokens.powerauth.token.domain.error.TimeNotSynchronizedException;
import org.opentokens.powerauth.token.port.in.TimeSynchronization;

/**
 * Implements the host's {@link TimeSynchronization} port over the instance's {@link TimeSynchronizationService}:
 * a forced synchronization runs on the client's executor against the instance's server time call, and everything
 * else reads or resets the service. Thread-safe.
 */
public final class HostTimeSynchronizationService implements TimeSynchronization {
    private final TimeSynchronizationService service;
    private final ServerTimeFetch fetch;
    private final Executor executor;

    /**
     * @param service the instance's time synchronization
     * @param fetch the instance's server time call ({@code /pa/v3/status} or {@code /pa/v4/status})
     * @param executor runs the server call; a refusal fails it with
     *     {@link org.opentokens.powerauth.token.domain.error.ClientClosedException}
     * @throws NullPointerException if an argument is null
     */
    public HostTimeSynchronizationService(TimeSynchronizationService service, ServerTimeFetch fetch,
            Executor executor) {
        this.service = Objects.requireNonNull(service, "service");
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public boolean isSynchronized() {
        return service.isSynchronized();
    }

    @Override
    public Instant currentServerTime() {
        return Instant.ofEpochMilli(service.currentServerTimeMs());
    }

    @Override
    public CompletableFuture<Void> synchronize() {
        return ClientExecution.runAsync(this::synchronizeNow, executor);
    }

    @Override
    public void reset() {
        service.reset();
    }

    /** @return the service behind the port, for the library's own adapters (the HTTP wrapper's skew check) */
    public TimeSynchronizationService service() {
        return service;
    }

    /**
     * Asks the server for its time on the caller's thread, even when time is synchronized (the HTTP wrapper's
     * retry after a refused header); concurrent callers share one call.
     *
     * @return what was done with the sample
     */
    public SampleOutcome resynchronizeOnCallerThread() {
        return service.synchronize(fetch);
    }

    private void synchronizeNow() {
        if (resynchronizeOnCallerThread() == SampleOutcome.REJECTED) {
            throw new TimeNotSynchronizedException(TimeNotSynchronizedException.Reason.SAMPLE_REJECTED,
                    "server time sample rejected (round trip over "
                            + TimeSynchronizationService.MAX_ROUND_TRIP.toMillis() + " ms or implausible)");
        }
    }

    @Override
    public String toString() {
        return "HostTimeSynchronizationService[" + (isSynchronized() ? "synchronized" : "not synchronized") + "]";
    }
}
