package org.opentokens.powerauth.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.getlime.security.powerauth.crypto.lib.enums.PowerAuthSignatureTypes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpFrontEndTest {

    private final PowerAuthEmulator emulator = PowerAuthEmulator.create();
    private final URI baseUri = emulator.start();
    private final Fixture fixture = new Fixture(emulator, Transport.http(baseUri));

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void startBindsToLoopbackOnAnEphemeralPortAndIsIdempotent() {
        assertThat(baseUri.getScheme()).isEqualTo("http");
        assertThat(baseUri.getHost()).isEqualTo("127.0.0.1");
        assertThat(baseUri.getPort()).isPositive();
        assertThat(emulator.start()).isEqualTo(baseUri);
        assertThat(emulator.baseUri()).isEqualTo(baseUri);
    }

    @Test
    void theWholeTokenFlowWorksOverHttp() {
        WultraDevice device = fixture.activeDevice("3.3");
        WultraDevice.IssuedToken token = device.createToken(PowerAuthSignatureTypes.POSSESSION_KNOWLEDGE);

        EmulatorResponse resource = device.getResource(WultraDevice.tokenHeader(token, "3.3", emulator.serverTimeMs()));
        EmulatorResponse removal = device.removeToken(token.tokenId());
        EmulatorResponse activationRemoval = device.removeActivation(PowerAuthSignatureTypes.POSSESSION_KNOWLEDGE);

        assertThat(resource.status()).isEqualTo(200);
        assertThat(resource.headers().get("content-type")).isEqualTo("application/json");
        assertThat(removal.status()).isEqualTo(200);
        assertThat(activationRemoval.status()).isEqualTo(200);
        assertThat(device.status().getActivationStatus()).isEqualTo((byte) 5);
        assertThat(emulator.count("/pa/v3/token/create")).isEqualTo(1);
    }

    @Test
    void aResetClosesTheConnectionWithoutAResponse() {
        emulator.faults().reset("/pa/v3/status");

        assertThatThrownBy(() -> fixture.client.post("/pa/v3/status", java.util.Map.of(), TestJson.utf8("{}")))
                .isInstanceOf(Transport.TransportFailure.class).hasCauseInstanceOf(IOException.class);
        assertThat(emulator.exchanges()).containsExactly(new EmulatorExchange("POST", "/pa/v3/status", 0));
    }

    @Test
    void aDelayOutlastsAShortClientTimeout() {
        emulator.faults().delay("/pa/v3/status", Duration.ofSeconds(30));
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve("/pa/v3/status"))
                .timeout(Duration.ofMillis(300)).POST(HttpRequest.BodyPublishers.ofString("{}")).build();

        assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void anOversizedRequestIsRejectedWithA400() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve("/pa/v3/status"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1024 * 1024 + 10])).build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("ERR_VALIDATION");
    }

    @Test
    void anOversizedResponseArrivesWhole() {
        emulator.faults().oversizedBody("/pa/v3/status", 2_000_000);

        EmulatorResponse response = fixture.client.post("/pa/v3/status", java.util.Map.of(), TestJson.utf8("{}"));

        assertThat(response.body()).hasSize(2_000_000);
    }

    @Test
    void closeStopsTheFrontEndButKeepsTheState() {
        EmulatorApplication app = fixture.app;

        emulator.close();

        assertThatThrownBy(emulator::baseUri).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> fixture.client.post("/pa/v3/status", java.util.Map.of(), TestJson.utf8("{}")))
                .isInstanceOf(Transport.TransportFailure.class);
        assertThat(emulator.initActivation(app).activationId()).isNotBlank();
    }
}
