package org.opentokens.powerauth.token.application.internal.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.TimeNotSynchronizedException;
import org.opentokens.powerauth.token.domain.error.TokenNotFoundException;
import org.opentokens.powerauth.token.domain.internal.token.TokenHeader;
import org.opentokens.powerauth.token.domain.server.TokenHeaderParser;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;

/** The first header of a fresh client (a new process): the token comes from storage, the server time is fetched. */
class FirstHeaderTest {
    private final Testbed bed = new Testbed();

    @AfterEach
    void close() throws InterruptedException {
        bed.close();
    }

    private void storeToken() {
        Testbed.Client earlier = bed.client();
        earlier.activate();
        earlier.tokens.requestAccessToken("t", PowerAuthAuthentication.possession()).join();
    }

    @Test
    void aFreshClientReadsTheStoredTokenAndSynchronizesTimeOnceForItsFirstHeader() {
        storeToken();
        Testbed.Client fresh = bed.client();
        long statusCalls = bed.emulator.count("/pa/v3/status");

        String header = fresh.tokens.generateHeaderForToken("t").value();

        assertThat(bed.emulator.count("/pa/v3/status")).isEqualTo(statusCalls + 1);
        assertThat(fresh.time.isSynchronized()).isTrue();
        assertThat(TokenHeaderParser.parse(header).timestampMs()).isCloseTo(bed.emulator.serverTimeMs(), within(5_000L));
        assertThat(bed.useHeader(fresh.tokens.generateHeaderForToken("t"))).isEqualTo(200);
        assertThat(bed.emulator.count("/pa/v3/status")).isEqualTo(statusCalls + 1);
    }

    @Test
    void aFreshClientWhoseTimeFetchFailsGetsTimeNotSynchronizedAndRecoversOnTheNextCall() {
        storeToken();
        Testbed.Client fresh = bed.client();
        bed.emulator.faults().reset("/pa/v3/status");

        assertThatThrownBy(() -> fresh.tokens.generateHeaderForToken("t"))
                .isInstanceOf(TimeNotSynchronizedException.class);

        assertThat(bed.useHeader(fresh.tokens.generateHeaderForToken("t"))).isEqualTo(200);
    }

    @Test
    void aMissingTokenIsReportedAsMissingEvenWhenTheTimeFetchFailsToo() {
        storeToken();
        Testbed.Client fresh = bed.client();
        bed.emulator.faults().reset("/pa/v3/status");

        assertThatThrownBy(() -> fresh.tokens.generateHeaderForToken("other"))
                .isInstanceOf(TokenNotFoundException.class);
        assertThat(fresh.tokens.hasLocalToken("t")).isTrue();
    }
}
