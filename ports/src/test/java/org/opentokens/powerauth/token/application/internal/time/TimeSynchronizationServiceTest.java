package org.opentokens.powerauth.token.application.internal.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.PowerAuthClientException;
import org.opentokens.powerauth.token.domain.error.TimeNotSynchronizedException;
import org.opentokens.powerauth.token.testing.MutableClock;

class TimeSynchronizationServiceTest {
    private static final long HOUR = 3_600_000L;

    private final MutableClock clock = new MutableClock();
    private final TimeSynchronizationService service = new TimeSynchronizationService(clock);

    /** A zero-round-trip sample saying the server is {@code offsetMs} ahead of the local clock now. */
    private SampleOutcome sampleWithOffset(long offsetMs) {
        long now = clock.millis();
        return service.processServerTime(now + offsetMs, now, now);
    }

    /** Found by the reliability fuzzing: such a sample was applied, and every later estimate overflowed. */
    @Test
    void rejectsAServerTimeBeyondTheLargestTokenTimestampSoEstimatesNeverOverflow() {
        long now = clock.millis();

        SampleOutcome outcome = service.processServerTime(Long.MAX_VALUE - HOUR, now, now);
        clock.advanceMillis(2 * HOUR);

        assertThat(outcome).isEqualTo(SampleOutcome.REJECTED);
        assertThat(service.isSynchronized()).isFalse();
        assertThat(service.estimatedServerTimeMs()).isEqualTo(clock.millis());
    }

    @Test
    void startsUnsynchronized() {
        assertThat(service.isSynchronized()).isFalse();
        assertThat(service.state()).isEmpty();
        assertThat(service.offset()).isEqualTo(Duration.ZERO);
    }

    @Test
    void computesOffsetFromServerTimePlusHalfRoundTripMinusResponseTime() {
        long t0 = clock.millis();
        long t1 = clock.advanceMillis(400).toEpochMilli();
        long serverTime = t0 + HOUR + 150;

        SampleOutcome outcome = service.processServerTime(serverTime, t0, t1);

        assertThat(outcome).isEqualTo(SampleOutcome.APPLIED);
        TimeSyncState state = service.state().orElseThrow();
        assertThat(state.offset()).isEqualTo(Duration.ofMillis(serverTime + 200 - t1));
        assertThat(state.precision()).isEqualTo(Duration.ofMillis(200));
        assertThat(state.synchronizedAt()).isEqualTo(Instant.ofEpochMilli(t1));
        assertThat(service.currentServerTimeMs()).isEqualTo(serverTime + 200);
    }

    @Test
    void precisionIsHalfTheRoundTrip() {
        long t0 = clock.millis();

        service.processServerTime(t0 + HOUR, t0, t0 + 3_000);

        assertThat(service.state().orElseThrow().precision()).isEqualTo(Duration.ofMillis(1_500));
    }

