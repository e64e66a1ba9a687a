package org.opentokens.powerauth.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;

/** JSON reading and writing with the PowerAuth envelope shapes. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Map<String, String> JSON_HEADERS = Map.of("Content-Type", "application/json");

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses a body that must be a JSON object; anything else is ERR_VALIDATION. */
    static JsonNode parseObject(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw EmulatorRejection.validation("Request body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw EmulatorRejection.validation("Request body is not valid JSON");
        }
    }

    /** The {@code requestObject} of a wrapped request body. */
    static JsonNode requestObject(byte[] body) {
        JsonNode requestObject = parseObject(body).get("requestObject");
        if (requestObject == null || !requestObject.isObject()) {
            throw EmulatorRejection.validation("Missing requestObject");
        }
        return requestObject;
    }

    /** A text field, or ERR_VALIDATION naming the field when missing. */
    static String requiredText(JsonNode node, String field) {
        String value = optionalText(node, field);
        if (value == null || value.isEmpty()) {
            throw EmulatorRejection.validation("Missing field: " + field);
        }
        return value;
    }

    static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON serialization failed", e);
        }
    }

    static EmulatorResponse response(int status, JsonNode body) {
        return new EmulatorResponse(status, JSON_HEADERS, bytes(body));
    }

    static EmulatorResponse rawResponse(int status, byte[] body) {
        return new EmulatorResponse(status, JSON_HEADERS, body);
    }

    /** {@code {"status":"OK","responseObject":...}}. */
    static EmulatorResponse ok(JsonNode responseObject) {
        ObjectNode root = object().put("status", "OK");
        root.set("responseObject", responseObject);
        return response(200, root);
    }

    /** {@code {"status":"OK"}}. */
    static EmulatorResponse okEmpty() {
        return response(200, object().put("status", "OK"));
    }

    /** {@code {"status":"ERROR","responseObject":{"code","message"}}}. */
    static EmulatorResponse error(int status, String code, String message) {
        ObjectNode root = object().put("status", "ERROR");
        root.putObject("responseObject").put("code", code).put("message", message);
        return response(status, root);
    }
}
