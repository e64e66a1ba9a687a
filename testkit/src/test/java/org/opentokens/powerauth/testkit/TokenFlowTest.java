package org.opentokens.powerauth.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.getlime.security.powerauth.crypto.lib.enums.PowerAuthSignatureTypes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenFlowTest {

    private final Fixture fixture = Fixture.inProcess();

    @ParameterizedTest
    @ValueSource(strings = {"3.0", "3.1", "3.2", "3.3"})
    void tokenCreatedWithEachVersionOpensTheProtectedResource(String version) {
        WultraDevice device = fixture.activeDevice(version);

        WultraDevice.IssuedToken token = device.createToken(PowerAuthSignatureTypes.POSSESSION_KNOWLEDGE);
        EmulatorResponse response = device.getResource(PowerAuthEmulator.RESOURCE_PATH,
                WultraDevice.tokenHeader(token, version, fixture.emulator.serverTimeMs()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(TestJson.read(response).path("responseObject").path("signatureType").asText())
                .isEqualTo("possession_knowledge");
        assertThat(TestJson.read(response).path("responseObject").path("activationId").asText())
                .isEqualTo(device.activationId);
        assertThat(fixture.emulator.tokens(device.activationId))
                .containsExactly(new EmulatorToken(token.tokenId(), device.activationId, "possession_knowledge"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.0", "3.1", "3.2", "3.3"})
    void headersOfEveryVersionAreAcceptedForOneToken(String headerVersion) {
        WultraDevice device = fixture.activeDevice("3.3");
        WultraDevice.IssuedToken token = device.createToken(PowerAuthSignatureTypes.POSSESSION);

        EmulatorResponse response = device.getResource(
                WultraDevice.tokenHeader(token, headerVersion, fixture.emulator.serverTimeMs()));

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void tokenCreateAdvancesTheServerCounterInStepWithTheClient() {
        WultraDevice device = fixture.activeDevice("3.3");

        device.createToken(PowerAuthSignatureTypes.POSSESSION);
        device.createToken(PowerAuthSignatureTypes.POSSESSION_BIOMETRY);

        EmulatorActivation snapshot = fixture.emulator.activation(device.activationId);
        assertThat(snapshot.counter()).isEqualTo(2);
        assertThat(snapshot.ctrDataBase64()).isEqualTo(java.util.Base64.getEncoder().encodeToString(device.ctrData()));
        assertThat(snapshot.lastSignatureType()).isEqualTo("possession_biometry");
    }

    @Test
    void removedTokenNoLongerOpensTheResource() {
        WultraDevice device = fixture.activeDevice("3.3");
        WultraDevice.IssuedToken token = device.createToken(PowerAuthSignatureTypes.POSSESSION);

        EmulatorResponse removal = device.removeToken(token.tokenId());
        EmulatorResponse after = device.getResource(WultraDevice.tokenHeader(token, "3.3",
                fixture.emulator.serverTimeMs()));

        assertThat(removal.status()).isEqualTo(200);
        assertThat(TestJson.read(removal).path("responseObject").path("tokenId").asText()).isEqualTo(token.tokenId());
        assertThat(fixture.emulator.tokens(device.activationId)).isEmpty();
        assertThat(TestJson.isUniformAuthenticationFailure(after)).isTrue();
        assertThat(TestJson.lastReason(fixture.emulator)).isEqualTo(EmulatorAuthFailure.TOKEN_UNKNOWN);
    }

    @Test
    void theBackOfficeCanRemoveATokenTheClientStillHolds() {
        WultraDevice device = fixture.activeDevice("3.3");
        WultraDevice.IssuedToken token = device.createToken(PowerAuthSignatureTypes.POSSESSION);

        boolean removed = fixture.emulator.removeToken(token.tokenId());
        EmulatorResponse after = device.getResource(WultraDevice.tokenHeader(token, "3.3",
                fixture.emulator.serverTimeMs()));

        assertThat(removed).isTrue();
        assertThat(fixture.emulator.removeToken(token.tokenId())).isFalse();
        assertThat(TestJson.isUniformAuthenticationFailure(after)).isTrue();
        assertThat(TestJson.lastReason(fixture.emulator)).isEqualTo(EmulatorAuthFailure.TOKEN_UNKNOWN);
    }

    @Test
    void removingAnUnknownTokenAnswersOkAndRemovesNothing() {
        WultraDevice device = fixture.activeDevice("3.2");
        WultraDevice.IssuedToken token = device.createToken(PowerAuthSignatureTypes.POSSESSION);

        EmulatorResponse removal = device.removeToken("0f8fad5b-d9cb-469f-a165-70867728950e");

        assertThat(removal.status()).isEqualTo(200);
        assertThat(fixture.emulator.tokens(device.activationId)).hasSize(1).first()
                .extracting(EmulatorToken::tokenId).isEqualTo(token.tokenId());
    }

    @Test
    void aReplayedTokenHeaderIsRejected() {
        WultraDevice device = fixture.activeDevice("3.3");
        WultraDevice.IssuedToken token = device.createToken(PowerAuthSignatureTypes.POSSESSION);
        String header = WultraDevice.tokenHeader(token, "3.3", fixture.emulator.serverTimeMs());

        EmulatorResponse first = device.getResource(header);
        EmulatorResponse replay = device.getResource(header);

        assertThat(first.status()).isEqualTo(200);
        assertThat(TestJson.isUniformAuthenticationFailure(replay)).isTrue();
        assertThat(TestJson.lastReason(fixture.emulator)).isEqualTo(EmulatorAuthFailure.TOKEN_REPLAYED);
    }

    @Test
    void movingTheServerClockAgesTokenHeaders() {
        WultraDevice device = fixture.activeDevice("3.3");
        WultraDevice.IssuedToken token = device.createToken(PowerAuthSignatureTypes.POSSESSION);
        String header = WultraDevice.tokenHeader(token, "3.3", fixture.emulator.serverTimeMs());

        fixture.emulator.setClockOffset(java.time.Duration.ofHours(3));
        EmulatorResponse response = device.getResource(header);

        assertThat(TestJson.isUniformAuthenticationFailure(response)).isTrue();
        assertThat(TestJson.lastReason(fixture.emulator)).isEqualTo(EmulatorAuthFailure.TOKEN_TIMESTAMP_TOO_OLD);
    }

    @Test
    void aTokenOfABlockedOrRemovedActivationFails() {
        WultraDevice device = fixture.activeDevice("3.3");
        WultraDevice.IssuedToken token = device.createToken(PowerAuthSignatureTypes.POSSESSION);

        fixture.emulator.blockActivation(device.activationId);
        EmulatorResponse blocked = device.getResource(WultraDevice.tokenHeader(token, "3.3",
                fixture.emulator.serverTimeMs()));
        EmulatorAuthFailure blockedReason = TestJson.lastReason(fixture.emulator);
        fixture.emulator.unblockActivation(device.activationId);
        EmulatorResponse unblocked = device.getResource(WultraDevice.tokenHeader(token, "3.3",
                fixture.emulator.serverTimeMs()));
        fixture.emulator.removeActivation(device.activationId);
        EmulatorResponse removed = device.getResource(WultraDevice.tokenHeader(token, "3.3",
                fixture.emulator.serverTimeMs()));

        assertThat(TestJson.isUniformAuthenticationFailure(blocked)).isTrue();
        assertThat(blockedReason).isEqualTo(EmulatorAuthFailure.ACTIVATION_NOT_ACTIVE);
        assertThat(unblocked.status()).isEqualTo(200);
        assertThat(TestJson.isUniformAuthenticationFailure(removed)).isTrue();
        assertThat(TestJson.lastReason(fixture.emulator)).isEqualTo(EmulatorAuthFailure.ACTIVATION_NOT_ACTIVE);
    }

    @Test
    void aTamperedDigestOrAMissingOrGarbledHeaderIsRejected() {
        WultraDevice device = fixture.activeDevice("3.3");
        WultraDevice.IssuedToken token = device.createToken(PowerAuthSignatureTypes.POSSESSION);
        WultraDevice.IssuedToken forged = new WultraDevice.IssuedToken(token.tokenId(), new byte[16]);

        EmulatorResponse wrongSecret = device.getResource(WultraDevice.tokenHeader(forged, "3.3",
                fixture.emulator.serverTimeMs()));
        EmulatorAuthFailure wrongSecretReason = TestJson.lastReason(fixture.emulator);
        EmulatorResponse missing = fixture.emulator.handle(new EmulatorRequest("GET", "/api/resource", null, null));
        EmulatorAuthFailure missingReason = TestJson.lastReason(fixture.emulator);
        EmulatorResponse garbage = device.getResource("PowerAuth nonsense");

        assertThat(List.of(wrongSecret, missing, garbage)).allMatch(TestJson::isUniformAuthenticationFailure);
        assertThat(List.of(wrongSecretReason, missingReason, TestJson.lastReason(fixture.emulator))).containsExactly(
                EmulatorAuthFailure.TOKEN_DIGEST_INVALID, EmulatorAuthFailure.HEADER_MISSING,
                EmulatorAuthFailure.HEADER_MALFORMED);
    }
}
