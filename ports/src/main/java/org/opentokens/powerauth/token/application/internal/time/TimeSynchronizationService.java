package org.opentokens.powerauth.token.application.internal.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.opentokens.powerauth.token.domain.error.PowerAuthClientException;
import org.opentokens.powerauth.token.domain.error.TimeNotSynchronizedException;

/**
 * Holds the offset between the local {@link Clock} and the PowerAuth server for one SDK instance, applying the
 * mobile SDK's sample rules ({@link #MAX_ROUND_TRIP}, {@link #JITTER_TOLERANCE}, {@link #MIN_ADJUSTMENT}; see
 * {@link SampleOutcome} and {@code docs/client-design.md}) and, with a {@link TimeOffsetMemory}, reusing an offset an
 * earlier process stored.
 *
 * <p>{@link #currentServerTimeMs()} and {@link #serverClock()} throw {@link TimeNotSynchronizedException} until
 * synchronized; {@link #estimatedServerTimeMs()} and {@link #estimatingClock()} fall back to local time. Thread-safe:
 * changes happen under one lock, readers see one immutable {@link TimeSyncState}, and concurrent synchronizations
 * share one fetch.
 */
public final class TimeSynchronizationService {

    /** Samples with a longer round trip are rejected. */
    public static final Duration MAX_ROUND_TRIP = Duration.ofSeconds(16);
    /**
     * Offsets shorter than this synchronize without adjusting: the stored offset is zero and the stored precision
     * is {@code RTT/2 + |offset|}, an honest error bound.
     */
    public static final Duration MIN_ADJUSTMENT = Duration.ofSeconds(2);
    /** Once synchronized, offsets closer than this to the stored offset are ignored (anti-jitter). */
    public static final Duration JITTER_TOLERANCE = Duration.ofSeconds(10);

    /**
     * Latest server time accepted, the largest timestamp a token header can carry (15 digits, about year 33658).
     * Later values come from a broken or hostile server; they would make every estimate of server time overflow.
     */
    public static final long MAX_SERVER_TIME_MS = 999_999_999_999_999L;

    private static final long MAX_ROUND_TRIP_MS = MAX_ROUND_TRIP.toMillis();
    private static final long MIN_ADJUSTMENT_MS = MIN_ADJUSTMENT.toMillis();
    private static final long JITTER_TOLERANCE_MS = JITTER_TOLERANCE.toMillis();

    private final Clock clock;
    private final TimeOffsetMemory memory;
    private final Object writeLock = new Object();
    private final AtomicReference<CompletableFuture<SampleOutcome>> inFlight = new AtomicReference<>();
    private volatile TimeSyncState state;
    /** Whether the memory was asked already (or a reset made asking it pointless); guarded by writeLock. */
    private boolean recalled;

    /**
     * @param clock the local clock; the only source of local time
     * @throws NullPointerException if {@code clock} is null
     */
    public TimeSynchronizationService(Clock clock) {
        this(clock, TimeOffsetMemory.NONE);
    }