    @Test
    void rejectsARoundTripOverSixteenSeconds() {
        long t0 = clock.millis();

        assertThat(service.processServerTime(t0 + HOUR, t0, t0 + 16_001)).isEqualTo(SampleOutcome.REJECTED);
        assertThat(service.isSynchronized()).isFalse();

        assertThat(service.processServerTime(t0 + HOUR, t0, t0 + 16_000)).isEqualTo(SampleOutcome.APPLIED);
        assertThat(service.state().orElseThrow().precision()).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void rejectsAnObservedSampleWhosePrecisionImpliesOverSixteenSeconds() {
        long now = clock.millis();

        SampleOutcome outcome = service.processSample(
                ServerTimeSample.observed(now + HOUR, now, Duration.ofMillis(8_001)));

        assertThat(outcome).isEqualTo(SampleOutcome.REJECTED);
        assertThat(service.isSynchronized()).isFalse();
    }

    @Test
    void rejectsImplausibleSamplesWithoutThrowing() {
        long now = clock.millis();

        assertThat(service.processServerTime(now, now, now - 1)).isEqualTo(SampleOutcome.REJECTED);
        assertThat(service.processServerTime(-1, now, now)).isEqualTo(SampleOutcome.REJECTED);
        assertThat(service.processServerTime(Long.MAX_VALUE, 0, 2)).isEqualTo(SampleOutcome.REJECTED);
        assertThat(service.isSynchronized()).isFalse();
    }

    @Test
    void offsetUnderTwoSecondsSynchronizesWithoutAdjusting() {
        long t0 = clock.millis();

        SampleOutcome outcome = service.processServerTime(t0 + 1_999 + 50, t0, t0 + 100);

        assertThat(outcome).isEqualTo(SampleOutcome.SYNCHRONIZED_WITHOUT_ADJUSTMENT);
        assertThat(service.isSynchronized()).isTrue();
        TimeSyncState state = service.state().orElseThrow();
        assertThat(state.offset()).isEqualTo(Duration.ZERO);
        assertThat(state.precision()).isEqualTo(Duration.ofMillis(50 + 1_999));
        assertThat(service.currentServerTimeMs()).isEqualTo(clock.millis());
    }

    @Test
    void negativeOffsetUnderTwoSecondsAlsoSynchronizesWithoutAdjusting() {
        assertThat(sampleWithOffset(-1_999)).isEqualTo(SampleOutcome.SYNCHRONIZED_WITHOUT_ADJUSTMENT);
        assertThat(service.offset()).isEqualTo(Duration.ZERO);
    }

    @Test
    void offsetOfExactlyTwoSecondsIsApplied() {
        assertThat(sampleWithOffset(2_000)).isEqualTo(SampleOutcome.APPLIED);
        assertThat(service.offset()).isEqualTo(Duration.ofSeconds(2));
        assertThat(service.currentServerTimeMs()).isEqualTo(clock.millis() + 2_000);
    }

    @Test
    void onceSynchronizedIgnoresOffsetsWithinTenSecondsOfTheStoredOne() {
        sampleWithOffset(HOUR);
        TimeSyncState before = service.state().orElseThrow();
        clock.advance(Duration.ofMinutes(1));

        assertThat(sampleWithOffset(HOUR + 9_999)).isEqualTo(SampleOutcome.IGNORED_JITTER);
        assertThat(sampleWithOffset(HOUR - 9_999)).isEqualTo(SampleOutcome.IGNORED_JITTER);
        assertThat(service.state()).containsSame(before);
    }

    @Test
    void onceSynchronizedAppliesOffsetsTenSecondsOrMoreAway() {
        sampleWithOffset(HOUR);

        assertThat(sampleWithOffset(HOUR + 10_000)).isEqualTo(SampleOutcome.APPLIED);
        assertThat(service.offset()).isEqualTo(Duration.ofMillis(HOUR + 10_000));
        assertThat(sampleWithOffset(HOUR - 5_000)).isEqualTo(SampleOutcome.APPLIED);
        assertThat(service.offset()).isEqualTo(Duration.ofMillis(HOUR - 5_000));
    }

    @Test
    void jitterIsMeasuredAgainstTheStoredZeroOffsetAfterSynchronizingWithoutAdjusting() {
        sampleWithOffset(1_500);

        assertThat(sampleWithOffset(9_000)).isEqualTo(SampleOutcome.IGNORED_JITTER);
        assertThat(service.offset()).isEqualTo(Duration.ZERO);
        assertThat(sampleWithOffset(10_000)).isEqualTo(SampleOutcome.APPLIED);
    }

    @Test
    void resetForgetsTheOffset() {
        sampleWithOffset(HOUR);

        service.reset();

        assertThat(service.isSynchronized()).isFalse();
        assertThat(service.offset()).isEqualTo(Duration.ZERO);
        assertThatThrownBy(service::currentServerTimeMs).isInstanceOf(TimeNotSynchronizedException.class);
        assertThat(sampleWithOffset(HOUR + 1_000)).isEqualTo(SampleOutcome.APPLIED);
        assertThat(service.offset()).isEqualTo(Duration.ofMillis(HOUR + 1_000));
    }

    @Test
    void correctsALocalClockOneHourBehind() {
        long serverNow = clock.millis() + HOUR;
        sampleWithOffset(HOUR);

        assertThat(service.currentServerTimeMs()).isEqualTo(serverNow);
        clock.advance(Duration.ofSeconds(30));
        assertThat(service.currentServerTimeMs()).isEqualTo(serverNow + 30_000);
    }

    @Test
    void correctsALocalClockOneHourAhead() {
        long serverNow = clock.millis() - HOUR;
        sampleWithOffset(-HOUR);

        assertThat(service.offset()).isEqualTo(Duration.ofHours(-1));
        assertThat(service.currentServerTimeMs()).isEqualTo(serverNow);
        assertThat(service.serverClock().instant()).isEqualTo(Instant.ofEpochMilli(serverNow));
    }

    @Test
    void unsynchronizedStrictReadThrowsATypedError() {
        assertThatThrownBy(service::currentServerTimeMs)
                .isInstanceOf(TimeNotSynchronizedException.class)
                .isInstanceOf(PowerAuthClientException.class)
                .satisfies(e -> assertThat(((TimeNotSynchronizedException) e).reason())
                        .isEqualTo(TimeNotSynchronizedException.Reason.NOT_SYNCHRONIZED));
    }

    @Test
    void unsynchronizedBestEffortReadIsLocalTime() {
        assertThat(service.estimatedServerTimeMs()).isEqualTo(clock.millis());

        sampleWithOffset(HOUR);

        assertThat(service.estimatedServerTimeMs()).isEqualTo(clock.millis() + HOUR);
    }

    @Test
    void ensureSynchronizedMeasuresTheRoundTripWithTheInjectedClock() {
        long t0 = clock.millis();
        AtomicInteger fetches = new AtomicInteger();
        ServerTimeFetch fetch = () -> {
            fetches.incrementAndGet();
            clock.advanceMillis(300);
            return t0 + HOUR;
        };

        TimeSyncState state = service.ensureSynchronized(fetch);

        assertThat(state.offset()).isEqualTo(Duration.ofMillis(HOUR + 150 - 300));
        assertThat(state.precision()).isEqualTo(Duration.ofMillis(150));
        assertThat(service.ensureSynchronized(fetch)).isSameAs(state);
        assertThat(fetches).hasValue(1);
    }

    @Test
    void synchronizeFetchesEvenWhenSynchronized() {
        sampleWithOffset(HOUR);
        AtomicInteger fetches = new AtomicInteger();

        SampleOutcome outcome = service.synchronize(() -> {
            fetches.incrementAndGet();
            return clock.millis() + 2 * HOUR;
        });

        assertThat(outcome).isEqualTo(SampleOutcome.APPLIED);
        assertThat(fetches).hasValue(1);
        assertThat(service.offset()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void failedFetchPropagatesItsTypedErrorAndLeavesTimeUnsynchronized() {
        TestFetchFailedException failure = new TestFetchFailedException("server unreachable");

        assertThatThrownBy(() -> service.ensureSynchronized(() -> {
            throw failure;
        })).isSameAs(failure);

        assertThat(service.isSynchronized()).isFalse();
        assertThat(service.ensureSynchronized(() -> clock.millis() + HOUR).offset()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void untypedFetchFailureIsWrappedWithItsCause() {
        IllegalStateException bug = new IllegalStateException("adapter bug");

        assertThatThrownBy(() -> service.ensureSynchronized(() -> {
            throw bug;
        }))
                .isInstanceOf(TimeNotSynchronizedException.class)
                .hasCause(bug)
                .satisfies(e -> assertThat(((TimeNotSynchronizedException) e).reason())
                        .isEqualTo(TimeNotSynchronizedException.Reason.FETCH_FAILED));
        assertThat(service.isSynchronized()).isFalse();
    }

    @Test
    void ensureSynchronizedWithARejectedSampleThrowsATypedError() {
        ServerTimeFetch slow = () -> {
            clock.advance(Duration.ofSeconds(17));
            return clock.millis() + HOUR;
        };

        assertThatThrownBy(() -> service.ensureSynchronized(slow))
                .isInstanceOf(TimeNotSynchronizedException.class)
                .satisfies(e -> assertThat(((TimeNotSynchronizedException) e).reason())
                        .isEqualTo(TimeNotSynchronizedException.Reason.SAMPLE_REJECTED));
        assertThat(service.isSynchronized()).isFalse();
    }
}
