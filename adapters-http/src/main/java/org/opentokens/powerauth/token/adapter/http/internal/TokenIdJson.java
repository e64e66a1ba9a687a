package org.opentokens.powerauth.token.adapter.http.internal;

import java.util.Map;

/** The token remove payload in both directions: {@code {"tokenId":…}}. */
record TokenIdJson(String tokenId) {

    static TokenIdJson read(Map<String, Object> object, Endpoint endpoint) {
        return new TokenIdJson(WireJson.string(object, "tokenId", endpoint));
    }

    Map<String, Object> toJson() {
        return Map.of("tokenId", tokenId);
    }
}
