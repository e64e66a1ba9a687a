package org.opentokens.powerauth.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.wultra.security.powerauth.crypto.lib.enums.PowerAuthCodeType;
import com.wultra.security.powerauth.crypto.lib.model.ActivationStatusBlobInfo;
import com.wultra.security.powerauth.crypto.lib.v4.model.context.SharedSecretAlgorithm;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Protocol 4.0 activation against the emulator, driven by Wultra 2.0.1's client classes. */
class V4ActivationFlowTest {

    @ParameterizedTest
    @EnumSource(value = SharedSecretAlgorithm.class, names = {"EC_P384", "EC_P384_ML_L3", "EC_P384_ML_L5"})
    void activationCreateStatusCommitAndConfirmForEachAlgorithm(SharedSecretAlgorithm algorithm) {
        V4Fixture fixture = V4Fixture.inProcess(algorithm);
        EmulatorActivationCode code = fixture.emulator.initActivation(fixture.app);

        WultraV4Device device = fixture.client.activate(code.activationCode());

        assertThat(device.activationId).isEqualTo(code.activationId());
        assertThat(device.serverMl == null).isEqualTo(algorithm == SharedSecretAlgorithm.EC_P384);
        assertThat(device.fingerprint()).matches("\\d{8}");
        EmulatorActivation snapshot = fixture.emulator.activation(device.activationId);
        assertThat(snapshot.state()).isEqualTo(EmulatorActivationState.PENDING_COMMIT);
        assertThat(snapshot.protocolVersion()).isEqualTo("4.0");
        assertThat(snapshot.ctrDataBase64()).isEqualTo(Base64.getEncoder().encodeToString(device.ctrData()));

        ActivationStatusBlobInfo pending = device.status();
        assertThat(device.counterMatches(pending)).isTrue();
        assertThat(pending.getActivationStatus()).isEqualTo((byte) 2);
        assertThat(pending.getCurrentVersion()).isEqualTo((byte) 4);
        assertThat(pending.getUpgradeVersion()).isEqualTo((byte) 4);
        assertThat(pending.getStatusFlags() & 1).as("confirmation pending").isEqualTo(1);

        assertThat(device.confirm().status()).as("confirm is allowed before commit").isEqualTo(200);
        fixture.emulator.commitActivation(device.activationId);
        ActivationStatusBlobInfo active = device.status();
        assertThat(active.getActivationStatus()).isEqualTo((byte) 3);
        assertThat(active.getStatusFlags()).isZero();
        assertThat(active.getCtrByte()).isEqualTo((byte) 1);
        assertThat(active.getMaxFailedAttempts()).isEqualTo((byte) 5);
        assertThat(active.getCtrLookAhead()).isEqualTo((byte) 20);
    }

    @Test
    void theCodeCarriesFourZeroSignaturesThatWultrasClientVerifies() throws Exception {
        V4Fixture fixture = V4Fixture.inProcess(SharedSecretAlgorithm.EC_P384_ML_L3);
        EmulatorActivationCode code = fixture.emulator.initActivation(fixture.app);
        var client = new com.wultra.security.powerauth.crypto.client.v4.activation.PowerAuthClientActivation();
        Base64.Decoder b64 = Base64.getDecoder();

        assertThat(client.verifyActivationCodeEcdsa(code.activationCode(), b64.decode(code.activationSignatureP384()),
                WultraV4Client.ecPublicKey(fixture.app.masterServerPublicKeyP384()))).isTrue();
        assertThat(client.verifyActivationCodePqcDsa(code.activationCode(),
                b64.decode(code.activationSignatureMlDsa65()),
                WultraV4Client.mlDsaPublicKey(fixture.app.masterServerPublicKeyMlDsa65()))).isTrue();
        assertThat(client.verifyActivationCodePqcDsa(code.activationCode(),
                b64.decode(code.activationSignatureMlDsa87()),
                WultraV4Client.mlDsaPublicKey(fixture.app.masterServerPublicKeyMlDsa87()))).isTrue();
        assertThat(client.verifyActivationCodeEcdsa(code.activationCode() + "X",
                b64.decode(code.activationSignatureP384()),
                WultraV4Client.ecPublicKey(fixture.app.masterServerPublicKeyP384()))).isFalse();
    }

    @Test
    void commitOnKeyExchangeActivatesAtOnceButConfirmationStaysPending() {
        V4Fixture fixture = V4Fixture.inProcess(PowerAuthEmulator.builder().commitOnKeyExchange(true).build(),
                SharedSecretAlgorithm.EC_P384_ML_L3);
        WultraV4Device device = fixture.client.activate(fixture.emulator.initActivation(fixture.app)
                .activationCode());

        ActivationStatusBlobInfo status = device.status();

        assertThat(status.getActivationStatus()).isEqualTo((byte) 3);
        assertThat(status.getStatusFlags() & 1).isEqualTo(1);
        assertThat(device.confirm().status()).isEqualTo(200);
        assertThat(device.status().getStatusFlags() & 1).isZero();
    }

