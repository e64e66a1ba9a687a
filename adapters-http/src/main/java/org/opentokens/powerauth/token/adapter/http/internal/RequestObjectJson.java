package org.opentokens.powerauth.token.adapter.http.internal;

import java.util.Map;

/** A plain request body, {@code {"requestObject":…}}. */
final class RequestObjectJson {
    private RequestObjectJson() {
    }

    /**
     * @param payload the request object's fields
     * @return the body's fields
     */
    static Map<String, Object> of(Map<String, ?> payload) {
        return Map.of("requestObject", payload);
    }
}
