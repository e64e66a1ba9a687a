package org.opentokens.powerauth.token.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MutableClockTest {

    @Test
    void startsAtTheGivenInstantAndStaysThere() {
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        MutableClock clock = new MutableClock(start);

        assertThat(clock.instant()).isEqualTo(start);
        assertThat(clock.millis()).isEqualTo(start.toEpochMilli());
        assertThat(clock.instant()).isEqualTo(start);
    }

    @Test
    void advancesForward() {
        MutableClock clock = new MutableClock();

        Instant after = clock.advance(Duration.ofSeconds(5));

        assertThat(after).isEqualTo(MutableClock.DEFAULT_START.plusSeconds(5));
        assertThat(clock.instant()).isEqualTo(after);
        assertThat(clock.advanceMillis(0)).isEqualTo(after);
    }

    @Test
    void rejectsMovingBackwards() {
        MutableClock clock = new MutableClock();

        assertThatThrownBy(() -> clock.advance(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.instant()).isEqualTo(MutableClock.DEFAULT_START);
    }

    @Test
    void zonedViewSharesTheTime() {
        MutableClock clock = new MutableClock();
        var prague = clock.withZone(ZoneId.of("Europe/Prague"));

        clock.advanceMillis(1234);

        assertThat(prague.getZone()).isEqualTo(ZoneId.of("Europe/Prague"));
        assertThat(prague.instant()).isEqualTo(clock.instant());
    }
}