    @Test
    void applicationTemporaryKeyIsSignedByTheMasterKeysOfTheAlgorithmsLevel() {
        for (SharedSecretAlgorithm algorithm : new SharedSecretAlgorithm[] {SharedSecretAlgorithm.EC_P384,
            SharedSecretAlgorithm.EC_P384_ML_L3, SharedSecretAlgorithm.EC_P384_ML_L5}) {
            V4Fixture fixture = V4Fixture.inProcess(algorithm);
            WultraV4Client.TemporaryKey key = fixture.client.applicationTemporaryKey();
            assertThat(key.envelopeKey()).hasSize(32);
            assertThat(key.claims().path("applicationKey").asText()).isEqualTo(fixture.app.appKey());
            assertThat(key.claims().path("exp_ms").asLong() - key.claims().path("iat_ms").asLong())
                    .isEqualTo(300_000L);
            assertThat(key.claims().has("activationId")).isFalse();
        }
        V4Fixture l5 = V4Fixture.inProcess(SharedSecretAlgorithm.EC_P384_ML_L5);
        String jws = keystoreJws(l5);
        assertThatThrownBy(() -> WultraV4Client.verifyJws(jws, WultraV4Client.ecPublicKey(
                l5.app.masterServerPublicKeyP384()), WultraV4Client.mlDsaPublicKey(l5.app.masterServerPublicKeyMlDsa65())))
                .as("an L5 key is signed with ML-DSA-87, not the 65 key").isInstanceOf(RuntimeException.class);
    }

    @Test
    void keystoreRefusesABadMacAnAlgorithmAClientMayNotOfferAndAThreeXActivation() {
        V4Fixture fixture = V4Fixture.inProcess(SharedSecretAlgorithm.EC_P384);
        javax.crypto.SecretKey wrongKey = new javax.crypto.spec.SecretKeySpec(new byte[32], "AES");
        EmulatorResponse badMac = fixture.client.keystore(null, wrongKey,
                new com.wultra.security.powerauth.crypto.lib.v4.model.request.RequestCryptogram[1], "c");
        assertError(badMac, 400, "ERR_TEMPORARY_KEY");

        WultraV4Client pureMl = new WultraV4Client(Transport.inProcess(fixture.emulator), fixture.app,
                SharedSecretAlgorithm.ML_L3);
        assertThatThrownBy(pureMl::applicationTemporaryKey).hasMessageContaining("400");

        Fixture v3 = new Fixture(fixture.emulator, Transport.inProcess(fixture.emulator));
        WultraDevice v3Device = v3.activeDevice("3.3");
        assertThatThrownBy(() -> new WultraV4Device(new WultraV4Client(Transport.inProcess(fixture.emulator), v3.app,
                SharedSecretAlgorithm.EC_P384), v3Device.activationId,
                new javax.crypto.spec.SecretKeySpec(new byte[32], "AES"), new byte[32], null, null, null, null)
                .activationTemporaryKey()).hasMessageContaining("ERR_TEMPORARY_KEY");
    }

