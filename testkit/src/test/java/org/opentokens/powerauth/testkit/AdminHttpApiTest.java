package org.opentokens.powerauth.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.getlime.security.powerauth.crypto.lib.enums.PowerAuthSignatureTypes;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdminHttpApiTest {

    private final PowerAuthEmulator emulator = PowerAuthEmulator.create();
    private final URI baseUri = emulator.start();
    private final Transport http = Transport.http(baseUri);

    @AfterEach
    void stop() {
        emulator.close();
    }

    private JsonNode call(String method, String path, String body) {
        EmulatorResponse response = http.exchange(new EmulatorRequest(method, path,
                Map.of("Content-Type", "application/json"), body == null ? null : TestJson.utf8(body)));
        assertThat(response.status()).as(method + " " + path + ": " + response.bodyText()).isEqualTo(200);
        return TestJson.read(response).path("responseObject");
    }

    @Test
    void aClientCanBeActivatedAndManagedThroughTheAdminApiAlone() {
        JsonNode appJson = call("POST", "/admin/applications", null);
        EmulatorApplication app = new EmulatorApplication(appJson.path("applicationId").asText(),
                appJson.path("appKey").asText(), appJson.path("appSecret").asText(),
                appJson.path("masterServerPublicKey").asText());
        JsonNode code = call("POST", "/admin/applications/" + app.applicationId() + "/activations", null);
        String activationId = code.path("activationId").asText();
        assertThat(code.path("qrPayload").asText()).startsWith(code.path("activationCode").asText() + "#");

        WultraDevice device = new WultraClient(http, app).activate(code.path("activationCode").asText(), "3.3");
        assertThat(call("GET", "/admin/activations/" + activationId, null).path("state").asText())
                .isEqualTo("PENDING_COMMIT");
        assertThat(call("POST", "/admin/activations/" + activationId + "/commit", null).path("state").asText())
                .isEqualTo("ACTIVE");
        device.createToken(PowerAuthSignatureTypes.POSSESSION);
        JsonNode tokens = call("GET", "/admin/activations/" + activationId + "/tokens", null);
        String tokenId = tokens.get(0).path("tokenId").asText();
        JsonNode tokenRemoved = call("POST", "/admin/tokens/" + tokenId + "/remove", null);
        JsonNode tokenRemovedAgain = call("POST", "/admin/tokens/" + tokenId + "/remove", null);
        JsonNode snapshot = call("GET", "/admin/activations/" + activationId, null);
        JsonNode blocked = call("POST", "/admin/activations/" + activationId + "/block", null);
        JsonNode unblocked = call("POST", "/admin/activations/" + activationId + "/unblock", null);
        JsonNode removed = call("POST", "/admin/activations/" + activationId + "/remove", null);

        assertThat(tokens).hasSize(1);
        assertThat(tokens.get(0).path("signatureType").asText()).isEqualTo("possession");
        assertThat(tokenRemoved.path("removed").asBoolean()).isTrue();
        assertThat(tokenRemovedAgain.path("removed").asBoolean()).isFalse();
        assertThat(emulator.tokens(activationId)).isEmpty();
        assertThat(snapshot.path("counter").asLong()).isEqualTo(1);
        assertThat(snapshot.path("ctrDataBase64").asText())
                .isEqualTo(java.util.Base64.getEncoder().encodeToString(device.ctrData()));
        assertThat(blocked.path("state").asText()).isEqualTo("BLOCKED");
        assertThat(unblocked.path("state").asText()).isEqualTo("ACTIVE");
        assertThat(removed.path("state").asText()).isEqualTo("REMOVED");
    }

    @Test
    void theClockCanBeMovedAndRead() {
        long before = call("GET", "/admin/clock", null).path("serverTime").asLong();

        long moved = call("POST", "/admin/clock", "{\"offsetMs\":3600000}").path("serverTime").asLong();

        assertThat(moved - before).isBetween(3_600_000L, 3_660_000L);
        assertThat(emulator.serverTimeMs()).isGreaterThanOrEqualTo(moved);
    }

    @Test
    void faultsCanBeQueuedAndClearedOverHttp() {
        call("POST", "/admin/faults", "{\"path\":\"/pa/v3/status\",\"type\":\"status\",\"status\":502,\"body\":\"x\"}");
        JsonNode pending = call("POST", "/admin/faults",
                "{\"path\":\"*\",\"type\":\"delay\",\"delayMs\":1}");

        EmulatorResponse faulted = http.exchange(EmulatorRequest.post("/pa/v3/status", Map.of(), TestJson.utf8("{}")));
        JsonNode cleared = call("POST", "/admin/faults/clear", null);

        assertThat(pending.path("pending").asInt()).isEqualTo(2);
        assertThat(faulted.status()).isEqualTo(502);
        assertThat(faulted.bodyText()).isEqualTo("x");
        assertThat(cleared.path("pending").asInt()).isZero();
        assertThat(emulator.faults().pending()).isZero();
    }

    @Test
    void theExchangeLogIsReadableWithTheReasonsTheUniformBodyHides() {
        http.exchange(EmulatorRequest.post("/pa/v3/status", Map.of(), TestJson.utf8("{}")));
        http.exchange(new EmulatorRequest("GET", PowerAuthEmulator.RESOURCE_PATH,
                Map.of("X-PowerAuth-Token", "PowerAuth nonsense"), null));

        JsonNode exchanges = call("GET", "/admin/exchanges", null);

        assertThat(exchanges.get(0).path("path").asText()).isEqualTo("/pa/v3/status");
        assertThat(exchanges.get(0).path("status").asInt()).isEqualTo(200);
        assertThat(exchanges.get(0).path("reason").isNull()).isTrue();
        assertThat(exchanges.get(1).path("status").asInt()).isEqualTo(401);
        assertThat(exchanges.get(1).path("reason").asText()).isEqualTo("HEADER_MALFORMED");
    }

    @Test
    void unknownIdsBadInputAndWrongStatesGetTypedErrors() {
        EmulatorResponse unknown = http.exchange(new EmulatorRequest("GET", "/admin/activations/nope", null, null));
        EmulatorResponse badFault = http.exchange(EmulatorRequest.post("/admin/faults", null,
                TestJson.utf8("{\"path\":\"/x\",\"type\":\"explode\"}")));
        EmulatorApplication app = emulator.createApplication();
        String activationId = emulator.initActivation(app).activationId();
        EmulatorResponse conflict = http.exchange(EmulatorRequest.post("/admin/activations/" + activationId + "/commit",
                null, null));
        EmulatorResponse unknownRoute = http.exchange(new EmulatorRequest("GET", "/admin/whatever", null, null));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(TestJson.errorCode(unknown)).isEqualTo("ERR_NOT_FOUND");
        assertThat(badFault.status()).isEqualTo(400);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(unknownRoute.status()).isEqualTo(404);
    }
}
