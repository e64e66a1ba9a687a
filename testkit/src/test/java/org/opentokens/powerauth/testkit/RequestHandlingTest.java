package org.opentokens.powerauth.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RequestHandlingTest {

    private final PowerAuthEmulator emulator = PowerAuthEmulator.builder().maxRequestBytes(1024).build();

    @Test
    void statusEndpointReportsServerTimeIncludingTheClockOffset() {
        PowerAuthEmulator fixed = PowerAuthEmulator.builder()
                .clock(Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC)).build();
        fixed.setClockOffset(java.time.Duration.ofSeconds(5));

        EmulatorResponse response = fixed.handle(EmulatorRequest.post("/pa/v3/status", null, TestJson.utf8("{}")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get("content-type")).isEqualTo("application/json");
        assertThat(response.bodyText()).isEqualTo("{\"status\":\"OK\",\"responseObject\":{\"serverTime\":1700000005000,"
                + "\"application\":{\"name\":\"powerauth-emulator\",\"version\":\"1.10.0\"}}}");
        assertThat(fixed.serverTimeMs()).isEqualTo(1_700_000_005_000L);
    }

    @Test
    void malformedJsonIsAValidationError() {
        EmulatorResponse response = emulator.handle(EmulatorRequest.post("/pa/v3/activation/status", null,
                TestJson.utf8("{\"requestObject\":")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).startsWith("{\"status\":\"ERROR\",\"responseObject\":{\"code\":\"ERR_VALIDATION\"");
    }

    @Test
    void aMissingFieldIsAValidationErrorNamingTheField() {
        EmulatorResponse response = emulator.handle(EmulatorRequest.post("/pa/v3/token/remove", null,
                TestJson.utf8("{\"requestObject\":{}}")));

        assertThat(response.status()).isEqualTo(401);
        EmulatorResponse status = emulator.handle(EmulatorRequest.post("/pa/v3/activation/status", null,
                TestJson.utf8("{\"requestObject\":{}}")));
        assertThat(status.status()).isEqualTo(400);
        assertThat(TestJson.read(status).path("responseObject").path("message").asText())
                .isEqualTo("Missing field: activationId");
    }

    @Test
    void aBodyOverTheLimitIsRejected() {
        EmulatorResponse response = emulator.handle(EmulatorRequest.post("/pa/v3/status", null, new byte[1025]));

        assertThat(response.status()).isEqualTo(400);
        assertThat(TestJson.errorCode(response)).isEqualTo("ERR_VALIDATION");
    }

    @Test
    void unknownPathsAndWrongMethodsAreRejected() {
        EmulatorResponse unknown = emulator.handle(EmulatorRequest.post("/pa/v3/nothing", null, null));
        EmulatorResponse get = emulator.handle(new EmulatorRequest("GET", "/pa/v3/status", null, null));
        EmulatorResponse delete = emulator.handle(new EmulatorRequest("DELETE", "/api/resource", null, null));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(get.status()).isEqualTo(405);
        assertThat(delete.status()).isEqualTo(405);
    }

    @Test
    void theExchangeLogRecordsMethodPathStatusAndReasonWithoutQueryStrings() {
        emulator.handle(EmulatorRequest.post("/pa/v3/status?x=1", null, TestJson.utf8("{}")));
        emulator.handle(new EmulatorRequest("GET", "/api/resource", null, null));

        assertThat(emulator.exchanges()).containsExactly(new EmulatorExchange("POST", "/pa/v3/status", 200),
                new EmulatorExchange("GET", "/api/resource", 401, EmulatorAuthFailure.HEADER_MISSING));
        assertThat(emulator.count("/pa/v3/status")).isEqualTo(1);
        assertThat(emulator.count("/pa/v3/token/create")).isZero();
    }

    @Test
    void requestHeadersAreLookedUpIgnoringCase() {
        EmulatorRequest request = EmulatorRequest.post("/x", java.util.Map.of("X-PowerAuth-Token", "v"), null);

        assertThat(request.header("x-powerauth-token")).isEqualTo("v");
        assertThat(request.headers().get("X-POWERAUTH-TOKEN")).isEqualTo("v");
        assertThat(request.toString()).doesNotContain("v]").contains("POST /x");
    }

    @Test
    void adminMethodsRejectUnknownActivationsAndWrongStates() {
        EmulatorApplication app = emulator.createApplication();
        EmulatorActivationCode code = emulator.initActivation(app);

        assertThatThrownBy(() -> emulator.activation("nope")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emulator.commitActivation(code.activationId()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CREATED");
        assertThatThrownBy(() -> emulator.blockActivation(code.activationId()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(emulator::baseUri).isInstanceOf(IllegalStateException.class);
        assertThat(app.toString()).doesNotContain(app.appSecret());
    }
}
