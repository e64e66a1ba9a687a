package org.opentokens.powerauth.token.application.internal.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.MissingActivationException;
import org.opentokens.powerauth.token.domain.error.StorageBusyException;
import org.opentokens.powerauth.token.domain.error.TokenNotFoundException;
import org.opentokens.powerauth.token.port.in.PowerAuthActivationStatus;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthToken;

/**
 * One instance used by several clients that share storage and nothing else, as separate processes do: each
 * client has its own in-memory state, and the storage's exclusive section and change signal are all that
 * connect them. (The same scenarios run in real separate JVMs in app-wiring and the CLI.)
 */
class SharedInstanceTest {
    private static final Duration INTERVAL = Duration.ofMillis(500);

    private final Testbed bed = new Testbed();

    @AfterEach
    void close() throws InterruptedException {
        bed.close();
    }

    private Testbed.Client peerOf(Testbed.Client client, long seed) {
        return bed.peer(client, seed, b -> b.headerRefreshInterval(INTERVAL));
    }

    @Test
    void aTokenCreatedByOneClientIsServedByAnother() {
        Testbed.Client a = bed.client();
        a.activate();
        Testbed.Client b = peerOf(a, 2);
        PowerAuthToken token = a.tokens.requestAccessToken("shared", PowerAuthAuthentication.possession()).join();

        assertThat(b.tokens.getLocalToken("shared")).contains(token);
        assertThat(b.tokens.localTokenNames()).containsExactly("shared");
        assertThat(bed.useHeader(b.tokens.generateHeaderForToken("shared"))).isEqualTo(200);
    }

    @Test
    void aRemovalByOneClientStopsTheOthersHeadersWithinTheRefreshInterval() {
        Testbed.Client a = bed.client();
        a.activate();
        Testbed.Client b = peerOf(a, 2);
        a.tokens.requestAccessToken("shared", PowerAuthAuthentication.possession()).join();
        assertThat(bed.useHeader(b.tokens.generateHeaderForToken("shared"))).isEqualTo(200);

        a.tokens.removeLocalToken("shared");

        assertThat(b.tokens.hasLocalToken("shared")).as("local lookups check storage every time").isFalse();
        bed.clock.advance(INTERVAL);
        assertThatThrownBy(() -> b.tokens.generateHeaderForToken("shared"))
                .isInstanceOf(TokenNotFoundException.class);
    }

    @Test
    void headersUseTheCachedTokenUntilTheIntervalEndsAndNoLonger() {
        Testbed.Client a = bed.client();
        a.activate();
        Testbed.Client b = peerOf(a, 2);
        a.tokens.requestAccessToken("shared", PowerAuthAuthentication.possession()).join();
        b.tokens.generateHeaderForToken("shared");

        a.activation.removeActivationLocal();
        bed.clock.advance(INTERVAL.minusMillis(1));
        // Within the interval the header path does not look at storage (that is its speed), so it still serves.
        assertThat(b.tokens.generateHeaderForToken("shared").value()).contains("token_id=");
        bed.clock.advance(Duration.ofMillis(1));

        assertThatThrownBy(() -> b.tokens.generateHeaderForToken("shared"))
                .isInstanceOf(MissingActivationException.class);
        assertThat(b.activation.hasValidActivation()).isFalse();
        assertThat(Testbed.failure(b.tokens.requestAccessToken("other", PowerAuthAuthentication.possession())))
                .isInstanceOf(MissingActivationException.class);
    }

    @Test
    void parallelPasswordRequestsOfSeveralClientsNeverCollideOnTheCounter() {
        Testbed.Client first = bed.client();
        String id = first.activate();
        List<Testbed.Client> clients = new ArrayList<>(List.of(first));
        for (int i = 1; i < 4; i++) {
            clients.add(peerOf(first, 10 + i));
        }
        List<CompletableFuture<PowerAuthToken>> requests = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            for (int c = 0; c < clients.size(); c++) {
                requests.add(clients.get(c).tokens.requestAccessToken("t" + c + "-" + round,
                        PowerAuthAuthentication.possessionWithPassword(Testbed.PASSWORD.clone())));
            }
        }

        requests.forEach(CompletableFuture::join);

