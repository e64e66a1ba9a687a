package org.opentokens.powerauth.token.adapter.http.internal;

import java.util.Map;

/** The signature validate payload: {@code {"reason":…}}. */
record ReasonJson(String reason) {

    Map<String, Object> toJson() {
        return Map.of("reason", reason);
    }
}
