package org.opentokens.powerauth.token.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.opentokens.powerauth.token.port.out.InvalidServerResponseException;
import org.opentokens.powerauth.token.port.out.ServerRejectedException;

/**
 * Turns an {@link HttpAnswer} into a wire record, or into the port's typed failure: a non-2xx status or a
 * PowerAuth error object is a {@link ServerRejectedException}; a body that is too large, not JSON or not the
 * expected shape is an {@link InvalidServerResponseException}.
 */
final class ResponseReader {
    private static final String STATUS = "status";
    private static final String RESPONSE_OBJECT = "responseObject";
    private static final String ERROR = "ERROR";
    private static final String OK = "OK";

    private final WireJson json;
    private final int maxResponseBytes;

    ResponseReader(WireJson json, int maxResponseBytes) {
        this.json = json;
        this.maxResponseBytes = maxResponseBytes;
    }

    /**
     * Reads {@code {"status":"OK","responseObject":{…}}}. A missing {@code status} is tolerated.
     *
     * @param answer the answer
     * @param endpoint the endpoint that gave it
     * @param payload the {@code responseObject} record type
     * @param <T> the payload type
     * @return the payload, never null
     */
    <T> T wrapped(HttpAnswer answer, Endpoint endpoint, Class<T> payload) {
        JsonNode node = successObject(answer, endpoint);
        JsonNode status = node.get(STATUS);
        if (status != null && !(status.isTextual() && OK.equals(status.textValue()))) {
            throw endpoint.invalid("response status is not OK");
        }
        JsonNode inner = node.get(RESPONSE_OBJECT);
        if (inner == null || inner.isNull()) {
            throw endpoint.invalid("response lacks " + RESPONSE_OBJECT);
        }
        if (!inner.isObject()) {
            throw endpoint.invalid(RESPONSE_OBJECT + " is not a JSON object");
        }
        ResponseObjectJson<T> envelope = json.convert(node, json.wrapped(payload), endpoint);
        return envelope.responseObject();
    }

    /**
     * Reads an unwrapped body, such as an ECIES envelope.
     *
     * @param answer the answer
     * @param endpoint the endpoint that gave it
     * @param type the record type of the whole body
     * @param <T> the record type
     * @return the record, never null
     */
    <T> T unwrapped(HttpAnswer answer, Endpoint endpoint, Class<T> type) {
        return json.convert(successObject(answer, endpoint), json.plain(type), endpoint);
    }

    private JsonNode successObject(HttpAnswer answer, Endpoint endpoint) {
        if (!answer.isSuccess()) {
            throw new ServerRejectedException(answer.status(), errorCode(answer, endpoint));
        }
        if (answer.isTooLarge()) {
            throw endpoint.invalid("response body exceeds " + maxResponseBytes + " bytes");
        }
        if (answer.body().length == 0) {
            throw endpoint.invalid("response body is empty");
        }
        JsonNode node = json.readObject(answer.body(), endpoint);
        JsonNode status = node.get(STATUS);
        if (status != null && status.isTextual() && ERROR.equals(status.textValue())) {
            throw new ServerRejectedException(answer.status(), code(node));
        }
        return node;
    }

    private String errorCode(HttpAnswer answer, Endpoint endpoint) {
        if (answer.isTooLarge() || answer.body().length == 0) {
            return null;
        }
        try {
            JsonNode node = json.readObject(answer.body(), endpoint);
            JsonNode status = node.get(STATUS);
            return status != null && status.isTextual() && ERROR.equals(status.textValue()) ? code(node) : null;
        } catch (InvalidServerResponseException notPowerAuthError) {
            return null;
        }
    }

    private static String code(JsonNode node) {
        JsonNode code = node.path(RESPONSE_OBJECT).path("code");
        return code.isTextual() ? code.textValue() : null;
    }
}
