package org.opentokens.powerauth.token.adapter.http.internal;

import java.util.Map;

/** The activation remove response payload: {@code {"activationId":…}}. */
record ActivationIdJson(String activationId) {

    static ActivationIdJson read(Map<String, Object> object, Endpoint endpoint) {
        return new ActivationIdJson(WireJson.string(object, "activationId", endpoint));
    }
}
