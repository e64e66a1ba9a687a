package org.opentokens.powerauth.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.getlime.security.powerauth.crypto.client.activation.PowerAuthClientActivation;
import io.getlime.security.powerauth.crypto.lib.encryptor.ClientEncryptor;
import io.getlime.security.powerauth.crypto.lib.enums.PowerAuthSignatureTypes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class KeystoreAndEciesTest {

    private final Fixture fixture = Fixture.inProcess();

    @Test
    void applicationScopeKeystoreJwtIsSignedByTheMasterKey() {
        WultraClient.TemporaryKey key = fixture.client.temporaryKey(null, null, fixture.client.masterPublicKey);

        assertThat(key.claims().path("applicationKey").asText()).isEqualTo(fixture.app.appKey());
        assertThat(key.claims().has("activationId")).isFalse();
        assertThat(Base64.getDecoder().decode(key.claims().path("publicKey").asText())).hasSize(65);
        assertThat(key.claims().path("exp_ms").asLong() - key.claims().path("iat_ms").asLong()).isEqualTo(300_000);
        assertThat(key.claims().path("exp").asLong()).isEqualTo(key.claims().path("exp_ms").asLong() / 1000);
    }

    @Test
    void activationScopeKeystoreJwtIsSignedByTheActivationServerKey() {
        WultraDevice device = fixture.activeDevice("3.3");

        WultraClient.TemporaryKey key = fixture.client.temporaryKey(device.activationId, device.transport,
                device.serverPublicKey);

        assertThat(key.claims().path("activationId").asText()).isEqualTo(device.activationId);
    }

    @Test
    void aKeystoreJwtWithAWrongMacIsRejected() {
        WultraDevice device = fixture.activeDevice("3.3");

        EmulatorResponse appScopeWithActivationKey = fixture.client.keystoreRaw(device.activationId,
                WultraClient.call(() -> new io.getlime.security.powerauth.crypto.lib.generator.KeyGenerator()
                        .generateRandomSecretKey()), "Y2hhbGxlbmdl");

        assertThat(appScopeWithActivationKey.status()).isEqualTo(400);
        assertThat(TestJson.errorCode(appScopeWithActivationKey)).isEqualTo("ERR_TEMPORARY_KEY");
        assertThat(TestJson.read(appScopeWithActivationKey).path("responseObject").path("message").asText())
                .isEqualTo("POWER_AUTH_TEMPORARY_KEY_FAILURE");
    }

    @Test
    void anExpiredTemporaryKeyIsATemporaryKeyError() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        Fixture timed = Fixture.inProcess(PowerAuthEmulator.builder().clock(clock)
                .eciesRequestExpiration(Duration.ofHours(1), Duration.ofHours(2)).build());
        EmulatorActivationCode code = timed.emulator.initActivation(timed.app);
        WultraClient.PreparedActivation prepared = timed.client.prepareActivation(code.activationCode(), "3.3",
                WultraClient.call(() -> new PowerAuthClientActivation().generateDeviceKeyPair()));

        now.set(now.get().plus(Duration.ofMinutes(6)));
        EmulatorResponse response = timed.client.post("/pa/v3/activation/create", prepared.headers(), prepared.body());

        assertThat(response.status()).isEqualTo(400);
        assertThat(TestJson.errorCode(response)).isEqualTo("ERR_TEMPORARY_KEY");
        assertThat(timed.emulator.activation(code.activationId()).state()).isEqualTo(EmulatorActivationState.CREATED);
    }

    @Test
    void anEciesRequestOlderThanTheExpirationIsRejected() {
        WultraDevice device = fixture.activeDevice("3.2");
        ClientEncryptor encryptor = device.tokenEncryptor();

        fixture.emulator.setClockOffset(Duration.ofSeconds(61));
        EmulatorResponse response = device.createTokenRaw(encryptor, PowerAuthSignatureTypes.POSSESSION);

        assertThat(response.status()).isEqualTo(400);
        assertThat(TestJson.errorCode(response)).isEqualTo("ERR_ENCRYPTION");
        assertThat(fixture.emulator.tokens(device.activationId)).isEmpty();
    }

    @Test
    void anEciesRequestFromTooFarInTheFutureIsRejected() {
        WultraDevice device = fixture.activeDevice("3.3");
        ClientEncryptor encryptor = device.tokenEncryptor();

        fixture.emulator.setClockOffset(Duration.ofSeconds(-61));
        EmulatorResponse response = device.createTokenRaw(encryptor, PowerAuthSignatureTypes.POSSESSION);

        assertThat(response.status()).isEqualTo(400);
        assertThat(TestJson.errorCode(response)).isIn("ERR_ENCRYPTION", "ERR_TEMPORARY_KEY");
    }

    @Test
    void aReplayedActivationCreateIsRejected() {
        EmulatorActivationCode code = fixture.emulator.initActivation(fixture.app);
        WultraClient.PreparedActivation prepared = fixture.client.prepareActivation(code.activationCode(), "3.2",
                WultraClient.call(() -> new PowerAuthClientActivation().generateDeviceKeyPair()));
        fixture.emulator.faults().status("/pa/v3/activation/create", 503, "");
        fixture.client.post("/pa/v3/activation/create", prepared.headers(), prepared.body());

        EmulatorResponse first = fixture.client.post("/pa/v3/activation/create", prepared.headers(), prepared.body());
        EmulatorResponse replay = fixture.client.post("/pa/v3/activation/create", prepared.headers(), prepared.body());

        assertThat(first.status()).isEqualTo(200);
        assertThat(replay.status()).isEqualTo(400);
        assertThat(TestJson.errorCode(replay)).isEqualTo("ERR_ENCRYPTION");
    }

    @Test
    void aTokenCreateEnvelopeThatFailsTheMacIsAnEncryptionError() {
        WultraDevice device = fixture.activeDevice("3.1");
        ClientEncryptor encryptor = device.tokenEncryptor();
        var request = WultraClient.call(() -> encryptor.encryptRequest(TestJson.utf8("{}")));
        var envelope = TestJson.envelope(request);
        byte[] mac = Base64.getDecoder().decode(request.getMac());
        mac[3] ^= 0x10;
        envelope.put("mac", Base64.getEncoder().encodeToString(mac));
        byte[] body = TestJson.bytes(envelope);

        EmulatorResponse response = device.signedPost("/pa/v3/token/create", "/pa/token/create", body,
                PowerAuthSignatureTypes.POSSESSION);

        assertThat(response.status()).isEqualTo(400);
        assertThat(TestJson.errorCode(response)).isEqualTo("ERR_ENCRYPTION");
        assertThat(fixture.emulator.activation(device.activationId).counter()).isEqualTo(1);
    }
}
