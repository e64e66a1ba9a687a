package org.opentokens.powerauth.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.wultra.security.powerauth.crypto.lib.enums.PowerAuthCodeType;
import com.wultra.security.powerauth.crypto.lib.v4.model.context.SharedSecretAlgorithm;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** 4.0 tokens, token headers and authentication codes against the emulator, from Wultra 2.0.1's client classes. */
class V4TokenAndAuthCodeTest {

    @ParameterizedTest
    @EnumSource(value = SharedSecretAlgorithm.class, names = {"EC_P384", "EC_P384_ML_L3", "EC_P384_ML_L5"})
    void tokenCreatedOverFourZeroOpensTheResource(SharedSecretAlgorithm algorithm) {
        V4Fixture fixture = V4Fixture.inProcess(algorithm);
        WultraV4Device device = fixture.activeDevice();

        WultraV4Device.IssuedToken token = device.createToken(PowerAuthCodeType.POSSESSION_KNOWLEDGE);
        EmulatorResponse response = device.getResource(PowerAuthEmulator.RESOURCE_PATH,
                WultraV4Device.tokenHeader(token, fixture.emulator.serverTimeMs()));

        assertThat(token.secret()).hasSize(32);
        assertThat(response.status()).isEqualTo(200);
        assertThat(TestJson.read(response).path("responseObject").path("signatureType").asText())
                .isEqualTo("possession_knowledge");
        assertThat(fixture.emulator.tokens(device.activationId))
                .containsExactly(new EmulatorToken(token.tokenId(), device.activationId, "possession_knowledge"));
        EmulatorActivation snapshot = fixture.emulator.activation(device.activationId);
        assertThat(snapshot.counter()).as("confirm and token create").isEqualTo(2);
        assertThat(snapshot.ctrDataBase64()).isEqualTo(Base64.getEncoder().encodeToString(device.ctrData()));
    }

    @Test
    void tokenWindowIsSixtySecondsEitherWayByDefault() {
        V4Fixture fixture = V4Fixture.inProcess(SharedSecretAlgorithm.EC_P384);
        WultraV4Device device = fixture.activeDevice();
        WultraV4Device.IssuedToken token = device.createToken(PowerAuthCodeType.POSSESSION);
        long now = fixture.emulator.serverTimeMs();
        String path = PowerAuthEmulator.POSSESSION_RESOURCE_PATH;

        assertThat(device.getResource(path, WultraV4Device.tokenHeader(token, now + 55_000)).status()).isEqualTo(200);
        assertThat(device.getResource(path, WultraV4Device.tokenHeader(token, now - 55_000)).status()).isEqualTo(200);
        assertThat(device.getResource(path, WultraV4Device.tokenHeader(token, now + 65_000)).status()).isEqualTo(401);
        assertThat(lastReason(fixture)).isEqualTo(EmulatorAuthFailure.TOKEN_TIMESTAMP_IN_FUTURE);
        assertThat(device.getResource(path, WultraV4Device.tokenHeader(token, now - 65_000)).status()).isEqualTo(401);
        assertThat(lastReason(fixture)).isEqualTo(EmulatorAuthFailure.TOKEN_TIMESTAMP_TOO_OLD);
    }

    @Test
    void aNonceReusedForTheSameTokenIsRefusedEvenWithAnotherTimestamp() {
        V4Fixture fixture = V4Fixture.inProcess(SharedSecretAlgorithm.EC_P384_ML_L3);
        WultraV4Device device = fixture.activeDevice();
        WultraV4Device.IssuedToken token = device.createToken(PowerAuthCodeType.POSSESSION);
        WultraV4Device.IssuedToken other = device.createToken(PowerAuthCodeType.POSSESSION);
        byte[] nonce = new byte[16];
        new Random(19).nextBytes(nonce);
        long now = fixture.emulator.serverTimeMs();
        String path = PowerAuthEmulator.POSSESSION_RESOURCE_PATH;

        assertThat(device.getResource(path, WultraV4Device.tokenHeader(token, now, nonce)).status()).isEqualTo(200);
        assertThat(device.getResource(path, WultraV4Device.tokenHeader(token, now, nonce)).status()).isEqualTo(401);
        assertThat(lastReason(fixture)).isEqualTo(EmulatorAuthFailure.TOKEN_REPLAYED);
        assertThat(device.getResource(path, WultraV4Device.tokenHeader(token, now + 1_000, nonce)).status())
                .isEqualTo(401);
        assertThat(lastReason(fixture)).isEqualTo(EmulatorAuthFailure.TOKEN_REPLAYED);
        assertThat(device.getResource(path, WultraV4Device.tokenHeader(other, now, nonce)).status())
                .as("the same nonce with another token").isEqualTo(200);
    }

