package org.opentokens.powerauth.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.getlime.security.powerauth.crypto.lib.encryptor.ClientEncryptor;
import io.getlime.security.powerauth.crypto.lib.enums.PowerAuthSignatureTypes;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

    private static final String STATUS = "/pa/v3/status";

    private final Fixture fixture = Fixture.inProcess();
    private final PowerAuthEmulator emulator = fixture.emulator;

    private EmulatorResponse status() {
        return emulator.handle(EmulatorRequest.post(STATUS, null, TestJson.utf8("{}")));
    }

    @Test
    void aResetThrowsInProcessAndIsLoggedWithStatusZero() {
        emulator.faults().reset(STATUS);

        assertThatThrownBy(this::status).isInstanceOf(EmulatorConnectionResetException.class)
                .hasMessageContaining(STATUS);
        assertThat(emulator.exchanges()).containsExactly(new EmulatorExchange("POST", STATUS, 0));
        assertThat(status().status()).isEqualTo(200);
    }

    @Test
    void aStatusFaultAnswersWithoutProcessing() {
        emulator.faults().status("/pa/v3/activation/remove", 503, "{\"status\":\"ERROR\"}");

        EmulatorResponse response = emulator.handle(EmulatorRequest.post("/pa/v3/activation/remove", null, null));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.bodyText()).isEqualTo("{\"status\":\"ERROR\"}");
    }

    @Test
    void garbageJsonIsNotParseable() {
        emulator.faults().garbageJson(STATUS);

        EmulatorResponse response = status();

        assertThat(response.status()).isEqualTo(200);
        assertThatThrownBy(() -> TestJson.read(response)).isInstanceOf(java.io.UncheckedIOException.class);
    }

    @Test
    void anOversizedBodyHasExactlyTheRequestedSizeAndIsValidJson() {
        emulator.faults().oversizedBody(STATUS, 3_000_000);

        EmulatorResponse response = status();

        assertThat(response.body()).hasSize(3_000_000);
        assertThat(TestJson.read(response).path("status").asText()).isEqualTo("OK");
    }

    @Test
    void aDelayStillAnswersNormallyAndIsConsumed() {
        emulator.faults().delay(STATUS, Duration.ofMillis(1));

        EmulatorResponse response = status();

        assertThat(response.status()).isEqualTo(200);
        assertThat(emulator.faults().pending()).isZero();
    }

    @Test
    void aWrongEciesMacLeavesTheTokenCreatedButTheClientCannotOpenTheResponse() {
        WultraDevice device = fixture.activeDevice("3.3");
        ClientEncryptor encryptor = device.tokenEncryptor();
        emulator.faults().wrongEciesMac("/pa/v3/token/create");

        EmulatorResponse response = device.createTokenRaw(encryptor, PowerAuthSignatureTypes.POSSESSION);

        assertThat(response.status()).isEqualTo(200);
        assertThatThrownBy(() -> encryptor.decryptResponse(TestJson.encryptedResponse(TestJson.read(response))))
                .isInstanceOf(Exception.class);
        assertThat(emulator.tokens(device.activationId)).hasSize(1);
    }

    @Test
    void aWrongJwtSignatureFailsTheClientsCheck() {
        emulator.faults().wrongJwtSignature("/pa/v3/keystore/create");

        assertThatThrownBy(() -> fixture.client.temporaryKey(null, null, fixture.client.masterPublicKey))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("signature");
        assertThat(fixture.client.temporaryKey(null, null, fixture.client.masterPublicKey).keyId()).isNotBlank();
    }

    @Test
    void eachFaultFiresOnceInQueueOrder() {
        emulator.faults().status(STATUS, 500, "").status(STATUS, 502, "");

        assertThat(status().status()).isEqualTo(500);
        assertThat(status().status()).isEqualTo(502);
        assertThat(status().status()).isEqualTo(200);
    }

    @Test
    void anAnyPathFaultHitsTheNextNonAdminRequest() {
        emulator.faults().status(EmulatorFaults.ANY_PATH, 504, "");

        EmulatorResponse admin = emulator.handle(new EmulatorRequest("GET", "/admin/exchanges", null, null));
        EmulatorResponse resource = emulator.handle(new EmulatorRequest("GET", "/api/resource", null, null));

        assertThat(admin.status()).isEqualTo(200);
        assertThat(resource.status()).isEqualTo(504);
        assertThat(status().status()).isEqualTo(200);
    }

    @Test
    void clearDropsQueuedFaults() {
        emulator.faults().reset(STATUS).garbageJson(EmulatorFaults.ANY_PATH);

        emulator.faults().clear();

        assertThat(emulator.faults().pending()).isZero();
        assertThat(status().status()).isEqualTo(200);
    }

    @Test
    void faultArgumentsAreChecked() {
        EmulatorFaults faults = emulator.faults();

        assertThatThrownBy(() -> faults.status(STATUS, 42, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.delay(STATUS, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.oversizedBody(STATUS, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.reset(null)).isInstanceOf(NullPointerException.class);
    }
}