    @Test
    void aCodeUsedByOneProtocolCannotBeUsedByTheOther() {
        V4Fixture fixture = V4Fixture.inProcess(SharedSecretAlgorithm.EC_P384);
        EmulatorActivationCode code = fixture.emulator.initActivation(fixture.app);
        fixture.client.activate(code.activationCode());

        assertThatThrownBy(() -> fixture.client.activate(code.activationCode())).hasMessageContaining("ERR_ACTIVATION");
        Fixture v3 = new Fixture(fixture.emulator, Transport.inProcess(fixture.emulator));
        assertThatThrownBy(() -> v3.client.activate(code.activationCode(), "3.3")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aReplayedAeadRequestAndOneOutsideTheWindowAreRefused() {
        V4Fixture fixture = V4Fixture.inProcess(SharedSecretAlgorithm.EC_P384);
        WultraV4Device device = fixture.activeDevice();
        device.status();

        fixture.emulator.setClockOffset(Duration.ofSeconds(61));
        assertThatThrownBy(device::status).hasMessageContaining("ERR_ENCRYPTION");
        fixture.emulator.setClockOffset(Duration.ofSeconds(-59));
        assertThat(device.status().getActivationStatus()).isEqualTo((byte) 3);
    }

    @Test
    void sameEnvelopeTwiceIsAReplay() {
        V4Fixture fixture = V4Fixture.inProcess(SharedSecretAlgorithm.EC_P384);
        WultraV4Device device = fixture.activeDevice();
        WultraV4Client.TemporaryKey key = device.activationTemporaryKey();
        var encryptor = fixture.client.encryptor(
                com.wultra.security.powerauth.crypto.lib.encryptor.model.EncryptorId.ACTIVATION_SCOPE_GENERIC,
                new com.wultra.security.powerauth.crypto.lib.encryptor.model.EncryptorParameters("4.0",
                        fixture.app.appKey(), device.activationId, key.keyId()), key.envelopeKey(),
                WultraClient.call(() -> new com.wultra.security.powerauth.crypto.client.v4.keyfactory
                        .PowerAuthClientKeyFactory().generateSharedInfo2Key(device.activationSecret)).getEncoded());
        byte[] body = TestJson.bytes(WultraV4Client.envelope(WultraClient.call(
                () -> encryptor.encryptRequest(TestJson.utf8("{}")))));
        Map<String, String> headers = Map.of("X-PowerAuth-Encryption", "PowerAuth version=\"4.0\", application_key=\""
                + fixture.app.appKey() + "\", activation_id=\"" + device.activationId + "\"");

        EmulatorResponse first = fixture.client.post("/pa/v4/activation/status", headers, body);
        EmulatorResponse second = fixture.client.post("/pa/v4/activation/status", headers, body);

        assertThat(first.status()).isEqualTo(200);
        JsonNode sealed = TestJson.read(first);
        assertThat(sealed.path("timestamp").asLong()).isCloseTo(fixture.emulator.serverTimeMs(),
                org.assertj.core.data.Offset.offset(5_000L));
        assertError(second, 400, "ERR_ENCRYPTION");
    }

    @Test
    void minSupportedProtocolVersionFourRefusesThreeXAndServesFourZero() {
        PowerAuthEmulator emulator = PowerAuthEmulator.builder().minSupportedProtocolVersion(4).build();
        V4Fixture fixture = V4Fixture.inProcess(emulator, SharedSecretAlgorithm.EC_P384_ML_L3);
        Fixture v3 = new Fixture(emulator, Transport.inProcess(emulator));

        assertThatThrownBy(() -> v3.client.activate(emulator.initActivation(v3.app).activationCode(), "3.2"))
                .isInstanceOf(RuntimeException.class);
        EmulatorResponse keystore = emulator.handle(EmulatorRequest.post("/pa/v3/keystore/create", Map.of(),
                TestJson.utf8("{\"requestObject\":{\"jwt\":\"a.b.c\"}}")));
        assertError(keystore, 400, "ERR_TEMPORARY_KEY");
        EmulatorResponse signed = emulator.handle(EmulatorRequest.post("/pa/v3/signature/validate", Map.of(),
                TestJson.utf8("{}")));
        assertError(signed, 401, "ERR_AUTHENTICATION");
        assertThat(emulator.exchanges().get(emulator.exchanges().size() - 1).reason())
                .isEqualTo(EmulatorAuthFailure.PROTOCOL_VERSION_NOT_SUPPORTED);
        assertThat(emulator.handle(EmulatorRequest.post("/pa/v3/status", Map.of(), TestJson.utf8("{}"))).status())
                .isEqualTo(200);

        WultraV4Device device = fixture.activeDevice();
        assertThat(device.validate(PowerAuthCodeType.POSSESSION, false).status()).isEqualTo(200);
    }

    @Test
    void v4StatusNamesTheAlgorithmsAndServerTime() {
        PowerAuthEmulator emulator = PowerAuthEmulator.create();
        EmulatorResponse response = emulator.handle(EmulatorRequest.post("/pa/v4/status", Map.of(),
                TestJson.utf8("{\"requestObject\":{}}")));
        JsonNode body = TestJson.read(response).path("responseObject");
        assertThat(response.status()).isEqualTo(200);
        assertThat(body.path("serverTime").asLong()).isCloseTo(emulator.serverTimeMs(),
                org.assertj.core.data.Offset.offset(5_000L));
        assertThat(body.path("supportedAlgorithms").toString())
                .isEqualTo("[\"EC_P384\",\"EC_P384_ML_L3\",\"EC_P384_ML_L5\"]");
    }

    private static String keystoreJws(V4Fixture fixture) {
        var macKey = WultraClient.call(() -> new com.wultra.security.powerauth.crypto.client.v4.keyfactory
                .PowerAuthClientKeyFactory().generateKeyMacGetAppTempKey(new javax.crypto.spec.SecretKeySpec(
                        Base64.getDecoder().decode(fixture.app.appSecret()), "AES")));
        EmulatorResponse response = fixture.client.keystore(null, macKey,
                new com.wultra.security.powerauth.crypto.lib.v4.model.request.RequestCryptogram[1], "c");
        return TestJson.read(response).path("responseObject").path("jwt").asText();
    }

    static void assertError(EmulatorResponse response, int status, String code) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(TestJson.read(response).path("responseObject").path("code").asText()).isEqualTo(code);
    }
}
