package org.opentokens.powerauth.token.adapter.http;

import org.opentokens.powerauth.token.domain.ecies.EciesEncryptedResponse;

/** The ECIES response envelope on the wire; {@code nonce} and {@code timestamp} are absent before 3.2. */
record EciesResponseJson(String encryptedData, String mac, String nonce, Long timestamp) {

    EciesEncryptedResponse toDomain(Endpoint call) {
        return new EciesEncryptedResponse(call.require(encryptedData, "encryptedData"), call.require(mac, "mac"),
                nonce, timestamp);
    }
}
