package org.opentokens.powerauth.token.application.internal.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.StorageUnavailableException;
import org.opentokens.powerauth.token.domain.error.TimeNotSynchronizedException;
import org.opentokens.powerauth.token.domain.internal.counter.HashCounter;
import org.opentokens.powerauth.token.domain.internal.token.TokenHeader;
import org.opentokens.powerauth.token.domain.server.TokenHeaderParser;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthToken;

class CounterAndTimeTest {
    private final Testbed bed = new Testbed();

    @AfterEach
    void close() throws InterruptedException {
        bed.close();
    }

    @Test
    void theAdvancedCounterIsPersistedBeforeTheRequestLeaves() {
        Testbed.Client client = bed.client();
        client.activate();
        HashCounter before = client.storedRecord().counter();
        AtomicReference<HashCounter> atSend = new AtomicReference<>();
        bed.server.beforeSignedSend(() -> atSend.set(client.storedRecord().counter()));

        client.tokens.requestAccessToken("t", PowerAuthAuthentication.possession()).join();

        assertThat(atSend.get().sameCounterAs(before.next())).isTrue();
        assertThat(client.storedRecord().counter().sameCounterAs(before.next())).isTrue();
    }

    @Test
    void theCounterAdvancesOnceEvenWhenTheServerRejectsTheSignature() {
        Testbed.Client client = bed.client();
        String id = client.activate();
        HashCounter before = client.storedRecord().counter();

        Throwable failure = Testbed.failure(client.tokens.requestAccessToken("t",
                PowerAuthAuthentication.possessionWithPassword("wrong".toCharArray())));

        assertThat(failure).hasMessageContaining("ERR_AUTHENTICATION");
        assertThat(client.storedRecord().counter().sameCounterAs(before.next())).isTrue();
        assertThat(bed.emulator.activation(id).failedAttempts()).isEqualTo(1);
    }

    @Test
    void aStorageFailureWhileSigningSendsNothing() {
        Testbed.Client client = bed.client();
        client.activate();
        HashCounter before = client.storedRecord().counter();
        bed.storage.failNextWrites(1, new StorageUnavailableException("disk gone"));

        assertThat(Testbed.failure(client.tokens.requestAccessToken("t", PowerAuthAuthentication.possession())))
                .isInstanceOf(StorageUnavailableException.class);

        assertThat(bed.emulator.count("/pa/v3/token/create")).isZero();
        assertThat(client.storedRecord().counter().sameCounterAs(before)).isTrue();
    }

    @Test
    void headersUseServerTimeEvenWithTheLocalClockAnHourOff() {
        Testbed.Client client = bed.client();
        client.activate();
        client.tokens.requestAccessToken("t", PowerAuthAuthentication.possession()).join();
        client.time.reset();
        bed.emulator.setClockOffset(Duration.ofHours(-1));
        long statusCalls = bed.emulator.count("/pa/v3/status");

        String header = client.tokens.generateHeaderForToken("t").value();

        assertThat(bed.emulator.count("/pa/v3/status")).as("unsynced time syncs first").isEqualTo(statusCalls + 1);
        assertThat(TokenHeaderParser.parse(header).timestampMs()).isCloseTo(bed.emulator.serverTimeMs(), within(5_000L));
        assertThat(bed.useHeader(client.tokens.generateHeaderForToken("t"))).isEqualTo(200);
        assertThat(bed.emulator.count("/pa/v3/status")).as("synced time is reused").isEqualTo(statusCalls + 1);
    }

    @Test
    void aResetTriggersAResyncThatFollowsTheServer() {
        Testbed.Client client = bed.client();
        client.activate();
        client.tokens.requestAccessToken("t", PowerAuthAuthentication.possession()).join();
        assertThat(bed.useHeader(client.tokens.generateHeaderForToken("t"))).isEqualTo(200);

        bed.emulator.setClockOffset(Duration.ofHours(3));
        assertThat(bed.useHeader(client.tokens.generateHeaderForToken("t"))).as("stale offset").isEqualTo(401);
        client.time.reset();

        assertThat(bed.useHeader(client.tokens.generateHeaderForToken("t"))).isEqualTo(200);
    }

    @Test
    void temporaryKeysAreCachedPerScopeAndFetchedAgainNearExpiry() {
        Testbed.Client client = bed.client();
        client.activate();
        long keys = bed.emulator.count("/pa/v3/keystore/create");
        client.tokens.requestAccessToken("a", PowerAuthAuthentication.possession()).join();
        client.tokens.requestAccessToken("b", PowerAuthAuthentication.possession()).join();
        assertThat(bed.emulator.count("/pa/v3/keystore/create")).isEqualTo(keys + 1);

        bed.clock.advance(Duration.ofMinutes(5).minusSeconds(5));
        client.tokens.requestAccessToken("c", PowerAuthAuthentication.possession()).join();

        assertThat(bed.emulator.count("/pa/v3/keystore/create")).isEqualTo(keys + 2);
    }

    @Test
    void aRejectedTemporaryKeyIsFetchedAgainOnce() {
        Testbed.Client client = bed.client();
        client.activate();
        client.tokens.requestAccessToken("a", PowerAuthAuthentication.possession()).join();
        long keys = bed.emulator.count("/pa/v3/keystore/create");
        bed.emulator.faults().status("/pa/v3/token/create", 400,
                "{\"status\":\"ERROR\",\"responseObject\":{\"code\":\"ERR_TEMPORARY_KEY\",\"message\":\"x\"}}");

        CompletableFuture<PowerAuthToken> b = client.tokens.requestAccessToken("b", PowerAuthAuthentication.possession());

        assertThat(b.join().tokenName()).isEqualTo("b");
        assertThat(bed.emulator.count("/pa/v3/keystore/create")).isEqualTo(keys + 1);
    }

    @Test
    void aHeaderNeedingATimeSyncThatFailsIsTimeNotSynchronized() {
        Testbed.Client client = bed.client();
        client.activate();
        client.tokens.requestAccessToken("t", PowerAuthAuthentication.possession()).join();
        client.time.reset();
        bed.emulator.faults().reset("/pa/v3/status");

        assertThatThrownBy(() -> client.tokens.generateHeaderForToken("t"))
                .isInstanceOf(TimeNotSynchronizedException.class);

        assertThat(bed.useHeader(client.tokens.generateHeaderForToken("t"))).as("the next call syncs").isEqualTo(200);
    }
}
