package org.opentokens.powerauth.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.getlime.security.powerauth.crypto.lib.enums.PowerAuthSignatureTypes;
import io.getlime.security.powerauth.http.PowerAuthSignatureHttpHeader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignatureRulesTest {

    private static final PowerAuthSignatureTypes PK = PowerAuthSignatureTypes.POSSESSION_KNOWLEDGE;

    private final Fixture fixture = Fixture.inProcess();

    @ParameterizedTest
    @ValueSource(strings = {"3.0", "3.1", "3.2", "3.3"})
    void aValidSignatureOfEachVersionIsAccepted(String version) {
        WultraDevice device = fixture.activeDevice(version);

        EmulatorResponse response = device.validateSignature(PK);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("{\"status\":\"OK\"}");
        assertThat(fixture.emulator.activation(device.activationId).counter()).isEqualTo(1);
    }

    @Test
    void theTwentiethCounterValueIsAcceptedAndTheTwentyFirstIsNot() {
        WultraDevice near = fixture.activeDevice("3.3");
        WultraDevice far = fixture.activeDevice("3.3");

        near.skipSignatures(19);
        far.skipSignatures(20);
        EmulatorResponse accepted = near.validateSignature(PK);
        EmulatorResponse rejected = far.validateSignature(PK);

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(fixture.emulator.activation(near.activationId).counter()).isEqualTo(20);
        assertThat(rejected.status()).isEqualTo(401);
        assertThat(fixture.emulator.activation(far.activationId).counter()).isZero();
    }

    @Test
    void aWrongPasswordCountsAFailedAttemptWithoutMovingTheCounter() {
        WultraDevice device = fixture.activeDevice("3.3");
        byte[] body = TestJson.utf8("{}");
        String header = device.signatureHeaderWithWrongPassword("POST", "/pa/signature/validate", body, PK);

        EmulatorResponse response = fixture.client.post("/pa/v3/signature/validate",
                Map.of(PowerAuthSignatureHttpHeader.HEADER_NAME, header), body);

        assertThat(response.status()).isEqualTo(401);
        assertThat(TestJson.read(response).path("responseObject").path("code").asText()).isEqualTo("ERR_AUTHENTICATION");
        assertThat(TestJson.read(response).path("responseObject").path("message").asText())
                .isEqualTo("POWER_AUTH_SIGNATURE_INVALID");
        EmulatorActivation snapshot = fixture.emulator.activation(device.activationId);
        assertThat(snapshot.failedAttempts()).isEqualTo(1);
        assertThat(snapshot.counter()).isZero();
        assertThat(device.status().getFailedAttempts()).isEqualTo((byte) 1);
    }

    @Test
    void theActivationBlocksAtTheMaximumOfFailedAttempts() {
        WultraDevice device = fixture.activeDevice("3.2");
        byte[] body = TestJson.utf8("{}");

        for (int i = 0; i < 5; i++) {
            String header = device.signatureHeaderWithWrongPassword("POST", "/pa/signature/validate", body, PK);
            fixture.client.post("/pa/v3/signature/validate", Map.of(PowerAuthSignatureHttpHeader.HEADER_NAME, header),
                    body);
        }
        EmulatorResponse afterBlock = device.validateSignature(PK);

        assertThat(fixture.emulator.activation(device.activationId).state()).isEqualTo(EmulatorActivationState.BLOCKED);
        assertThat(fixture.emulator.activation(device.activationId).failedAttempts()).isEqualTo(5);
        assertThat(afterBlock.status()).isEqualTo(401);
        assertThat(device.status().getActivationStatus()).isEqualTo((byte) 4);
    }

    @Test
    void aGoodTwoFactorSignatureResetsFailedAttemptsButPossessionAloneDoesNot() {
        WultraDevice device = fixture.activeDevice("3.3");
        byte[] body = TestJson.utf8("{}");
        String bad = device.signatureHeaderWithWrongPassword("POST", "/pa/signature/validate", body, PK);
        fixture.client.post("/pa/v3/signature/validate", Map.of(PowerAuthSignatureHttpHeader.HEADER_NAME, bad), body);

        device.validateSignature(PowerAuthSignatureTypes.POSSESSION);
        int afterPossession = fixture.emulator.activation(device.activationId).failedAttempts();
        device.validateSignature(PK);
        int afterTwoFactor = fixture.emulator.activation(device.activationId).failedAttempts();

        assertThat(afterPossession).isEqualTo(1);
        assertThat(afterTwoFactor).isZero();
    }

    @Test
    void aSignatureOverOtherBodyBytesFails() {
        WultraDevice device = fixture.activeDevice("3.3");
        String header = device.signatureHeader("POST", "/pa/signature/validate", TestJson.utf8("{}"), PK);

        EmulatorResponse response = fixture.client.post("/pa/v3/signature/validate",
                Map.of(PowerAuthSignatureHttpHeader.HEADER_NAME, header), TestJson.utf8("{ }"));

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void activationRemoveNeedsTwoFactors() {
        WultraDevice device = fixture.activeDevice("3.3");

        EmulatorResponse possessionOnly = device.removeActivation(PowerAuthSignatureTypes.POSSESSION);
        EmulatorResponse twoFactor = device.removeActivation(PK);

        assertThat(TestJson.isUniformAuthenticationFailure(possessionOnly)).isTrue();
        assertThat(fixture.emulator.exchanges().get(fixture.emulator.exchanges().size() - 2).reason())
                .isEqualTo(EmulatorAuthFailure.SIGNATURE_TYPE_NOT_ALLOWED);
        assertThat(twoFactor.status()).isEqualTo(200);
        assertThat(TestJson.read(twoFactor).path("responseObject").path("activationId").asText())
                .isEqualTo(device.activationId);
        assertThat(fixture.emulator.activation(device.activationId).state()).isEqualTo(EmulatorActivationState.REMOVED);
        assertThat(device.status().getActivationStatus()).isEqualTo((byte) 5);
    }

    @Test
    void signaturesOfANonActiveActivationFailWithoutCountingAttempts() {
        EmulatorActivationCode code = fixture.emulator.initActivation(fixture.app);
        WultraDevice pending = fixture.client.activate(code.activationCode(), "3.3");

        EmulatorResponse response = pending.validateSignature(PK);

        assertThat(response.status()).isEqualTo(401);
        assertThat(fixture.emulator.activation(pending.activationId).failedAttempts()).isZero();
    }

    @Test
    void aMissingOrMalformedAuthorizationHeaderGetsTheUniformBodyWithItsReasonLogged() {
        EmulatorResponse missing = fixture.client.post("/pa/v3/signature/validate", Map.of(), TestJson.utf8("{}"));
        EmulatorAuthFailure missingReason = TestJson.lastReason(fixture.emulator);
        EmulatorResponse malformed = fixture.client.post("/pa/v3/signature/validate",
                Map.of(PowerAuthSignatureHttpHeader.HEADER_NAME, "PowerAuth pa_version=\"3.3\""), TestJson.utf8("{}"));

        assertThat(TestJson.isUniformAuthenticationFailure(missing)).isTrue();
        assertThat(missingReason).isEqualTo(EmulatorAuthFailure.HEADER_MISSING);
        assertThat(TestJson.isUniformAuthenticationFailure(malformed)).isTrue();
        assertThat(TestJson.lastReason(fixture.emulator)).isEqualTo(EmulatorAuthFailure.HEADER_MALFORMED);
    }

    @Test
    void revealingReasonsNamesThemInTheMessage() {
        Fixture revealing = Fixture.inProcess(PowerAuthEmulator.builder().revealAuthenticationReasons(true).build());
        WultraDevice device = revealing.activeDevice("3.3");

        EmulatorResponse missing = revealing.client.post("/pa/v3/signature/validate", Map.of(), TestJson.utf8("{}"));
        EmulatorResponse wrongType = device.removeActivation(PowerAuthSignatureTypes.POSSESSION);
        EmulatorResponse wrongPassword = revealing.client.post("/pa/v3/signature/validate",
                Map.of(PowerAuthSignatureHttpHeader.HEADER_NAME, device.signatureHeaderWithWrongPassword("POST",
                        "/pa/signature/validate", TestJson.utf8("{}"), PK)), TestJson.utf8("{}"));

        assertThat(List.of(missing, wrongType, wrongPassword)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(401);
            assertThat(TestJson.errorCode(r)).isEqualTo("ERR_AUTHENTICATION");
        });
        assertThat(List.of(missing, wrongType, wrongPassword))
                .extracting(r -> TestJson.read(r).path("responseObject").path("message").asText())
                .containsExactly("POWER_AUTH_REQUEST_INVALID", "POWER_AUTH_SIGNATURE_TYPE_INVALID",
                        "POWER_AUTH_SIGNATURE_INVALID");
    }

    @Test
    void counterStaysInStepOverAMixedRunOfGoodAndBadSignatures() {
        WultraDevice device = fixture.activeDevice("3.3");
        byte[] body = TestJson.utf8("{}");
        int accepted = 0;
        for (int i = 0; i < 50; i++) {
            if (i % 5 == 3) {
                String bad = device.signatureHeaderWithWrongPassword("POST", "/pa/signature/validate", body, PK);
                fixture.client.post("/pa/v3/signature/validate",
                        Map.of(PowerAuthSignatureHttpHeader.HEADER_NAME, bad), body);
            } else if (device.validateSignature(PK).status() == 200) {
                accepted++;
            }
        }

        EmulatorActivation snapshot = fixture.emulator.activation(device.activationId);
        assertThat(accepted).isEqualTo(40);
        assertThat(snapshot.counter()).isEqualTo(50);
        assertThat(snapshot.ctrDataBase64()).isEqualTo(java.util.Base64.getEncoder().encodeToString(device.ctrData()));
        assertThat(snapshot.state()).isEqualTo(EmulatorActivationState.ACTIVE);
    }
}
