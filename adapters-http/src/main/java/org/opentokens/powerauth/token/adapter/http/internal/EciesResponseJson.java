package org.opentokens.powerauth.token.adapter.http.internal;

import java.util.Map;
import org.opentokens.powerauth.token.domain.EciesEncryptedResponse;

/** The ECIES response envelope on the wire; {@code nonce} and {@code timestamp} are absent before 3.2. */
record EciesResponseJson(String encryptedData, String mac, String nonce, Long timestamp) {

    static EciesResponseJson read(Map<String, Object> object, Endpoint endpoint) {
        return new EciesResponseJson(WireJson.string(object, "encryptedData", endpoint),
                WireJson.string(object, "mac", endpoint), WireJson.string(object, "nonce", endpoint),
                WireJson.integer(object, "timestamp", endpoint));
    }

    EciesEncryptedResponse toDomain(Endpoint call) {
        return new EciesEncryptedResponse(call.require(encryptedData, "encryptedData"), call.require(mac, "mac"),
                nonce, timestamp);
    }
}