    @Test
    void possessionTokenIsRefusedByTheTwoFactorResourceAndARemovedTokenIsUnknown() {
        V4Fixture fixture = V4Fixture.inProcess(SharedSecretAlgorithm.EC_P384);
        WultraV4Device device = fixture.activeDevice();
        WultraV4Device.IssuedToken token = device.createToken(PowerAuthCodeType.POSSESSION);

        assertThat(device.getResource(PowerAuthEmulator.RESOURCE_PATH,
                WultraV4Device.tokenHeader(token, fixture.emulator.serverTimeMs())).status()).isEqualTo(401);
        assertThat(lastReason(fixture)).isEqualTo(EmulatorAuthFailure.SIGNATURE_TYPE_NOT_ALLOWED);

        EmulatorResponse removed = device.signed("/pa/v4/token/remove", "/pa/token/remove",
                PowerAuthCodeType.POSSESSION, TestJson.object().put("tokenId", token.tokenId()), false);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(TestJson.read(removed).path("responseObject").path("tokenId").asText()).isEqualTo(token.tokenId());
        assertThat(fixture.emulator.tokens(device.activationId)).isEmpty();
        assertThat(device.getResource(PowerAuthEmulator.POSSESSION_RESOURCE_PATH,
                WultraV4Device.tokenHeader(token, fixture.emulator.serverTimeMs())).status()).isEqualTo(401);
        assertThat(lastReason(fixture)).isEqualTo(EmulatorAuthFailure.TOKEN_UNKNOWN);
    }

    @Test
    void authorizationHeaderOpensTheResourceWithThePathAsUriId() {
        V4Fixture fixture = V4Fixture.inProcess(SharedSecretAlgorithm.EC_P384);
        WultraV4Device device = fixture.activeDevice();
        String header = device.authorization("GET", PowerAuthEmulator.RESOURCE_PATH,
                PowerAuthCodeType.POSSESSION_KNOWLEDGE, new byte[0], false);

        EmulatorResponse response = fixture.emulator.handle(new EmulatorRequest("GET", PowerAuthEmulator.RESOURCE_PATH,
                Map.of("X-PowerAuth-Authorization", header), null));

        assertThat(response.status()).isEqualTo(200);
        assertThat(TestJson.read(response).path("responseObject").path("signatureType").asText())
                .isEqualTo("possession_knowledge");
        String possessionOnly = device.authorization("GET", PowerAuthEmulator.RESOURCE_PATH,
                PowerAuthCodeType.POSSESSION, new byte[0], false);
        assertThat(fixture.emulator.handle(new EmulatorRequest("GET", PowerAuthEmulator.RESOURCE_PATH,
                Map.of("X-PowerAuth-Authorization", possessionOnly), null)).status()).isEqualTo(401);
        assertThat(lastReason(fixture)).isEqualTo(EmulatorAuthFailure.SIGNATURE_TYPE_NOT_ALLOWED);
    }

