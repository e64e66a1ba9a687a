package org.opentokens.powerauth.token.adapter.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.opentokens.powerauth.token.adapter.http.internal.TestWireFactory.EPHEMERAL_KEY;
import static org.opentokens.powerauth.token.adapter.http.internal.TestWireFactory.MAC;
import static org.opentokens.powerauth.token.adapter.http.internal.TestWireFactory.NONCE;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentokens.powerauth.token.domain.EciesEncryptedRequest;
import org.opentokens.powerauth.token.domain.error.PowerAuthClientException;

/** No body, header value or secret reaches an exception message, a cause's message or the log. */
class JavaHttpPowerAuthServerSecrecyTest {
    private static final String MARKER = "SeCrEtMaRkEr4711";
    private static final String API_KEY = "ApiKey-" + MARKER;
    private static final EciesEncryptedRequest ENVELOPE = new EciesEncryptedRequest("temp-" + MARKER, EPHEMERAL_KEY,
            MARKER + "AAAA", MAC, NONCE, 1L);

    private StubHttpServer stub;
    private JavaHttpPowerAuthServer server;
    private RecordingSigner signer;
    private CapturedLog log;

    @BeforeEach
    void start() {
        stub = StubHttpServer.start();
        server = new JavaHttpPowerAuthServer(HttpServerConfig.builder().baseUri(stub.baseUri())
                .maxResponseBytes(256).requestTimeout(Duration.ofMillis(500)).extraHeader("X-Api-Key", API_KEY).build());
        signer = new RecordingSigner();
        log = CapturedLog.of(JavaHttpPowerAuthServer.class);
    }

    @AfterEach
    void stop() {
        log.close();
        stub.close();
    }

    static Stream<Arguments> failures() {
        byte[] big = ("{\"encryptedData\":\"" + MARKER.repeat(40) + "\",\"mac\":\"m\"}").getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                answer("401 PowerAuth error", 401, TestWireFactory.error("ERR_AUTHENTICATION", MARKER)),
                answer("500 HTML", 500, "<html>" + MARKER + "</html>"),
                answer("200 garbage", 200, MARKER + " not json"),
                answer("200 bad token", 200, "{\"encryptedData\":" + MARKER + "}"),
                answer("200 wrong type", 200, "{\"encryptedData\":{\"" + MARKER + "\":1},\"mac\":\"" + MARKER + "\"}"),
                answer("200 missing field", 200, "{\"encryptedData\":\"" + MARKER + "\"}"),
                answer("200 duplicate key", 200, "{\"" + MARKER + "\":1,\"" + MARKER + "\":2}"),
                answer("200 PowerAuth error", 200, TestWireFactory.error("ERR_ACTIVATION", MARKER)),
                Arguments.of("oversized", (StubHttpServer.Handler) exchange ->
                        StubHttpServer.send(exchange, 200, "application/json", big)),
                Arguments.of("dropped", (StubHttpServer.Handler) exchange -> exchange.close()),
                Arguments.of("timeout", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void failuresOfASignedCallLeakNothing(String name, StubHttpServer.Handler handler) {
        stub.on("/pa/v3/token/create", handler != null ? handler : exchange -> stub.awaitRelease());

        Throwable thrown = catchThrowable(() -> server.createToken(ENVELOPE, signer));

        assertThat(thrown).isInstanceOf(PowerAuthClientException.class);
        assertLeaksNothing(messages(thrown));
        assertLeaksNothing(log.lines());
        assertThat(log.lines()).anyMatch(line -> line.startsWith("POST /pa/v3/token/create"));
    }

    @Test
    void successLogsMethodPathStatusAndDurationOnly() {
        stub.respond("/pa/v3/token/create", 200, "{\"encryptedData\":\"" + MARKER + "\",\"mac\":\"" + MARKER + "\"}");

        server.createToken(ENVELOPE, signer);

        assertThat(log.lines()).singleElement().satisfies(line ->
                assertThat(line).matches("POST /pa/v3/token/create -> 200 in \\d+ ms"));
    }

    @Test
    void theRequestReallyCarriedTheMarkersThatMustNotLeak() {
        stub.respond("/pa/v3/token/create", 200, TestWireFactory.responseEnvelopeJson());

        server.createToken(ENVELOPE, signer);

        ReceivedRequest request = stub.onlyRequest();
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).contains(MARKER);
        assertThat(request.header("X-Api-Key")).contains(API_KEY);
        assertThat(request.header("X-PowerAuth-Authorization")).contains(signer.header().value());
    }

    private void assertLeaksNothing(List<String> texts) {
        String authorization = signer.header().value();
        assertThat(texts).allSatisfy(text -> assertThat(text)
                .doesNotContain(MARKER)
                .doesNotContain(authorization)
                .doesNotContain(TestWireFactory.SIGNATURE)
                .doesNotContain(EPHEMERAL_KEY));
    }

    private static List<String> messages(Throwable thrown) {
        List<String> texts = new ArrayList<>();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            texts.add(String.valueOf(t.getMessage()));
            texts.add(t.toString());
        }
        return texts;
    }

    private static Arguments answer(String name, int status, String body) {
        return Arguments.of(name, (StubHttpServer.Handler) exchange ->
                StubHttpServer.send(exchange, status, "application/json", body.getBytes(StandardCharsets.UTF_8)));
    }
}
