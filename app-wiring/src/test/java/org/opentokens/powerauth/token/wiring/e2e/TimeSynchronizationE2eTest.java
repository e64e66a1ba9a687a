package org.opentokens.powerauth.token.wiring.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.inject.Module;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.SharedSecretAlgorithm;
import org.opentokens.powerauth.token.domain.error.ClientClosedException;
import org.opentokens.powerauth.token.domain.error.TimeNotSynchronizedException;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.TimeSynchronization;
import org.opentokens.powerauth.token.testing.MutableClock;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.PowerAuthTokenModule;

/**
 * The host's {@link TimeSynchronization} port, through the facade against the emulator over HTTP: the client runs
 * on a clock frozen in 2023, the emulator on the system clock, so every server time the port reports is visibly
 * the server's.
 */
class TimeSynchronizationE2eTest {
    private static final String STATUS = "/pa/v3/status";
    private final EmulatorBed bed = new EmulatorBed();
    private final MutableClock clientClock = new MutableClock();
    private final Module frozenClock = binder -> PowerAuthTokenModule.clockBinder(binder).setBinding()
            .toInstance(clientClock);

    @AfterEach
    void close() {
        bed.close();
    }

    private PowerAuthClient client() {
        return bed.client(bed.config("default", ProtocolVersion.V3_3).build(), frozenClock);
    }

    @Test
    void synchronizeCallsTheServerOnceAndThenServerTimeIsKnown() throws Exception {
        TimeSynchronization time = client().timeSynchronization();
        assertThat(time.isSynchronized()).isFalse();
        assertThatThrownBy(time::currentServerTime).isInstanceOf(TimeNotSynchronizedException.class)
                .extracting(e -> ((TimeNotSynchronizedException) e).reason())
                .isEqualTo(TimeNotSynchronizedException.Reason.NOT_SYNCHRONIZED);
        long statusCalls = bed.emulator.count(STATUS);

        time.synchronize().get(30, TimeUnit.SECONDS);

        assertThat(bed.emulator.count(STATUS)).isEqualTo(statusCalls + 1);
        assertThat(time.isSynchronized()).isTrue();
        assertThat(time.currentServerTime().toEpochMilli()).isCloseTo(bed.emulator.serverTimeMs(), within(60_000L))
                .isNotCloseTo(clientClock.millis(), within(Duration.ofDays(30).toMillis()));
    }

    @Test
    void currentServerTimeMovesWithTheLocalClockAndASynchronizeTakesUpTheServersNewTime() throws Exception {
        TimeSynchronization time = client().timeSynchronization();
        time.synchronize().get(30, TimeUnit.SECONDS);
        Instant before = time.currentServerTime();

        clientClock.advance(Duration.ofMinutes(5));
        assertThat(Duration.between(before, time.currentServerTime())).as("the offset stays").isEqualTo(
                Duration.ofMinutes(5));

        bed.emulator.setClockOffset(Duration.ofHours(3));
        time.synchronize().get(30, TimeUnit.SECONDS);
        assertThat(time.currentServerTime().toEpochMilli()).isCloseTo(bed.emulator.serverTimeMs(), within(60_000L));
        assertThat(Duration.between(before, time.currentServerTime()).toMinutes())
                .as("the server's clock moved 3 h; the local clock's 5 min are absorbed by the new offset")
                .isBetween(179L, 181L);
    }

    @Test
    void resetForgetsTheOffsetHereAndInStorageAndTheNextHeaderAsksTheServerAgain() throws Exception {
        PowerAuthClient client = client();
        bed.activate(client);
        client.tokenStore().requestAccessToken("t", PowerAuthAuthentication.possession()).join();
        TimeSynchronization time = client.timeSynchronization();
        time.synchronize().get(30, TimeUnit.SECONDS);
        assertThat(bed.snapshot("default")).containsKey("time-offset");

        time.reset();

        assertThat(time.isSynchronized()).isFalse();
        assertThatThrownBy(time::currentServerTime).isInstanceOf(TimeNotSynchronizedException.class);
        assertThat(bed.snapshot("default")).doesNotContainKey("time-offset");
        long statusCalls = bed.emulator.count(STATUS);
        assertThat(bed.useHeader(client.tokenStore().generateHeaderForToken("t"))).isEqualTo(200);
        assertThat(bed.emulator.count(STATUS)).isEqualTo(statusCalls + 1);
        assertThat(time.isSynchronized()).isTrue();
    }

    @Test
    void onAClosedClientSynchronizeFailsWithClientClosedAndSendsNothing() {
        PowerAuthClient client = client();
        TimeSynchronization time = client.timeSynchronization();
        long statusCalls = bed.emulator.count(STATUS);
        client.close();

        assertThat(EmulatorBed.failure(time.synchronize())).isInstanceOf(ClientClosedException.class);
        assertThat(bed.emulator.count(STATUS)).isEqualTo(statusCalls);
        assertThat(time.isSynchronized()).isFalse();
        time.reset();
        assertThat(time.isSynchronized()).isFalse();
    }

    @Test
    void aV4ClientSynchronizesFromV4Status() throws Exception {
        PowerAuthClient client = bed.client(V4E2eTest.v4Config(bed, "v4", SharedSecretAlgorithm.EC_P384).build(),
                frozenClock);
        long v3 = bed.emulator.count(STATUS);
        long v4 = bed.emulator.count("/pa/v4/status");

        client.timeSynchronization().synchronize().get(30, TimeUnit.SECONDS);

        assertThat(bed.emulator.count("/pa/v4/status")).isEqualTo(v4 + 1);
        assertThat(bed.emulator.count(STATUS)).isEqualTo(v3);
        assertThat(client.timeSynchronization().currentServerTime().toEpochMilli())
                .isCloseTo(bed.emulator.serverTimeMs(), within(60_000L));
    }
}