    @Test
    void wrongKnowledgeIsCountedThenBlocksAndPossessionFailuresAreNot() {
        V4Fixture fixture = V4Fixture.inProcess(PowerAuthEmulator.builder().maxFailedAttempts(3).build(),
                SharedSecretAlgorithm.EC_P384_ML_L3);
        WultraV4Device device = fixture.activeDevice();

        assertThat(device.validate(PowerAuthCodeType.POSSESSION_KNOWLEDGE, true).status()).isEqualTo(401);
        assertThat(device.validate(PowerAuthCodeType.POSSESSION_KNOWLEDGE, true).status()).isEqualTo(401);
        assertThat(fixture.emulator.activation(device.activationId).failedAttempts()).isEqualTo(2);
        assertThat(device.status().getFailedAttempts()).isEqualTo((byte) 2);
        assertThat(device.validate(PowerAuthCodeType.POSSESSION_KNOWLEDGE, true).status()).isEqualTo(401);

        assertThat(fixture.emulator.activation(device.activationId).state())
                .isEqualTo(EmulatorActivationState.BLOCKED);
        assertThat(device.status().getActivationStatus()).isEqualTo((byte) 4);
        assertThat(device.validate(PowerAuthCodeType.POSSESSION, false).status()).isEqualTo(401);
        assertThat(lastReason(fixture)).isEqualTo(EmulatorAuthFailure.ACTIVATION_NOT_ACTIVE);
    }

    @Test
    void aCorrectCodeResetsTheFailedAttempts() {
        V4Fixture fixture = V4Fixture.inProcess(SharedSecretAlgorithm.EC_P384);
        WultraV4Device device = fixture.activeDevice();
        device.validate(PowerAuthCodeType.POSSESSION_KNOWLEDGE, true);

        assertThat(device.validate(PowerAuthCodeType.POSSESSION_BIOMETRY, false).status()).isEqualTo(200);

        assertThat(fixture.emulator.activation(device.activationId).failedAttempts()).isZero();
    }

    @Test
    void countersOfBothSidesAgreeAfterFiftyMixedSignedCalls() {
        V4Fixture fixture = V4Fixture.inProcess(SharedSecretAlgorithm.EC_P384_ML_L3);
        WultraV4Device device = fixture.activeDevice();
        Random random = new Random(50);
        List<PowerAuthCodeType> types = List.of(PowerAuthCodeType.POSSESSION, PowerAuthCodeType.POSSESSION_KNOWLEDGE,
                PowerAuthCodeType.POSSESSION_BIOMETRY);
        int failures = 0;
        for (int i = 0; i < 50; i++) {
            PowerAuthCodeType type = types.get(random.nextInt(types.size()));
            switch (i % 5) {
                case 0 -> device.createToken(type);
                case 1 -> {
                    boolean wrong = type != PowerAuthCodeType.POSSESSION && random.nextInt(4) == 0 && failures < 3;
                    failures += wrong ? 1 : 0;
                    device.validate(type, wrong);
                }
                default -> assertThat(device.validate(type, false).status()).isEqualTo(200);
            }
        }

        EmulatorActivation snapshot = fixture.emulator.activation(device.activationId);
        assertThat(snapshot.state()).isEqualTo(EmulatorActivationState.ACTIVE);
        assertThat(snapshot.ctrDataBase64()).isEqualTo(Base64.getEncoder().encodeToString(device.ctrData()));
        var status = device.status();
        assertThat(status.getCtrByte()).isEqualTo((byte) snapshot.counter());
        assertThat(device.counterMatches(status)).isTrue();
    }

