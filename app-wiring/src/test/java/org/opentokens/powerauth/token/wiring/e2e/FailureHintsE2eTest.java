package org.opentokens.powerauth.token.wiring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.testkit.EmulatorActivationCode;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.ServerRejectedException;
import org.opentokens.powerauth.token.port.in.PowerAuthActivation;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.PowerAuthClientConfig;
import org.opentokens.powerauth.token.wiring.testing.BedSteps;

/**
 * The hints a rejection carries when the server's uniform answer leaves the user guessing, over real HTTP against
 * the default emulator: a wrong password, a token requested before the back office committed, a wrong base URL.
 */
class FailureHintsE2eTest {
    private static final String ACTIVATION_STATUS = "/pa/v3/activation/status";

    private final EmulatorBed bed = new EmulatorBed();

    @AfterEach
    void close() {
        bed.close();
    }

    private static ServerRejectedException rejection(Throwable failure) {
        assertThat(failure).isInstanceOf(ServerRejectedException.class);
        return (ServerRejectedException) failure;
    }

    @Test
    void aWrongPasswordOnATokenRequestSaysHowManyAttemptsRemain() {
        PowerAuthClient client = bed.client();
        bed.activate(client);
        long statusCalls = bed.emulator.count(ACTIVATION_STATUS);

        ServerRejectedException first = rejection(EmulatorBed.failure(
                client.tokenStore().requestAccessToken("t", EmulatorBed.wrongPassword())));
        ServerRejectedException second = rejection(EmulatorBed.failure(
                client.tokenStore().requestAccessToken("t", EmulatorBed.wrongPassword())));

        assertThat(first.httpStatus()).isEqualTo(401);
        assertThat(first.hasErrorCode("ERR_AUTHENTICATION")).isTrue();
        assertThat(first.hint()).contains("The password may be wrong: 4 of 5 attempts remain before the server "
                + "blocks the activation");
        assertThat(second.hint()).hasValueSatisfying(hint -> assertThat(hint).contains("3 of 5"));
        assertThat(first.getMessage()).contains("HTTP 401", "4 of 5").doesNotContain("4321");
        assertThat(bed.emulator.count(ACTIVATION_STATUS)).isEqualTo(statusCalls + 2);
    }

    @Test
    void theLastWrongPasswordSaysTheActivationIsBlocked() {
        PowerAuthClient client = bed.client();
        bed.activate(client);
        int max = 5;
        ServerRejectedException last = null;

        for (int i = 0; i < max; i++) {
            last = rejection(EmulatorBed.failure(client.activation().removeActivation(EmulatorBed.wrongPassword())));
        }

        assertThat(last.hint()).hasValueSatisfying(hint -> assertThat(hint).contains("BLOCKED", "unblock"));
        assertThat(client.activation().hasValidActivation()).as("kept locally").isTrue();
    }

    @Test
    void aWrongPasswordOnActivationRemovalSaysHowManyAttemptsRemain() {
        PowerAuthClient client = bed.client();
        bed.activate(client);

        ServerRejectedException rejected = rejection(EmulatorBed.failure(
                client.activation().removeActivation(EmulatorBed.wrongPassword())));

        assertThat(rejected.hint()).hasValueSatisfying(hint -> assertThat(hint).contains("4 of 5 attempts"));
    }

    @Test
    void withoutAStatusTheHintStillSaysThePasswordMayBeWrong() {
        PowerAuthClient client = bed.client();
        bed.activate(client);
        bed.emulator.faults().status(ACTIVATION_STATUS, 503, "");

        ServerRejectedException rejected = rejection(EmulatorBed.failure(
                client.tokenStore().requestAccessToken("t", EmulatorBed.wrongPassword())));

        assertThat(rejected.hint()).hasValueSatisfying(hint -> assertThat(hint)
                .startsWith("The password may be wrong;").doesNotContain(" of 5"));
    }

    @Test
    void aPossessionOnlyRejectionCostsNoStatusCallAndCarriesNoHint() {
        PowerAuthClient client = bed.client();
        String id = bed.activate(client);
        bed.emulator.blockActivation(id);
        long statusCalls = bed.emulator.count(ACTIVATION_STATUS);

        ServerRejectedException rejected = rejection(EmulatorBed.failure(
                client.tokenStore().requestAccessToken("t", PowerAuthAuthentication.possession())));

        assertThat(rejected.httpStatus()).isEqualTo(401);
        assertThat(rejected.hint()).isEmpty();
        assertThat(bed.emulator.count(ACTIVATION_STATUS)).isEqualTo(statusCalls);
    }

    @Test
    void aTokenRequestedBeforeTheBackOfficeCommitsSaysSo() {
        PowerAuthClient client = bed.client();
        EmulatorActivationCode code = bed.emulator.initActivation(bed.application);
        client.activation().createActivation(PowerAuthActivation.builder(code.activationCode(), "device")
                .platform("java").build()).join();
        client.activation().commitActivation(PowerAuthAuthentication.commitWithPassword(
                EmulatorBed.PASSWORD.toCharArray()));
        long tokenCreates = bed.emulator.count("/pa/v3/token/create");

        ServerRejectedException rejected = rejection(EmulatorBed.failure(
                client.tokenStore().requestAccessToken("t", PowerAuthAuthentication.possession())));

        assertThat(rejected.hasErrorCode("ERR_TEMPORARY_KEY")).isTrue();
        assertThat(rejected.hint()).hasValueSatisfying(hint -> assertThat(hint)
                .contains("has not committed the activation yet (PENDING_COMMIT)", "back office must commit"));
        assertThat(bed.emulator.count("/pa/v3/token/create")).as("nothing signed").isEqualTo(tokenCreates);
        assertThat(bed.emulator.activation(code.activationId()).counter()).isZero();

        bed.emulator.commitActivation(code.activationId());
        assertThat(client.tokenStore().requestAccessToken("t", PowerAuthAuthentication.possession()).join()
                .tokenName()).isEqualTo("t");
    }

    @Test
    void aBaseUrlEndingInPaSaysToLeaveItOut() {
        URI wrongBase = URI.create(bed.baseUri + "/pa");
        PowerAuthClientConfig config = BedSteps.config(wrongBase, bed.application, "wrong-base", ProtocolVersion.V3_3,
                java.time.Duration.ofSeconds(10)).build();
        PowerAuthClient client = bed.client(config);
        EmulatorActivationCode code = bed.emulator.initActivation(bed.application);

        ServerRejectedException rejected = rejection(EmulatorBed.failure(client.activation().createActivation(
                PowerAuthActivation.builder(code.activationCode(), "device").build())));

        assertThat(rejected.httpStatus()).isEqualTo(404);
        assertThat(rejected.hint()).hasValueSatisfying(hint -> assertThat(hint)
                .startsWith("The server base URL ends in /pa"));
    }
}
