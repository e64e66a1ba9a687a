package org.opentokens.powerauth.token.adapter.http.internal;

import java.util.Map;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptedResponse;

/** The 4.0 AEAD response envelope on the wire: {@code {"encryptedData","timestamp"}}. */
record AeadResponseJson(String encryptedData, Long timestamp) {

    static AeadResponseJson read(Map<String, Object> object, Endpoint endpoint) {
        return new AeadResponseJson(WireJson.string(object, "encryptedData", endpoint),
                WireJson.integer(object, "timestamp", endpoint));
    }

    AeadEncryptedResponse toDomain(Endpoint call) {
        return new AeadEncryptedResponse(call.require(encryptedData, "encryptedData"),
                call.require(timestamp, "timestamp"));
    }
}