    @Test
    void removedActivationEndsItsTokens() {
        V4Fixture fixture = V4Fixture.inProcess(SharedSecretAlgorithm.EC_P384);
        WultraV4Device device = fixture.activeDevice();
        WultraV4Device.IssuedToken token = device.createToken(PowerAuthCodeType.POSSESSION_KNOWLEDGE);

        assertThat(device.signed("/pa/v4/activation/remove", "/pa/activation/remove", PowerAuthCodeType.POSSESSION,
                TestJson.object(), false).status()).as("possession alone may not remove").isEqualTo(401);
        EmulatorResponse removed = device.signed("/pa/v4/activation/remove", "/pa/activation/remove",
                PowerAuthCodeType.POSSESSION_KNOWLEDGE, TestJson.object(), false);

        assertThat(removed.status()).isEqualTo(200);
        assertThat(fixture.emulator.activation(device.activationId).state())
                .isEqualTo(EmulatorActivationState.REMOVED);
        assertThat(device.getResource(PowerAuthEmulator.RESOURCE_PATH,
                WultraV4Device.tokenHeader(token, fixture.emulator.serverTimeMs())).status()).isEqualTo(401);
        assertThat(lastReason(fixture)).isEqualTo(EmulatorAuthFailure.ACTIVATION_NOT_ACTIVE);
        assertThat(device.status().getActivationStatus()).as("a removed activation's status is readable")
                .isEqualTo((byte) 5);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> device.createToken(PowerAuthCodeType.POSSESSION))
                .hasMessageContaining("401");
    }

    @Test
    void aThreeXHeaderCannotUseAFourZeroTokenNorTheOtherWayRound() {
        V4Fixture fixture = V4Fixture.inProcess(SharedSecretAlgorithm.EC_P384);
        WultraV4Device device = fixture.activeDevice();
        WultraV4Device.IssuedToken v4Token = device.createToken(PowerAuthCodeType.POSSESSION);
        Fixture v3 = new Fixture(fixture.emulator, Transport.inProcess(fixture.emulator));
        WultraDevice v3Device = v3.activeDevice("3.3");
        WultraDevice.IssuedToken v3Token = v3Device.createToken(
                io.getlime.security.powerauth.crypto.lib.enums.PowerAuthSignatureTypes.POSSESSION);

        assertThat(device.getResource(PowerAuthEmulator.POSSESSION_RESOURCE_PATH, WultraV4Device.tokenHeader(
                new WultraV4Device.IssuedToken(v3Token.tokenId(), new byte[32]), fixture.emulator.serverTimeMs()))
                .status()).isEqualTo(401);
        assertThat(lastReason(fixture)).isEqualTo(EmulatorAuthFailure.TOKEN_UNKNOWN);
        assertThat(v3Device.getResource(WultraDevice.tokenHeader(v3Token, "3.3", fixture.emulator.serverTimeMs()))
                .status()).isEqualTo(200);
        assertThat(device.getResource(PowerAuthEmulator.POSSESSION_RESOURCE_PATH,
                WultraV4Device.tokenHeader(v4Token, fixture.emulator.serverTimeMs())).status()).isEqualTo(200);
    }

    @Test
    void wrongAeadTagFaultBreaksTheTokenResponse() {
        V4Fixture fixture = V4Fixture.inProcess(SharedSecretAlgorithm.EC_P384);
        WultraV4Device device = fixture.activeDevice();
        fixture.emulator.faults().wrongEciesMac("/pa/v4/token/create");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> device.createToken(PowerAuthCodeType.POSSESSION))
                .isInstanceOf(IllegalStateException.class);
        assertThat(fixture.emulator.tokens(device.activationId)).hasSize(1);
    }

    @Test
    void wrongJwtSignatureFaultBreaksTheFirstJwsSignatureOfAFourZeroKey() {
        V4Fixture fixture = V4Fixture.inProcess(SharedSecretAlgorithm.EC_P384_ML_L3);
        fixture.emulator.faults().wrongJwtSignature("/pa/v4/keystore/create");

        org.assertj.core.api.Assertions.assertThatThrownBy(fixture.client::applicationTemporaryKey)
                .hasMessageContaining("ES384 does not verify");
        assertThat(fixture.client.applicationTemporaryKey().envelopeKey()).as("one-shot").hasSize(32);
    }

    @Test
    void overHttpTheWholeFlowWorks() {
        try (PowerAuthEmulator emulator = PowerAuthEmulator.create()) {
            V4Fixture fixture = new V4Fixture(emulator, Transport.http(emulator.start()),
                    SharedSecretAlgorithm.EC_P384_ML_L3);
            WultraV4Device device = fixture.activeDevice();
            WultraV4Device.IssuedToken token = device.createToken(PowerAuthCodeType.POSSESSION_KNOWLEDGE);
            assertThat(device.getResource(PowerAuthEmulator.RESOURCE_PATH,
                    WultraV4Device.tokenHeader(token, emulator.serverTimeMs())).status()).isEqualTo(200);
            assertThat(device.status().getActivationStatus()).isEqualTo((byte) 3);
        }
    }

    private static EmulatorAuthFailure lastReason(V4Fixture fixture) {
        List<EmulatorExchange> exchanges = fixture.emulator.exchanges();
        return exchanges.get(exchanges.size() - 1).reason();
    }

}
