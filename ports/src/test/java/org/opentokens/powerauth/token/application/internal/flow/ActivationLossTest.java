package org.opentokens.powerauth.token.application.internal.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.ActivationState;
import org.opentokens.powerauth.token.domain.error.MissingActivationException;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthToken;

class ActivationLossTest {
    private final Testbed bed = new Testbed();

    @AfterEach
    void close() throws InterruptedException {
        bed.close();
    }

    @Test
    void localRemovalWipesEveryToken() {
        Testbed.Client client = bed.client();
        client.activate();
        client.tokens.requestAccessToken("a", PowerAuthAuthentication.possession()).join();
        client.tokens.requestAccessToken("b", PowerAuthAuthentication.possession()).join();

        client.activation.removeActivationLocal();

        assertThat(client.tokens.localTokenNames()).isEmpty();
        assertThat(bed.storage.snapshot(client.configuration.namespace())).isEmpty();
    }

    @Test
    void aServerReportOfRemovedWipesTokensButKeepsTheStateVisible() {
        Testbed.Client client = bed.client();
        String id = client.activate();
        client.tokens.requestAccessToken("a", PowerAuthAuthentication.possession()).join();
        bed.emulator.removeActivation(id);

        assertThat(client.activation.fetchActivationStatus().join().state()).isEqualTo(ActivationState.REMOVED);

        assertThat(client.tokens.hasLocalToken("a")).isFalse();
        assertThat(client.activation.hasValidActivation()).isFalse();
        assertThat(Testbed.failure(client.tokens.requestAccessToken("a", PowerAuthAuthentication.possession())))
                .isInstanceOf(MissingActivationException.class);
        assertThat(bed.storage.snapshot(client.configuration.namespace()).keySet()).containsExactly("activation");
    }

    @Test
    void aNewActivationStartsWithNoTokens() {
        Testbed.Client client = bed.client();
        client.activate();
        client.tokens.requestAccessToken("a", PowerAuthAuthentication.possession()).join();
        client.activation.removeActivationLocal();

        client.activate();

        assertThat(client.tokens.hasLocalToken("a")).isFalse();
    }

    @Test
    void aTokenArrivingAfterItsActivationWasRemovedIsDiscarded() throws Exception {
        Testbed.Client client = bed.client();
        client.activate();
        Gate gate = new Gate();
        bed.server.beforeSignedSend(gate);
        CompletableFuture<PowerAuthToken> request = client.tokens.requestAccessToken("a",
                PowerAuthAuthentication.possession());
        gate.awaitArrival();

        client.activation.removeActivationLocal();
        gate.open();

        assertThat(Testbed.failure(request)).isInstanceOf(MissingActivationException.class);
        client.activate();
        assertThat(client.tokens.hasLocalToken("a")).isFalse();
        assertThat(bed.storage.snapshot(client.configuration.namespace()).keySet()).containsExactly("activation");
    }

    @Test
    void aStaleRecordOfAnotherActivationIsNeverHandedOut() {
        Testbed.Client client = bed.client();
        client.activate();
        client.tokens.requestAccessToken("a", PowerAuthAuthentication.possession()).join();
        var tokenEntry = bed.storage.snapshot(client.configuration.namespace()).get("token:a");

        client.activation.removeActivationLocal();
        client.activate();
        // A crash-restored token record from the old activation reappears in storage.
        bed.storage.put(client.configuration.namespace(), "token:a", tokenEntry);
        Testbed.Client restarted = bed.client();

        assertThat(restarted.tokens.getLocalToken("a")).isEmpty();
        assertThat(bed.storage.snapshot(client.configuration.namespace())).doesNotContainKey("token:a");
    }
}
