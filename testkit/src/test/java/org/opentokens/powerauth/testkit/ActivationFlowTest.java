package org.opentokens.powerauth.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.getlime.security.powerauth.crypto.client.activation.PowerAuthClientActivation;
import io.getlime.security.powerauth.crypto.lib.model.ActivationStatusBlobInfo;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActivationFlowTest {

    private final Fixture fixture = Fixture.inProcess();

    @Test
    void activationCodeSignatureVerifiesWithTheMasterPublicKey() throws Exception {
        EmulatorActivationCode code = fixture.emulator.initActivation(fixture.app);

        boolean valid = new PowerAuthClientActivation().verifyActivationCodeSignature(code.activationCode(),
                Base64.getDecoder().decode(code.activationSignature()), fixture.client.masterPublicKey);

        assertThat(valid).isTrue();
        assertThat(code.qrPayload()).isEqualTo(code.activationCode() + "#" + code.activationSignature());
        assertThat(fixture.emulator.activation(code.activationId()).state()).isEqualTo(EmulatorActivationState.CREATED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.0", "3.1", "3.2", "3.3"})
    void activationCreateThenCommitGivesAnActiveStatusBlobTheClientCanRead(String version) throws Exception {
        EmulatorActivationCode code = fixture.emulator.initActivation(fixture.app);

        WultraDevice device = fixture.client.activate(code.activationCode(), version);

        assertThat(device.activationId).isEqualTo(code.activationId());
        assertThat(fixture.emulator.activation(device.activationId).state())
                .isEqualTo(EmulatorActivationState.PENDING_COMMIT);
        assertThat(device.status().getActivationStatus()).isEqualTo((byte) 2);

        fixture.emulator.commitActivation(device.activationId);
        ActivationStatusBlobInfo status = device.status();

        assertThat(status.getActivationStatus()).isEqualTo((byte) 3);
        assertThat(status.getFailedAttempts()).isEqualTo((byte) 0);
        assertThat(status.getMaxFailedAttempts()).isEqualTo((byte) 5);
        if (!version.equals("3.0")) {
            // Without a challenge (3.0) Wultra's blob carries random bytes in place of the counter fields.
            assertThat(status.getCtrLookAhead()).isEqualTo((byte) 20);
            assertThat(status.getCtrByte()).isEqualTo((byte) 0);
            assertThat(new PowerAuthClientActivation().verifyHashForHashBasedCounter(status.getCtrDataHash(),
                    device.ctrData(), device.transport)).isTrue();
        }
        EmulatorActivation snapshot = fixture.emulator.activation(device.activationId);
        assertThat(snapshot.protocolVersion()).isEqualTo(version);
        assertThat(snapshot.ctrDataBase64()).isEqualTo(Base64.getEncoder().encodeToString(device.ctrData()));
    }

    @Test
    void commitOnKeyExchangeActivatesWithoutTheBackOffice() {
        Fixture autoCommit = Fixture.inProcess(PowerAuthEmulator.builder().commitOnKeyExchange(true).build());
        EmulatorActivationCode code = autoCommit.emulator.initActivation(autoCommit.app);

        WultraDevice device = autoCommit.client.activate(code.activationCode(), "3.3");

        assertThat(autoCommit.emulator.activation(device.activationId).state()).isEqualTo(EmulatorActivationState.ACTIVE);
        assertThat(device.status().getActivationStatus()).isEqualTo((byte) 3);
    }

    @Test
    void aCompressedDevicePublicKeyIsAcceptedAsTheSdkSendsIt() {
        EmulatorActivationCode code = fixture.emulator.initActivation(fixture.app);
        java.security.KeyPair keys = WultraClient.call(() -> new PowerAuthClientActivation().generateDeviceKeyPair());
        byte[] compressed = ((org.bouncycastle.jce.interfaces.ECPublicKey) keys.getPublic()).getQ().getEncoded(true);
        WultraClient.PreparedActivation prepared = fixture.client.prepareActivation(code.activationCode(), "3.3", keys,
                compressed);

        EmulatorResponse response = fixture.client.post("/pa/v3/activation/create", prepared.headers(),
                prepared.body());
        WultraDevice device = prepared.finish(response);
        fixture.emulator.commitActivation(device.activationId);

        assertThat(compressed).hasSize(33);
        assertThat(fixture.emulator.activation(device.activationId).devicePublicKeyBase64())
                .isEqualTo(Base64.getEncoder().encodeToString(compressed));
        assertThat(device.validateSignature(
                io.getlime.security.powerauth.crypto.lib.enums.PowerAuthSignatureTypes.POSSESSION).status())
                .isEqualTo(200);
    }

    @Test
    void anActivationCodeWorksOnlyOnce() {
        EmulatorActivationCode code = fixture.emulator.initActivation(fixture.app);
        fixture.client.activate(code.activationCode(), "3.3");

        WultraClient.PreparedActivation again = fixture.client.prepareActivation(code.activationCode(), "3.3",
                WultraClient.call(() -> new PowerAuthClientActivation().generateDeviceKeyPair()));
        EmulatorResponse response = fixture.client.post("/pa/v3/activation/create", again.headers(), again.body());

        assertThat(response.status()).isEqualTo(400);
        assertThat(TestJson.errorCode(response)).isEqualTo("ERR_ACTIVATION");
    }

    @Test
    void anUnknownActivationCodeIsRejected() {
        WultraClient.PreparedActivation prepared = fixture.client.prepareActivation("MMMMM-MMMMM-MMMMM-MUTOA", "3.2",
                WultraClient.call(() -> new PowerAuthClientActivation().generateDeviceKeyPair()));

        EmulatorResponse response = fixture.client.post("/pa/v3/activation/create", prepared.headers(),
                prepared.body());

        assertThat(response.status()).isEqualTo(400);
        assertThat(TestJson.errorCode(response)).isEqualTo("ERR_ACTIVATION");
    }

    @Test
    void activationCreateWithoutTheEncryptionHeaderIsAnEncryptionError() {
        EmulatorActivationCode code = fixture.emulator.initActivation(fixture.app);
        WultraClient.PreparedActivation prepared = fixture.client.prepareActivation(code.activationCode(), "3.2",
                WultraClient.call(() -> new PowerAuthClientActivation().generateDeviceKeyPair()));

        EmulatorResponse response = fixture.client.post("/pa/v3/activation/create", Map.of(), prepared.body());

        assertThat(response.status()).isEqualTo(400);
        assertThat(TestJson.errorCode(response)).isEqualTo("ERR_ENCRYPTION");
        assertThat(fixture.emulator.activation(code.activationId()).state()).isEqualTo(EmulatorActivationState.CREATED);
    }

    @Test
    void statusOfAnUnknownActivationIsAnActivationError() {
        byte[] body = TestJson.wrapped(TestJson.object().put("activationId", "8a1b3c5d-0000-4000-8000-000000000000")
                .put("challenge", Base64.getEncoder().encodeToString(new byte[16])));

        EmulatorResponse response = fixture.client.post("/pa/v3/activation/status", Map.of(), body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(TestJson.errorCode(response)).isEqualTo("ERR_ACTIVATION");
    }
}
