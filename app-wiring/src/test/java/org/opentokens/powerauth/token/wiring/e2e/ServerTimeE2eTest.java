package org.opentokens.powerauth.token.wiring.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.inject.Module;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.internal.token.TokenHeader;
import org.opentokens.powerauth.token.domain.server.TokenHeaderParser;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.testing.MutableClock;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.PowerAuthTokenModule;

/**
 * Headers and ECIES timestamps follow the server's time, not the local clock: the client runs on a clock frozen
 * in 2023 (bound into the {@code @PowerAuthClock} slot), the emulator on the system clock as a real server does.
 */
class ServerTimeE2eTest {
    private final EmulatorBed bed = new EmulatorBed();
    private final MutableClock clientClock = new MutableClock();
    private final Module frozenClock = binder -> PowerAuthTokenModule.clockBinder(binder).setBinding()
            .toInstance(clientClock);

    @AfterEach
    void close() {
        bed.close();
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void aClientClockYearsOffStillActivatesAndMakesAcceptedHeaders(ProtocolVersion version) {
        PowerAuthClient client = bed.client(bed.config("skewed" + version.ordinal(), version).build(), frozenClock);
        bed.activate(client);
        client.tokenStore().requestAccessToken("t", EmulatorBed.password()).join();

        String header = client.tokenStore().generateHeaderForToken("t").value();

        assertThat(client.timeSynchronization().isSynchronized()).isTrue();
        assertThat(TokenHeaderParser.parse(header).timestampMs()).isCloseTo(bed.emulator.serverTimeMs(), within(60_000L))
                .isNotCloseTo(clientClock.millis(), within(Duration.ofDays(30).toMillis()));
        assertThat(bed.useHeader(client.tokenStore().generateHeaderForToken("t"))).isEqualTo(200);
    }

    @Test
    void aResetAfterTheServerClockMovedResynchronizesTheHeaders() {
        PowerAuthClient client = bed.client(bed.config("default", ProtocolVersion.V3_3).build(), frozenClock);
        bed.activate(client);
        client.tokenStore().requestAccessToken("t", PowerAuthAuthentication.possession()).join();
        assertThat(bed.useHeader(client.tokenStore().generateHeaderForToken("t"))).isEqualTo(200);
        long statusCalls = bed.emulator.count("/pa/v3/status");

        bed.emulator.setClockOffset(Duration.ofHours(3));
        assertThat(bed.useHeader(client.tokenStore().generateHeaderForToken("t"))).as("stale offset").isEqualTo(401);
        assertThat(bed.snapshot("default")).containsKey("time-offset");
        client.timeSynchronization().reset();
        assertThat(bed.snapshot("default")).as("a reset forgets the stored offset").doesNotContainKey("time-offset");

        assertThat(bed.useHeader(client.tokenStore().generateHeaderForToken("t"))).isEqualTo(200);
        assertThat(bed.emulator.count("/pa/v3/status")).as("one status call").isEqualTo(statusCalls + 1);
    }
}
