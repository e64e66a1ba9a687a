package org.opentokens.powerauth.token.adapter.http.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** The activation status request payload; {@code challenge} is left out for protocol 3.0. */
record ActivationStatusRequestJson(String activationId, String challenge) {

    Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("activationId", activationId);
        if (challenge != null) {
            out.put("challenge", challenge);
        }
        return out;
    }
}