    /**
     * @param clock the local clock; the only source of local time
     * @param memory where the offset is kept for later processes
     * @throws NullPointerException if an argument is null
     */
    public TimeSynchronizationService(Clock clock, TimeOffsetMemory memory) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.memory = Objects.requireNonNull(memory, "memory");
    }

    /**
     * Processes the {@code serverTime} of a request whose local start and end were measured with this service's
     * clock ({@code /pa/v3/status}, a temporary key's {@code iat_ms}, an ECIES response {@code timestamp}).
     *
     * @param serverTimeMs the server time in the response, epoch milliseconds
     * @param localRequestStartMs local time before the request was sent (T0)
     * @param localResponseEndMs local time after the response arrived (T1)
     * @return what was done with the sample; a response end before the start, a negative server time or values
     *     whose offset overflows a {@code long} give {@link SampleOutcome#REJECTED}, not an exception, since they
     *     come from outside
     */
    public SampleOutcome processServerTime(long serverTimeMs, long localRequestStartMs, long localResponseEndMs) {
        if (serverTimeMs < 0 || localResponseEndMs < localRequestStartMs) {
            return SampleOutcome.REJECTED;
        }
        ServerTimeSample sample;
        try {
            sample = ServerTimeSample.measured(serverTimeMs, localRequestStartMs, localResponseEndMs);
        } catch (ArithmeticException overflow) {
            return SampleOutcome.REJECTED;
        }
        return processSample(sample);
    }

    /**
     * Processes one sample by the rules in the class description.
     *
     * @param sample the sample
     * @return what was done with it; an offset that overflows a {@code long}, or a server time beyond
     *     {@link #MAX_SERVER_TIME_MS}, is {@link SampleOutcome#REJECTED}
     * @throws NullPointerException if {@code sample} is null
     */
    public SampleOutcome processSample(ServerTimeSample sample) {
        Objects.requireNonNull(sample, "sample");
        if (sample.roundTripMs() > MAX_ROUND_TRIP_MS || sample.serverTimeMs() > MAX_SERVER_TIME_MS) {
            return SampleOutcome.REJECTED;
        }
        long offsetMs;
        try {
            offsetMs = sample.offsetMs();
        } catch (ArithmeticException overflow) {
            return SampleOutcome.REJECTED;
        }
        long precisionMs = sample.precisionMs();
        Instant at = Instant.ofEpochMilli(sample.localTimeMs());
        SampleOutcome outcome;
        TimeSyncState confirmed;
        synchronized (writeLock) {
            TimeSyncState current = state;
            if (current != null && Math.abs(offsetMs - current.offset().toMillis()) < JITTER_TOLERANCE_MS) {
                outcome = SampleOutcome.IGNORED_JITTER;
            } else if (Math.abs(offsetMs) < MIN_ADJUSTMENT_MS) {
                state = new TimeSyncState(Duration.ZERO, Duration.ofMillis(precisionMs + Math.abs(offsetMs)), at);
                outcome = SampleOutcome.SYNCHRONIZED_WITHOUT_ADJUSTMENT;
            } else {
                state = new TimeSyncState(Duration.ofMillis(offsetMs), Duration.ofMillis(precisionMs), at);
                outcome = SampleOutcome.APPLIED;
            }
            recalled = true;
            confirmed = state;
        }
        if (outcome != SampleOutcome.IGNORED_JITTER) {
            memory.remember(confirmed);
        }
        return outcome;
    }

    /** @return whether a sample has been accepted since creation or the last {@link #reset()} */
    public boolean isSynchronized() {
        return state != null;
    }

    /** @return the current snapshot, or empty when not synchronized */
    public Optional<TimeSyncState> state() {
        return Optional.ofNullable(state);
    }

    /** @return the offset to add to local time; {@link Duration#ZERO} when not synchronized (best effort) */
    public Duration offset() {
        TimeSyncState current = state;
        return current == null ? Duration.ZERO : current.offset();
    }

    /**
     * Server time now: local clock plus the offset.
     *
     * @return epoch milliseconds on the server's clock
     * @throws TimeNotSynchronizedException ({@link TimeNotSynchronizedException.Reason#NOT_SYNCHRONIZED}) when not
     *     synchronized
     */
    public long currentServerTimeMs() {
        return Math.addExact(clock.millis(), requireState().offset().toMillis());
    }

    /**
     * Server time at a local clock reading the caller already took.
     *
     * @param localMs a reading of this service's clock
     * @return epoch milliseconds on the server's clock
     * @throws TimeNotSynchronizedException when not synchronized, as {@link #currentServerTimeMs()}
     */
    public long serverTimeAt(long localMs) {
        return Math.addExact(localMs, requireState().offset().toMillis());
    }

    /** @return local clock plus the offset, or plain local time when not synchronized; never throws */
    public long estimatedServerTimeMs() {
        return Math.addExact(clock.millis(), offset().toMillis());
    }

    /**
     * A strict {@link Clock} on server time, in the local clock's zone, for code that takes a plain clock.
     *
     * @return a clock whose {@code instant()} throws {@link TimeNotSynchronizedException} when not synchronized
     */
    public Clock serverClock() {
        return new ServerClock(this, clock, clock.getZone(), true);
    }

    /** @return a best-effort {@link Clock} on server time that falls back to local time when not synchronized */
    public Clock estimatingClock() {
        return new ServerClock(this, clock, clock.getZone(), false);
    }

    /**
     * Makes sure time is synchronized: returns at once when it is, and otherwise performs one synchronization,
     * shared with every concurrent caller (one fetch in flight at a time). Call before producing a token header.
     *
     * @param fetch the server call, usually {@code /pa/v3/status}
     * @return the synchronized state
     * @throws PowerAuthClientException the fetch's own typed error, unchanged, to every caller of that fetch
     * @throws TimeNotSynchronizedException when the sample was rejected ({@code SAMPLE_REJECTED}), the fetch
     *     failed with another exception ({@code FETCH_FAILED}, with the cause) or the wait was interrupted
     *     ({@code INTERRUPTED}); state stays unsynchronized
     */
    public TimeSyncState ensureSynchronized(ServerTimeFetch fetch) {
        Objects.requireNonNull(fetch, "fetch");
        TimeSyncState current = state;
        if (current != null) {
            return current;
        }
        current = recallOnce();
        if (current != null) {
            return current;
        }
        SampleOutcome outcome = singleFlight(fetch);
        current = state;
        if (current != null) {
            return current;
        }
        if (outcome == SampleOutcome.REJECTED) {
            throw new TimeNotSynchronizedException(TimeNotSynchronizedException.Reason.SAMPLE_REJECTED,
                    "server time sample rejected (round trip over " + MAX_ROUND_TRIP_MS + " ms or implausible)");
        }
        throw new TimeNotSynchronizedException(TimeNotSynchronizedException.Reason.NOT_SYNCHRONIZED,
                "time synchronization was reset while it ran");
    }

    /**
     * Performs one synchronization even when already synchronized (for example after the server rejected a
     * timestamp), joining one already in flight instead of starting another.
     *
     * @param fetch the server call, usually {@code /pa/v3/status}
     * @return what was done with the sample
     * @throws PowerAuthClientException the fetch's own typed error, unchanged
     * @throws TimeNotSynchronizedException on another fetch failure ({@code FETCH_FAILED}) or an interrupt
     */
    public SampleOutcome synchronize(ServerTimeFetch fetch) {
        return singleFlight(Objects.requireNonNull(fetch, "fetch"));
    }

    /**
     * Forgets the offset, here and in the {@link TimeOffsetMemory}; time is unsynchronized until the next accepted
     * sample. A sample from a fetch that started before the reset is still applied when it arrives.
     */
    public void reset() {
        synchronized (writeLock) {
            state = null;
            recalled = true;
        }
        memory.forget();
    }

    /** @return the state, after asking the memory if this is the first need; null when still unsynchronized */
    private TimeSyncState recallOnce() {
        synchronized (writeLock) {
            if (state == null && !recalled) {
                recalled = true;
                state = memory.recall().orElse(null);
            }
            return state;
        }
    }

    private TimeSyncState requireState() {
        TimeSyncState current = state;
        if (current == null) {
            throw new TimeNotSynchronizedException(TimeNotSynchronizedException.Reason.NOT_SYNCHRONIZED,
                    "server time is not synchronized");
        }
        return current;
    }

    private SampleOutcome singleFlight(ServerTimeFetch fetch) {
        while (true) {
            CompletableFuture<SampleOutcome> running = inFlight.get();
            if (running != null) {
                return await(running);
            }
            CompletableFuture<SampleOutcome> mine = new CompletableFuture<>();
            if (inFlight.compareAndSet(null, mine)) {
                try {
                    SampleOutcome outcome = fetchAndProcess(fetch);
                    mine.complete(outcome);
                    return outcome;
                } catch (PowerAuthClientException e) {
                    mine.completeExceptionally(e);
                    throw e;
                } catch (RuntimeException e) {
                    TimeNotSynchronizedException wrapped = fetchFailed(e);
                    mine.completeExceptionally(wrapped);
                    throw wrapped;
                } catch (Error e) {
                    mine.completeExceptionally(e);
                    throw e;
                } finally {
                    inFlight.compareAndSet(mine, null);
                }
            }
        }
    }

    private SampleOutcome fetchAndProcess(ServerTimeFetch fetch) {
        long start = clock.millis();
        long serverTimeMs = fetch.fetchServerTimeMs();
        long end = clock.millis();
        SampleOutcome outcome = processServerTime(serverTimeMs, start, end);
        TimeSyncState confirmed = state;
        if (outcome == SampleOutcome.IGNORED_JITTER && confirmed != null) {
            // a status call confirmed the offset: the stored one is good for another full period
            memory.remember(confirmed);
        }
        return outcome;
    }

    private static SampleOutcome await(CompletableFuture<SampleOutcome> running) {
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeNotSynchronizedException(TimeNotSynchronizedException.Reason.INTERRUPTED,
                    "interrupted while waiting for time synchronization", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof PowerAuthClientException typed) {
                throw typed;
            }
            throw fetchFailed(cause);
        }
    }

    private static TimeNotSynchronizedException fetchFailed(Throwable cause) {
        return new TimeNotSynchronizedException(TimeNotSynchronizedException.Reason.FETCH_FAILED,
                "server time fetch failed", cause);
    }
}
