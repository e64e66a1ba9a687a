package org.opentokens.powerauth.token.application.internal.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.TimeNotSynchronizedException;
import org.opentokens.powerauth.token.testing.MutableClock;

class ServerClockTest {
    private final MutableClock local = new MutableClock();
    private final TimeSynchronizationService service = new TimeSynchronizationService(local);

    private void syncWithOffset(Duration offset) {
        long now = local.millis();
        service.processServerTime(now + offset.toMillis(), now, now);
    }

    @Test
    void strictClockThrowsWhileUnsynchronized() {
        Clock clock = service.serverClock();

        assertThatThrownBy(clock::instant).isInstanceOf(TimeNotSynchronizedException.class);
        assertThatThrownBy(clock::millis).isInstanceOf(TimeNotSynchronizedException.class);
    }

    @Test
    void followsLaterSynchronizationsAndResets() {
        Clock clock = service.serverClock();

        syncWithOffset(Duration.ofMinutes(30));
        assertThat(clock.instant()).isEqualTo(local.instant().plus(Duration.ofMinutes(30)));

        local.advance(Duration.ofSeconds(1));
        assertThat(clock.millis()).isEqualTo(local.millis() + 1_800_000);

        service.reset();
        assertThatThrownBy(clock::instant).isInstanceOf(TimeNotSynchronizedException.class);
    }

    @Test
    void estimatingClockFallsBackToLocalTime() {
        Clock clock = service.estimatingClock();

        assertThat(clock.instant()).isEqualTo(local.instant());
        syncWithOffset(Duration.ofHours(-1));
        assertThat(clock.instant()).isEqualTo(local.instant().minus(Duration.ofHours(1)));
    }

    @Test
    void withZoneKeepsTheInstantAndStrictness() {
        syncWithOffset(Duration.ofHours(1));
        ServerClock clock = (ServerClock) service.serverClock();

        Clock prague = clock.withZone(ZoneId.of("Europe/Prague"));

        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(prague.getZone()).isEqualTo(ZoneId.of("Europe/Prague"));
        assertThat(prague.instant()).isEqualTo(clock.instant());
        assertThat(((ServerClock) prague).isStrict()).isTrue();
        assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
    }

    @Test
    void equalityFollowsServiceZoneAndStrictness() {
        assertThat(service.serverClock()).isEqualTo(service.serverClock())
                .hasSameHashCodeAs(service.serverClock())
                .isNotEqualTo(service.estimatingClock())
                .isNotEqualTo(new TimeSynchronizationService(local).serverClock());
        assertThat(service.serverClock()).hasToString("ServerClock[strict, Z]");
    }
}
