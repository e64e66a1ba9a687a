package org.opentokens.powerauth.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/** The responses and response changes that injected faults produce. */
final class FaultEffects {

    private static final byte[] GARBAGE = "{\"status\":\"OK\",\"responseObject\":{\"tok".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OVERSIZED_PREFIX = "{\"status\":\"OK\",\"responseObject\":{\"padding\":\""
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] OVERSIZED_SUFFIX = "\"}}".getBytes(StandardCharsets.UTF_8);

    /** The 4.0 AEAD output starts with a 12-byte nonce, then the 32-byte tag. */
    private static final int AEAD_NONCE_BYTES = 12;

    private FaultEffects() {
    }

    static EmulatorResponse status(Fault fault) {
        return Json.rawResponse(fault.status(), fault.body().getBytes(StandardCharsets.UTF_8));
    }

    static EmulatorResponse garbageJson() {
        return Json.rawResponse(200, GARBAGE);
    }

    /** A valid JSON body of exactly {@code fault.bytes()} bytes. */
    static EmulatorResponse oversized(Fault fault) {
        byte[] body = new byte[fault.bytes()];
        Arrays.fill(body, (byte) 'x');
        System.arraycopy(OVERSIZED_PREFIX, 0, body, 0, OVERSIZED_PREFIX.length);
        System.arraycopy(OVERSIZED_SUFFIX, 0, body, body.length - OVERSIZED_SUFFIX.length, OVERSIZED_SUFFIX.length);
        return Json.rawResponse(200, body);
    }

    /**
     * Flips one bit of the top-level {@code mac} of an ECIES response envelope, or for a 4.0 AEAD response
     * ({@code encryptedData} without {@code mac}) one bit of the KMAC tag inside {@code encryptedData}.
     */
    static EmulatorResponse wrongEciesMac(EmulatorResponse response) {
        JsonNode body = readObject(response);
        if (body != null && !body.has("mac") && body.hasNonNull("encryptedData")) {
            byte[] sealed = Base64.getDecoder().decode(body.get("encryptedData").asText());
            if (sealed.length > AEAD_NONCE_BYTES) {
                sealed[AEAD_NONCE_BYTES] ^= 0x01;
                ((ObjectNode) body).put("encryptedData", Base64.getEncoder().encodeToString(sealed));
                return Json.response(response.status(), body);
            }
        }
        if (body == null || !body.hasNonNull("mac")) {
            return response;
        }
        byte[] mac = Base64.getDecoder().decode(body.get("mac").asText());
        mac[0] ^= 0x01;
        ((ObjectNode) body).put("mac", Base64.getEncoder().encodeToString(mac));
        return Json.response(response.status(), body);
    }

    /** Flips one bit of the (first) signature of {@code responseObject.jwt}, compact (3.x) or JWS JSON (4.0). */
    static EmulatorResponse wrongJwtSignature(EmulatorResponse response) {
        JsonNode body = readObject(response);
        JsonNode responseObject = body == null ? null : body.get("responseObject");
        if (responseObject == null || !responseObject.hasNonNull("jwt")) {
            return response;
        }
        String jwt = responseObject.get("jwt").asText();
        ((ObjectNode) responseObject).put("jwt", jwt.startsWith("{") ? Jwt.corruptJwsJsonSignature(jwt)
                : Jwt.corruptSignature(jwt));
        return Json.response(response.status(), body);
    }

    private static JsonNode readObject(EmulatorResponse response) {
        try {
            JsonNode node = Json.MAPPER.readTree(response.body());
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
