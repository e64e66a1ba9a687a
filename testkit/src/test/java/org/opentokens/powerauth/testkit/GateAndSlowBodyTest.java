package org.opentokens.powerauth.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.getlime.security.powerauth.crypto.lib.enums.PowerAuthSignatureTypes;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GateAndSlowBodyTest {
    private static final String STATUS = "/pa/v3/status";
    private static final String CREATE = "/pa/v3/token/create";

    private final PowerAuthEmulator emulator = PowerAuthEmulator.create();
    private final URI baseUri = emulator.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void aSlowBodySendsTheHeadersFirstAndThenTheWholeBodyInPieces() throws Exception {
        emulator.faults().slowBody(STATUS, Duration.ofMillis(200));

        HttpResponse<InputStream> response = http.send(post(STATUS), HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        long declared = response.headers().firstValueAsLong("Content-Length").orElseThrow();
        try (InputStream body = response.body()) {
            byte[] bytes = body.readAllBytes();
            assertThat(bytes).hasSize((int) declared);
            assertThat(TestJson.read(new EmulatorResponse(200, null, bytes)).path("status").asText()).isEqualTo("OK");
        }
        assertThat(emulator.faults().pending()).isZero();
    }

    @Test
    void aSlowBodyOutlastsAWholeCallDeadlineThatTheHeadersMeet() {
        emulator.faults().slowBody(STATUS, Duration.ofSeconds(30));

        CompletableFuture<HttpResponse<String>> call = http.sendAsync(post(STATUS),
                HttpResponse.BodyHandlers.ofString());

        assertThatThrownBy(() -> call.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        call.cancel(true);
    }

    @Test
    void aHeldRequestIsNotProcessedUntilReleased() throws Exception {
        Fixture fixture = Fixture.inProcess(emulator);
        WultraDevice device = fixture.activeDevice("3.3");
        device.createToken(PowerAuthSignatureTypes.POSSESSION);
        EmulatorGate gate = emulator.faults().holdRequest(CREATE);

        CompletableFuture<WultraDevice.IssuedToken> held = CompletableFuture.supplyAsync(
                () -> device.createToken(PowerAuthSignatureTypes.POSSESSION));

        assertThat(gate.awaitArrival(Duration.ofSeconds(10))).isTrue();
        assertThat(emulator.tokens(device.activationId)).hasSize(1);
        assertThat(held).isNotDone();
        gate.release();
        WultraDevice.IssuedToken token = held.get(10, TimeUnit.SECONDS);
        assertThat(emulator.tokens(device.activationId)).extracting(EmulatorToken::tokenId).contains(token.tokenId());
    }

    @Test
    void aHeldResponseIsProcessedBeforeItIsHeld() throws Exception {
        Fixture fixture = Fixture.inProcess(emulator);
        WultraDevice device = fixture.activeDevice("3.3");
        EmulatorGate gate = emulator.faults().holdResponse(CREATE);

        CompletableFuture<WultraDevice.IssuedToken> held = CompletableFuture.supplyAsync(
                () -> device.createToken(PowerAuthSignatureTypes.POSSESSION));

        assertThat(gate.awaitArrival(Duration.ofSeconds(10))).isTrue();
        assertThat(emulator.tokens(device.activationId)).hasSize(1);
        assertThat(held).isNotDone();
        gate.release();
        assertThat(held.get(10, TimeUnit.SECONDS).tokenId())
                .isEqualTo(emulator.tokens(device.activationId).get(0).tokenId());
    }

    @Test
    void aDroppedRequestIsNeverProcessedAndGetsNoAnswer() throws Exception {
        Fixture fixture = Fixture.inProcess(emulator);
        WultraDevice device = fixture.activeDevice("3.3");
        EmulatorGate gate = emulator.faults().holdRequest(CREATE);

        CompletableFuture<WultraDevice.IssuedToken> held = CompletableFuture.supplyAsync(
                () -> device.createToken(PowerAuthSignatureTypes.POSSESSION));
        assertThat(gate.awaitArrival(Duration.ofSeconds(10))).isTrue();
        gate.drop();

        assertThatThrownBy(() -> held.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(EmulatorConnectionResetException.class);
        assertThat(emulator.tokens(device.activationId)).isEmpty();
    }

    @Test
    void stoppingTheEmulatorDropsAHeldRequest() throws Exception {
        EmulatorGate gate = emulator.faults().holdRequest(STATUS);
        CompletableFuture<HttpResponse<String>> call = http.sendAsync(post(STATUS),
                HttpResponse.BodyHandlers.ofString());
        assertThat(gate.awaitArrival(Duration.ofSeconds(10))).isTrue();

        emulator.close();

        assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        assertThat(gate.hasArrived()).isTrue();
    }

    private HttpRequest post(String path) {
        return HttpRequest.newBuilder(baseUri.resolve(path)).POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    }
}
