package org.opentokens.powerauth.token.wiring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.testkit.EmulatorActivationState;
import org.opentokens.powerauth.token.domain.ActivationState;
import org.opentokens.powerauth.token.domain.error.MissingActivationException;
import org.opentokens.powerauth.token.domain.error.ServerRejectedException;
import org.opentokens.powerauth.token.port.in.PowerAuthActivationStatus;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;

/** What the server refuses, over real HTTP: replays, wrong passwords, a blocked and a removed activation. */
class RejectionE2eTest {
    private final EmulatorBed bed = new EmulatorBed();

    @AfterEach
    void close() {
        bed.close();
    }

    @Test
    void aReplayedHeaderIsRejected() {
        PowerAuthClient client = bed.client();
        bed.activate(client);
        client.tokenStore().requestAccessToken("t", PowerAuthAuthentication.possession()).join();
        PowerAuthAuthorizationHttpHeader header = client.tokenStore().generateHeaderForToken("t");

        assertThat(bed.useHeader(header)).isEqualTo(200);
        assertThat(bed.useHeader(header)).isEqualTo(401);
        assertThat(bed.useHeader(client.tokenStore().generateHeaderForToken("t"))).isEqualTo(200);
    }

    @Test
    void aWrongPasswordIsATypedRejectionAndCountsAFailedAttempt() {
        PowerAuthClient client = bed.client();
        String id = bed.activate(client);

        Throwable failure = EmulatorBed.failure(client.tokenStore().requestAccessToken("t",
                EmulatorBed.wrongPassword()));

        assertThat(failure).isInstanceOfSatisfying(ServerRejectedException.class, rejected -> {
            assertThat(rejected.httpStatus()).isEqualTo(401);
            assertThat(rejected.hasErrorCode("ERR_AUTHENTICATION")).isTrue();
        });
        assertThat(failure.getMessage()).doesNotContain("4321");
        assertThat(client.tokenStore().hasLocalToken("t")).isFalse();
        assertThat(bed.emulator.activation(id).failedAttempts()).isEqualTo(1);
        PowerAuthActivationStatus status = client.activation().fetchActivationStatus().join();
        assertThat(status.failedAttempts()).isEqualTo(1);
        assertThat(status.remainingAttempts()).isEqualTo(4);

        client.tokenStore().requestAccessToken("t", EmulatorBed.password()).join();
        assertThat(bed.emulator.activation(id).failedAttempts()).as("a good password resets the count").isZero();
    }

    @Test
    void theActivationBlocksAfterTheMaximumOfFailedAttempts() {
        PowerAuthClient client = bed.client();
        String id = bed.activate(client);
        client.tokenStore().requestAccessToken("kept", PowerAuthAuthentication.possession()).join();
        int max = bed.emulator.activation(id).maxFailedAttempts();

        for (int i = 0; i < max; i++) {
            assertThat(EmulatorBed.failure(client.tokenStore().requestAccessToken("t" + i,
                    EmulatorBed.wrongPassword()))).isInstanceOf(ServerRejectedException.class);
        }

        assertThat(bed.emulator.activation(id).state()).isEqualTo(EmulatorActivationState.BLOCKED);
        PowerAuthActivationStatus status = client.activation().fetchActivationStatus().join();
        assertThat(status.state()).isEqualTo(ActivationState.BLOCKED);
        assertThat(status.remainingAttempts()).isZero();
        assertThat(EmulatorBed.failure(client.tokenStore().requestAccessToken("x", EmulatorBed.password())))
                .as("even the right password").isInstanceOf(ServerRejectedException.class);
        assertThat(bed.useHeader(client.tokenStore().generateHeaderForToken("kept"))).isEqualTo(401);
        assertThat(client.tokenStore().hasLocalToken("kept")).as("blocked is not removed").isTrue();

        bed.emulator.unblockActivation(id);
        assertThat(client.activation().fetchActivationStatus().join().state()).isEqualTo(ActivationState.ACTIVE);
        assertThat(bed.useHeader(client.tokenStore().generateHeaderForToken("kept"))).isEqualTo(200);
        client.tokenStore().requestAccessToken("x", EmulatorBed.password()).join();
    }

    @Test
    void theServerRemovingTheActivationWipesTheTokensAtTheNextStatus() {
        PowerAuthClient client = bed.client();
        String id = bed.activate(client);
        client.tokenStore().requestAccessToken("a", PowerAuthAuthentication.possession()).join();
        client.tokenStore().requestAccessToken("b", EmulatorBed.password()).join();

        bed.emulator.removeActivation(id);
        assertThat(client.activation().fetchActivationStatus().join().state()).isEqualTo(ActivationState.REMOVED);

        assertThat(client.tokenStore().localTokenNames()).isEmpty();
        assertThat(client.activation().hasValidActivation()).isFalse();
        assertThat(bed.snapshot("default").keySet()).containsExactlyInAnyOrder("activation", "time-offset");
        assertThat(EmulatorBed.failure(client.tokenStore().requestAccessToken("a",
                PowerAuthAuthentication.possession()))).isInstanceOf(MissingActivationException.class);

        client.activation().removeActivationLocal();
        assertThat(bed.snapshot("default")).containsOnlyKeys("time-offset");
        bed.activate(client);
        assertThat(client.tokenStore().hasLocalToken("a")).isFalse();
    }
}
