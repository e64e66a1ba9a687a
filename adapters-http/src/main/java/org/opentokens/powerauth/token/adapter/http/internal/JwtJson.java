package org.opentokens.powerauth.token.adapter.http.internal;

import java.util.Map;

/** The keystore payload in both directions: {@code {"jwt":…}}. */
record JwtJson(String jwt) {

    static JwtJson read(Map<String, Object> object, Endpoint endpoint) {
        return new JwtJson(WireJson.string(object, "jwt", endpoint));
    }

    Map<String, Object> toJson() {
        return Map.of("jwt", jwt);
    }
}
