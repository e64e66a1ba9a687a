package org.opentokens.powerauth.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.getlime.security.powerauth.crypto.lib.enums.PowerAuthSignatureTypes;
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
        EmulatorResponse response = device.getResource(
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
        assertThat(after.status()).isEqualTo(401);
        assertThat(TestJson.errorCode(after)).isEqualTo("POWERAUTH_AUTH_FAIL");
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
        assertThat(replay.status()).isEqualTo(401);
        assertThat(TestJson.errorCode(replay)).isEqualTo("POWERAUTH_AUTH_FAIL");
    }

    @Test
    void tokenTimestampOlderThanTheWindowIsRejectedWithErr0030() {
        WultraDevice device = fixture.activeDevice("3.3");
        WultraDevice.IssuedToken token = device.createToken(PowerAuthSignatureTypes.POSSESSION);
        long now = fixture.emulator.serverTimeMs();

        EmulatorResponse edge = device.getResource(WultraDevice.tokenHeader(token, "3.3", now - 7_100_000));
        EmulatorResponse stale = device.getResource(WultraDevice.tokenHeader(token, "3.3", now - 7_300_000));

        assertThat(edge.status()).isEqualTo(200);
        assertThat(stale.status()).isEqualTo(401);
        assertThat(TestJson.errorCode(stale)).isEqualTo("ERR0030");
    }

    @Test
    void tokenTimestampTooFarAheadIsRejectedWithErr0044() {
        WultraDevice device = fixture.activeDevice("3.3");
        WultraDevice.IssuedToken token = device.createToken(PowerAuthSignatureTypes.POSSESSION);
        long now = fixture.emulator.serverTimeMs();

        EmulatorResponse edge = device.getResource(WultraDevice.tokenHeader(token, "3.3", now + 1_700_000));
        EmulatorResponse ahead = device.getResource(WultraDevice.tokenHeader(token, "3.3", now + 1_900_000));

        assertThat(edge.status()).isEqualTo(200);
        assertThat(ahead.status()).isEqualTo(401);
        assertThat(TestJson.errorCode(ahead)).isEqualTo("ERR0044");
    }

    @Test
    void movingTheServerClockAgesTokenHeaders() {
        WultraDevice device = fixture.activeDevice("3.3");
        WultraDevice.IssuedToken token = device.createToken(PowerAuthSignatureTypes.POSSESSION);
        String header = WultraDevice.tokenHeader(token, "3.3", fixture.emulator.serverTimeMs());

        fixture.emulator.setClockOffset(java.time.Duration.ofHours(3));
        EmulatorResponse response = device.getResource(header);

        assertThat(TestJson.errorCode(response)).isEqualTo("ERR0030");
    }

    @Test
    void aTokenOfABlockedOrRemovedActivationFails() {
        WultraDevice device = fixture.activeDevice("3.3");
        WultraDevice.IssuedToken token = device.createToken(PowerAuthSignatureTypes.POSSESSION);

        fixture.emulator.blockActivation(device.activationId);
        EmulatorResponse blocked = device.getResource(WultraDevice.tokenHeader(token, "3.3",
                fixture.emulator.serverTimeMs()));
        fixture.emulator.unblockActivation(device.activationId);
        EmulatorResponse unblocked = device.getResource(WultraDevice.tokenHeader(token, "3.3",
                fixture.emulator.serverTimeMs()));
        fixture.emulator.removeActivation(device.activationId);
        EmulatorResponse removed = device.getResource(WultraDevice.tokenHeader(token, "3.3",
                fixture.emulator.serverTimeMs()));

        assertThat(blocked.status()).isEqualTo(401);
        assertThat(unblocked.status()).isEqualTo(200);
        assertThat(removed.status()).isEqualTo(401);
        assertThat(TestJson.errorCode(removed)).isEqualTo("POWERAUTH_AUTH_FAIL");
    }

    @Test
    void aTamperedDigestOrAMissingHeaderIsRejected() {
        WultraDevice device = fixture.activeDevice("3.3");
        WultraDevice.IssuedToken token = device.createToken(PowerAuthSignatureTypes.POSSESSION);
        WultraDevice.IssuedToken forged = new WultraDevice.IssuedToken(token.tokenId(), new byte[16]);

        EmulatorResponse wrongSecret = device.getResource(WultraDevice.tokenHeader(forged, "3.3",
                fixture.emulator.serverTimeMs()));
        EmulatorResponse missing = fixture.emulator.handle(new EmulatorRequest("GET", "/api/resource", null, null));
        EmulatorResponse garbage = device.getResource("PowerAuth nonsense");

        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(garbage.status()).isEqualTo(401);
        assertThat(TestJson.errorCode(garbage)).isEqualTo("POWERAUTH_AUTH_FAIL");
    }
}