        assertThat(bed.emulator.activation(id).failedAttempts()).isZero();
        assertThat(bed.emulator.activation(id).counter()).as("one server counter step per signature").isEqualTo(20);
        assertThat(first.storedRecord().counter().ctrByte())
                .isEqualTo((int) (bed.emulator.activation(id).counter() & 0xFF));
        PowerAuthActivationStatus status = clients.get(3).activation.fetchActivationStatus().join();
        assertThat(status.counterResynchronized()).isFalse();
        assertThat(status.signSoon()).isFalse();
    }

    @Test
    void theSameNameRequestedByTwoClientsAtOnceGivesOneServerToken() throws Exception {
        Testbed.Client a = bed.client();
        a.activate();
        Testbed.Client b = peerOf(a, 2);
        Gate gate = new Gate();
        bed.server.beforeSignedSend(gate);
        CompletableFuture<PowerAuthToken> fromA = a.tokens.requestAccessToken("shared",
                PowerAuthAuthentication.possession());
        gate.awaitArrival();
        CompletableFuture<PowerAuthToken> fromB = b.tokens.requestAccessToken("shared",
                PowerAuthAuthentication.possession());
        awaitSectionWaiters(a, 1);
        gate.open();

        assertThat(fromB.join()).isEqualTo(fromA.join());
        assertThat(bed.emulator.count("/pa/v3/token/create")).isEqualTo(1);
    }

    private void awaitSectionWaiters(Testbed.Client client, int count) throws InterruptedException {
        for (int i = 0; i < 3000 && bed.storage.sectionWaiters(client.configuration.namespace()) < count; i++) {
            Thread.sleep(10);
        }
        assertThat(bed.storage.sectionWaiters(client.configuration.namespace())).as("clients waiting for the section")
                .isEqualTo(count);
    }

    @Test
    void aHeldSectionMakesAnotherClientWaitAndThenFailTyped() throws Exception {
        Testbed.Client a = bed.client();
        a.activate();
        Testbed.Client b = bed.peer(a, 2, builder -> builder.instanceLockTimeout(Duration.ofMillis(200)));
        Gate gate = new Gate();
        bed.server.beforeSignedSend(gate);
        CompletableFuture<PowerAuthToken> held = a.tokens.requestAccessToken("held",
                PowerAuthAuthentication.possession());
        gate.awaitArrival();

        assertThat(Testbed.failure(b.tokens.requestAccessToken("waiting", PowerAuthAuthentication.possession())))
                .isInstanceOf(StorageBusyException.class);
        assertThatThrownBy(() -> b.tokens.removeLocalToken("held")).isInstanceOf(StorageBusyException.class);

        gate.open();
        held.join();
        bed.server.beforeSignedSend(() -> { });
        assertThat(b.tokens.requestAccessToken("waiting", PowerAuthAuthentication.possession()).join().tokenName())
                .isEqualTo("waiting");
    }

    @Test
    void aNewActivationCommittedByAnotherClientReplacesTheOldOneEverywhere() {
        Testbed.Client a = bed.client();
        a.activate();
        Testbed.Client b = peerOf(a, 2);
        b.tokens.requestAccessToken("old", PowerAuthAuthentication.possession()).join();

        a.activation.removeActivationLocal();
        String second = a.activate();

        assertThat(b.activation.activationIdentifier()).contains(second);
        assertThat(b.tokens.hasLocalToken("old")).isFalse();
        PowerAuthToken fresh = b.tokens.requestAccessToken("new", PowerAuthAuthentication.possession()).join();
        assertThat(fresh.activationId()).isEqualTo(second);
        assertThat(a.tokens.getLocalToken("new")).contains(fresh);
    }

    @Test
    void aCommitRacingAnotherClientsCommitIsRefusedAndChangesNothing() {
        Testbed.Client a = bed.client();
        Testbed.Client b = peerOf(a, 2);
        var codeA = bed.emulator.initActivation(bed.application);
        var codeB = bed.emulator.initActivation(bed.application);
        a.activation.createActivation(org.opentokens.powerauth.token.port.in.PowerAuthActivation
                .builder(codeA.activationCode(), "a").build()).join();
        b.activation.createActivation(org.opentokens.powerauth.token.port.in.PowerAuthActivation
                .builder(codeB.activationCode(), "b").build()).join();
        a.activation.commitActivation(PowerAuthAuthentication.commitWithPassword(Testbed.PASSWORD));

        assertThatThrownBy(() -> b.activation.commitActivation(
                PowerAuthAuthentication.commitWithPassword(Testbed.PASSWORD)))
                .isInstanceOf(org.opentokens.powerauth.token.domain.error.ActivationStateException.class)
                .hasMessageContaining("another process");
        assertThat(a.storedRecord().activationId()).isEqualTo(codeA.activationId());
        assertThat(b.activation.activationIdentifier()).contains(codeB.activationId())
                .as("b still holds its created activation");
    }
}
