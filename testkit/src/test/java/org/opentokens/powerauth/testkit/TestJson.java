package org.opentokens.powerauth.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptedRequest;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptedResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** JSON helpers for the test client. */
final class TestJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private TestJson() {
    }

    static JsonNode read(byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(EmulatorResponse response) {
        return read(response.body());
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** {@code {"requestObject": inner}} as bytes. */
    static byte[] wrapped(ObjectNode inner) {
        ObjectNode root = object();
        root.set("requestObject", inner);
        return bytes(root);
    }

    static ObjectNode envelope(EncryptedRequest request) {
        ObjectNode node = object();
        if (request.getTemporaryKeyId() != null) {
            node.put("temporaryKeyId", request.getTemporaryKeyId());
        }
        node.put("ephemeralPublicKey", request.getEphemeralPublicKey());
        node.put("encryptedData", request.getEncryptedData());
        node.put("mac", request.getMac());
        if (request.getNonce() != null) {
            node.put("nonce", request.getNonce());
        }
        if (request.getTimestamp() != null) {
            node.put("timestamp", request.getTimestamp());
        }
        return node;
    }

    static EncryptedResponse encryptedResponse(JsonNode node) {
        return new EncryptedResponse(text(node, "encryptedData"), text(node, "mac"), text(node, "nonce"),
                node.hasNonNull("timestamp") ? node.get("timestamp").asLong() : null);
    }

    static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    /** The error code of a PowerAuth error body. */
    static String errorCode(EmulatorResponse response) {
        return read(response).path("responseObject").path("code").asText();
    }

    /** @return whether the body is a real deployment's uniform 401 for a failed token or signature check */
    static boolean isUniformAuthenticationFailure(EmulatorResponse response) {
        JsonNode inner = read(response).path("responseObject");
        return response.status() == 401 && "ERROR".equals(read(response).path("status").asText())
                && "ERR_AUTHENTICATION".equals(inner.path("code").asText())
                && "POWER_AUTH_SIGNATURE_INVALID".equals(inner.path("message").asText());
    }

    /** @return the reason the emulator logged for its latest exchange */
    static EmulatorAuthFailure lastReason(PowerAuthEmulator emulator) {
        java.util.List<EmulatorExchange> all = emulator.exchanges();
        return all.get(all.size() - 1).reason();
    }
}
