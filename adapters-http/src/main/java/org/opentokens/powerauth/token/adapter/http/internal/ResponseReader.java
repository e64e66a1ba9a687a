package org.opentokens.powerauth.token.adapter.http.internal;

import java.util.Map;
import org.opentokens.powerauth.token.domain.error.InvalidServerResponseException;
import org.opentokens.powerauth.token.domain.error.RejectionHints;
import org.opentokens.powerauth.token.domain.error.ServerRejectedException;

/**
 * Turns an {@link HttpAnswer} into a wire record, or into the port's typed failure: a non-2xx status or a
 * PowerAuth error object is a {@link ServerRejectedException}; a body that is too large, not JSON or not the
 * expected shape is an {@link InvalidServerResponseException}. A 404 carries the hint to check the server base
 * URL ({@link RejectionHints#endpointNotFound}): every endpoint the adapter calls exists on a PowerAuth server.
 */
final class ResponseReader {
    private static final String STATUS = "status";
    private static final String RESPONSE_OBJECT = "responseObject";
    private static final String ERROR = "ERROR";
    private static final String OK = "OK";

    private final WireJson json;
    private final int maxResponseBytes;
    private final String basePath;

    ResponseReader(WireJson json, int maxResponseBytes, String basePath) {
        this.json = json;
        this.maxResponseBytes = maxResponseBytes;
        this.basePath = basePath == null ? "" : basePath;
    }

    /**
     * Reads {@code {"status":"OK","responseObject":{…}}}. A missing {@code status} is tolerated.
     *
     * @param answer the answer
     * @param endpoint the endpoint that gave it
     * @param payload reads the {@code responseObject} record
     * @param <T> the payload type
     * @return the payload, never null
     */
    <T> T wrapped(HttpAnswer answer, Endpoint endpoint, ResponseObjectJson<T> payload) {
        Map<String, Object> node = successObject(answer, endpoint);
        Object status = node.get(STATUS);
        if (status != null && !OK.equals(status)) {
            throw endpoint.invalid("response status is not OK");
        }
        Map<String, Object> inner = WireJson.object(node, RESPONSE_OBJECT, endpoint);
        if (inner == null) {
            throw endpoint.invalid("response lacks " + RESPONSE_OBJECT);
        }
        return payload.read(inner, endpoint);
    }

    /**
     * Checks a bare {@code {"status":"OK"}} answer; a {@code responseObject} beside it is ignored.
     *
     * @param answer the answer
     * @param endpoint the endpoint that gave it
     */
    void statusOk(HttpAnswer answer, Endpoint endpoint) {
        Map<String, Object> node = successObject(answer, endpoint);
        if (!OK.equals(node.get(STATUS))) {
            throw endpoint.invalid("response status is not OK");
        }
    }

    /**
     * Reads an unwrapped body, such as an ECIES envelope.
     *
     * @param answer the answer
     * @param endpoint the endpoint that gave it
     * @param type reads the record from the whole body
     * @param <T> the record type
     * @return the record, never null
     */
    <T> T unwrapped(HttpAnswer answer, Endpoint endpoint, ResponseObjectJson<T> type) {
        return type.read(successObject(answer, endpoint), endpoint);
    }

    private Map<String, Object> successObject(HttpAnswer answer, Endpoint endpoint) {
        if (!answer.isSuccess()) {
            throw rejected(answer.status(), errorCode(answer, endpoint));
        }
        if (answer.isTooLarge()) {
            throw endpoint.invalid("response body exceeds " + maxResponseBytes + " bytes");
        }
        if (answer.body().length == 0) {
            throw endpoint.invalid("response body is empty");
        }
        Map<String, Object> node = json.readObject(answer.body(), endpoint);
        if (ERROR.equals(node.get(STATUS))) {
            throw rejected(answer.status(), code(node));
        }
        return node;
    }

    private ServerRejectedException rejected(int status, String code) {
        return new ServerRejectedException(status, code,
                status == 404 ? RejectionHints.endpointNotFound(basePath) : null);
    }

    private String errorCode(HttpAnswer answer, Endpoint endpoint) {
        if (answer.isTooLarge() || answer.body().length == 0) {
            return null;
        }
        try {
            Map<String, Object> node = json.readObject(answer.body(), endpoint);
            return ERROR.equals(node.get(STATUS)) ? code(node) : null;
        } catch (InvalidServerResponseException notPowerAuthError) {
            return null;
        }
    }

    private static String code(Map<String, Object> node) {
        return node.get(RESPONSE_OBJECT) instanceof Map<?, ?> inner && inner.get("code") instanceof String code
                ? code : null;
    }
}
