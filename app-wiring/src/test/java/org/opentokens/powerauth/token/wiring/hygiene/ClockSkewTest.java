package org.opentokens.powerauth.token.wiring.hygiene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.internal.token.TokenHeader;
import org.opentokens.powerauth.token.domain.server.TokenHeaderParser;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.testing.Reliability;
import org.opentokens.powerauth.token.wiring.InMemoryStorageModule;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.testing.SkewedClock;

/**
 * A client whose clock is an hour ahead or behind the server (bound into the {@code @PowerAuthClock} slot; the
 * emulator runs on the system clock) activates and makes headers the server accepts over HTTP once time is
 * synchronized; and a client clock that jumps by an hour after synchronization is fixed by a resynchronization.
 */
@Tag("reliability")
class ClockSkewTest {
    private final HygieneBed bed = new HygieneBed();

    @AfterEach
    void close() {
        bed.close();
    }

    @ParameterizedTest(name = "skew {0} min, {1}")
    @CsvSource({"60, V3_3", "-60, V3_3", "60, V3_2", "-60, V3_2", "60, V3_1", "-60, V3_0"})
    void aClientClockAnHourOffMakesAcceptedHeadersAfterSync(long skewMinutes, ProtocolVersion version) {
        Duration skew = Duration.ofMinutes(skewMinutes);
        SkewedClock clock = new SkewedClock(skew);
        PowerAuthClient client = bed.client(bed.config("skew", version), new InMemoryStorageModule(),
                HygieneBed.clock(clock));
        bed.activate(client);
        client.tokenStore().requestAccessToken("t", PowerAuthAuthentication.possession()).join();
        int headers = Reliability.pick(20, 200);

        int accepted = 0;
        long worstDeltaMs = 0;
        for (int i = 0; i < headers; i++) {
            String value = client.tokenStore().generateHeaderForToken("t").value();
            long delta = TokenHeaderParser.parse(value).timestampMs() - bed.emulator.serverTimeMs();
            worstDeltaMs = Math.max(worstDeltaMs, Math.abs(delta));
            SecretRegistry.header(value);
            accepted += bed.send(value) == 200 ? 1 : 0;
        }

        Duration offset = Duration.between(clock.instant(), client.timeSynchronization().currentServerTime());
        Reliability.record("skew: client clock " + (skewMinutes > 0 ? "+" : "") + skewMinutes + " min, " + version,
                accepted + "/" + headers + " headers accepted over HTTP; measured offset " + offset.toMillis()
                + " ms; worst header timestamp vs server " + worstDeltaMs + " ms");
        assertThat(client.timeSynchronization().isSynchronized()).isTrue();
        assertThat(offset.toMillis()).isCloseTo(-skew.toMillis(), within(60_000L));
        assertThat(accepted).isEqualTo(headers);
    }

    @ParameterizedTest(name = "jump {0} min")
    @CsvSource({"60", "-60"})
    void aClientClockThatJumpsAnHourAfterSyncIsFixedByResynchronizing(long jumpMinutes) {
        SkewedClock clock = new SkewedClock(Duration.ZERO);
        PowerAuthClient client = bed.client(bed.config("jump", ProtocolVersion.V3_3), new InMemoryStorageModule(),
                HygieneBed.clock(clock));
        bed.activate(client);
        client.tokenStore().requestAccessToken("t", PowerAuthAuthentication.possession()).join();
        assertThat(bed.useHeader(client.tokenStore().generateHeaderForToken("t"))).isEqualTo(200);

        clock.skew(Duration.ofMinutes(jumpMinutes));
        int beforeResync = bed.useHeader(client.tokenStore().generateHeaderForToken("t"));
        client.timeSynchronization().reset();
        int headers = Reliability.pick(20, 200);
        int accepted = 0;
        for (int i = 0; i < headers; i++) {
            accepted += bed.useHeader(client.tokenStore().generateHeaderForToken("t")) == 200 ? 1 : 0;
        }

        Reliability.record("skew: client clock jumps " + (jumpMinutes > 0 ? "+" : "") + jumpMinutes
                + " min after sync", "stale offset: HTTP " + beforeResync + "; after resync " + accepted + "/"
                + headers + " accepted, offset "
                + Duration.between(clock.instant(), client.timeSynchronization().currentServerTime()).toMillis() + " ms");
        assertThat(beforeResync).as(jumpMinutes > 0 ? "an hour ahead is past the server's 30-minute future window"
                : "an hour behind is inside the server's 2-hour past window").isEqualTo(jumpMinutes > 0 ? 401 : 200);
        assertThat(accepted).isEqualTo(headers);
    }
}
