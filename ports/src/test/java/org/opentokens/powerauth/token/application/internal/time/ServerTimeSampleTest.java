package org.opentokens.powerauth.token.application.internal.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerTimeSampleTest {
    private static final long T0 = 1_700_000_000_000L;

    @Test
    void offsetAssumesTheServerAnsweredHalfWayThroughTheRoundTrip() {
        ServerTimeSample sample = ServerTimeSample.measured(T0 + 5_000, T0, T0 + 400);

        assertThat(sample.roundTripMs()).isEqualTo(400);
        assertThat(sample.localTimeMs()).isEqualTo(T0 + 400);
        assertThat(sample.offsetMs()).isEqualTo(5_000 + 200 - 400);
        assertThat(sample.precisionMs()).isEqualTo(200);
    }

    @Test
    void precisionRoundsUpAnOddRoundTrip() {
        ServerTimeSample sample = ServerTimeSample.measured(T0, T0, T0 + 401);

        assertThat(sample.precisionMs()).isEqualTo(201);
        assertThat(sample.offsetMs()).isEqualTo(200 - 401);
    }

    @Test
    void observedSampleTakesItsPrecisionAsHalfARoundTrip() {
        ServerTimeSample sample = ServerTimeSample.observed(T0 + 60_000, T0, Duration.ofSeconds(3));

        assertThat(sample.roundTripMs()).isEqualTo(6_000);
        assertThat(sample.precisionMs()).isEqualTo(3_000);
        assertThat(sample.offsetMs()).isEqualTo(63_000);
    }

    @Test
    void rejectsAResponseBeforeItsRequest() {
        assertThatThrownBy(() -> ServerTimeSample.measured(T0, T0, T0 - 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNegativeServerTimeAndPrecision() {
        assertThatThrownBy(() -> new ServerTimeSample(-1, T0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerTimeSample.observed(T0, T0, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
