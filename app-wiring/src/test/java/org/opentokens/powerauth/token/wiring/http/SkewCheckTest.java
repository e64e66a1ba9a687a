package org.opentokens.powerauth.token.wiring.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.application.internal.time.TimeSyncState;
import org.opentokens.powerauth.token.application.internal.time.TimeSynchronizationService;
import org.opentokens.powerauth.token.domain.error.ServerUnreachableException;

/** The retry decision on a fixed clock, with resyncs that apply chosen samples. */
class SkewCheckTest {
    private static final long NOW = 1_800_000_000_000L;

    private final TimeSynchronizationService time = new TimeSynchronizationService(
            Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
    private final AtomicInteger resyncs = new AtomicInteger();

    /** A resync whose server answers with local time plus this offset, after a 200 ms round trip. */
    private SkewCheck resyncTo(long offsetMs) {
        return new SkewCheck(time, () -> {
            resyncs.incrementAndGet();
            time.processServerTime(NOW + offsetMs, NOW - 100, NOW + 100);
        });
    }

    private TimeSyncState syncedAt(long offsetMs) {
        time.processServerTime(NOW + offsetMs, NOW - 100, NOW + 100);
        return time.state().orElseThrow();
    }

    @Test
    void anOffsetThatMovedMoreThanThePrecisionIsWorthARetry() {
        TimeSyncState used = syncedAt(0);

        assertThat(resyncTo(-300_000).resyncShowsSkew(used, "ERR_AUTHENTICATION")).isTrue();
        assertThat(resyncs).hasValue(1);
        assertThat(time.offset().toMillis()).isEqualTo(-300_000);
    }

    @Test
    void anUnchangedOffsetHandsThe401Over() {
        TimeSyncState used = syncedAt(-300_000);

        assertThat(resyncTo(-300_000).resyncShowsSkew(used, "ERR_AUTHENTICATION")).isFalse();
        assertThat(resyncTo(-295_000).resyncShowsSkew(used, "")).as("jitter under 10 s").isFalse();
        assertThat(resyncs).hasValue(2);
    }

    @Test
    void aMoveWithinThePrecisionIsNotEnough() {
        TimeSyncState used = syncedAt(3_000);
        time.reset();
        syncedAt(3_050);

        assertThat(resyncTo(3_050).resyncShowsSkew(used, "")).as("50 ms against 100 ms precision").isFalse();
        time.reset();
        syncedAt(3_500);
        assertThat(resyncTo(3_500).resyncShowsSkew(used, "")).as("500 ms against 100 ms precision").isTrue();
        assertThat(resyncs).as("another request's newer sample answered both").hasValue(0);
    }

    @Test
    void aResyncByAnotherRequestSinceTheHeaderAnswersWithoutACall() {
        TimeSyncState used = syncedAt(0);
        syncedAt(300_000);

        assertThat(resyncTo(300_000).resyncShowsSkew(used, "")).isTrue();
        assertThat(resyncs).hasValue(0);
    }

    @Test
    void aTimestampCodeResynchronizesAfreshAndRetriesEvenForASmallCorrection() {
        TimeSyncState used = syncedAt(5_000);

        assertThat(resyncTo(8_000).resyncShowsSkew(used, "ERR0044")).isTrue();
        assertThat(resyncs).hasValue(1);
        assertThat(time.offset().toMillis()).as("applied despite the 10 s jitter rule").isEqualTo(8_000);
    }

    @Test
    void aFailedResyncHandsThe401Over() {
        TimeSyncState used = syncedAt(0);
        SkewCheck failing = new SkewCheck(time, () -> {
            throw new ServerUnreachableException("down");
        });

        assertThat(failing.resyncShowsSkew(used, "")).isFalse();
        assertThat(failing.resyncShowsSkew(used, "ERR0030")).isFalse();
    }
}
