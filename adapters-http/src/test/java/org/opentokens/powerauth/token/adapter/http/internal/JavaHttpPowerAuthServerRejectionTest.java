package org.opentokens.powerauth.token.adapter.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.opentokens.powerauth.token.adapter.http.internal.TestWireFactory.error;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentokens.powerauth.token.domain.error.ServerRejectedException;

/** Error answers become {@link ServerRejectedException} with the HTTP status and, when present, the code. */
class JavaHttpPowerAuthServerRejectionTest {
    private StubHttpServer stub;
    private JavaHttpPowerAuthServer server;

    @BeforeEach
    void startStub() {
        stub = StubHttpServer.start();
        server = new JavaHttpPowerAuthServer(HttpServerConfig.builder().baseUri(stub.baseUri()).build());
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void badRequestWithAPowerAuthErrorCarriesTheCode() {
        stub.respond("/pa/v3/keystore/create", 400, error("ERR_TEMPORARY_KEY", "Temporary key failure"));

        ServerRejectedException e = rejection(() -> server.createTemporaryKey("a.b.c"));

        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.errorCode()).contains("ERR_TEMPORARY_KEY");
        assertThat(e.getMessage()).doesNotContain("Temporary key failure");
    }

    @Test
    void unauthorizedWithAPowerAuthErrorCarriesTheCode() {
        stub.respond("/pa/v3/token/create", 401, error("ERR_AUTHENTICATION", "Signature invalid"));

        ServerRejectedException e = rejection(() -> server.createToken(TestWireFactory.envelope33(),
                new RecordingSigner()));

        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.hasErrorCode("ERR_AUTHENTICATION")).isTrue();
    }

    @Test
    void notFoundSaysToCheckTheBaseUrl() {
        stub.on("/pa/v3/status", exchange -> StubHttpServer.send(exchange, 404, "text/html",
                "<html><body>Not Found</body></html>".getBytes(StandardCharsets.UTF_8)));

        ServerRejectedException e = rejection(() -> server.fetchServerTime());

        assertThat(e.httpStatus()).isEqualTo(404);
        assertThat(e.hint()).hasValueSatisfying(hint -> assertThat(hint).contains("check the server base URL",
                "the part before /pa/v3", "ending in /pa"));
        assertThat(e.getMessage()).contains("HTTP 404", "check the server base URL").doesNotContain("Not Found");
    }

    @ParameterizedTest(name = "base path {0}")
    @ValueSource(strings = {"/pa", "/pa/", "/enrollment-server/pa", "/pa/v3"})
    void aBaseUrlEndingInPaIsNamedAsTheMistake(String basePath) {
        JavaHttpPowerAuthServer misconfigured = new JavaHttpPowerAuthServer(HttpServerConfig.builder()
                .baseUri(stub.baseUri() + basePath).build());
        stub.on(basePath.replaceAll("/$", "") + "/pa/v3/status", exchange -> StubHttpServer.send(exchange, 404,
                "application/json", error("ERR_NOT_FOUND", "Unknown path").getBytes(StandardCharsets.UTF_8)));

        ServerRejectedException e = rejection(() -> misconfigured.fetchServerTime());

        assertThat(e.errorCode()).contains("ERR_NOT_FOUND");
        assertThat(e.hint()).hasValueSatisfying(hint -> assertThat(hint).startsWith("The server base URL ends in /pa")
                .contains("leave that out"));
    }

    @Test
    void otherRejectionsCarryNoHint() {
        stub.respond("/pa/v3/status", 400, error("ERR_ACTIVATION", "x"));

        assertThat(rejection(() -> server.fetchServerTime()).hint()).isEmpty();
    }

    @Test
    void serverErrorWithAnHtmlPageHasNoCode() {
        stub.on("/pa/v3/status", exchange -> StubHttpServer.send(exchange, 500, "text/html",
                "<html><body>Internal Server Error</body></html>".getBytes(StandardCharsets.UTF_8)));

        ServerRejectedException e = rejection(() -> server.fetchServerTime());

        assertThat(e.httpStatus()).isEqualTo(500);
        assertThat(e.errorCode()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "", "garbage", "{\"status\":\"OK\",\"responseObject\":{\"code\":\"X\"}}", "{\"status\":\"ERROR\"}",
        "{\"status\":\"ERROR\",\"responseObject\":{\"code\":42}}", "{\"code\":\"ERR_X\"}", "[\"ERROR\"]"
    })
    void errorStatusWithoutAPowerAuthErrorCodeHasNoCode(String body) {
        stub.respond("/pa/v3/status", 400, body);

        ServerRejectedException e = rejection(() -> server.fetchServerTime());

        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.errorCode()).isEmpty();
    }

    @Test
    void okStatusWithAPowerAuthErrorBodyIsRejectedToo() {
        stub.respond("/pa/v3/status", 200, error("ERR_ACTIVATION", "Activation is not valid"))
                .respond("/pa/v3/token/create", 200, error("ERR_ACTIVATION", "Activation is not valid"));

        ServerRejectedException wrapped = rejection(() -> server.fetchServerTime());
        ServerRejectedException unwrapped = rejection(() -> server.createToken(TestWireFactory.envelope33(),
                new RecordingSigner()));

        assertThat(wrapped.httpStatus()).isEqualTo(200);
        assertThat(wrapped.errorCode()).contains("ERR_ACTIVATION");
        assertThat(unwrapped.errorCode()).contains("ERR_ACTIVATION");
    }

    @Test
    void unknownPathIsRejectedWithItsStatus() {
        ServerRejectedException e = rejection(() -> server.removeActivation(new RecordingSigner()));

        assertThat(e.httpStatus()).isEqualTo(404);
    }

    @Test
    void redirectsAreNotFollowedByTheDefaultClient() {
        stub.on("/pa/v3/status", exchange -> {
            exchange.getResponseHeaders().set("Location", "/elsewhere");
            exchange.sendResponseHeaders(307, -1);
        });

        ServerRejectedException e = rejection(() -> server.fetchServerTime());

        assertThat(e.httpStatus()).isEqualTo(307);
        assertThat(stub.received()).hasSize(1);
    }

    @Test
    void oversizedErrorBodyStillGivesTheStatus() {
        JavaHttpPowerAuthServer small = new JavaHttpPowerAuthServer(
                HttpServerConfig.builder().baseUri(stub.baseUri()).maxResponseBytes(32).build());
        stub.respond("/pa/v3/status", 401, error("ERR_AUTHENTICATION", "x".repeat(200)));

        ServerRejectedException e = rejection(() -> small.fetchServerTime());

        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.errorCode()).isEmpty();
    }

    @Test
    void hostileErrorCodesAreSanitizedByThePortException() {
        stub.respond("/pa/v3/status", 400, error("ERR<script>" + "A".repeat(100), "m"));

        ServerRejectedException e = rejection(() -> server.fetchServerTime());

        assertThat(e.errorCode()).hasValueSatisfying(code -> {
            assertThat(code).hasSize(ServerRejectedException.MAX_CODE_LENGTH).doesNotContain("<", ">");
        });
    }

    private static ServerRejectedException rejection(Runnable call) {
        ServerRejectedException e = catchThrowableOfType(ServerRejectedException.class, call::run);
        assertThat(e).as("ServerRejectedException").isNotNull();
        return e;
    }
}
