package org.opentokens.powerauth.token.adapter.http.internal;

import java.util.Map;
import org.opentokens.powerauth.token.port.internal.out.ActivationStatusResponse;

/** The activation status response payload; {@code customObject} and other extras are ignored. */
record ActivationStatusResponseJson(String activationId, String encryptedStatusBlob, String nonce) {

    static ActivationStatusResponseJson read(Map<String, Object> object, Endpoint endpoint) {
        return new ActivationStatusResponseJson(WireJson.string(object, "activationId", endpoint),
                WireJson.string(object, "encryptedStatusBlob", endpoint), WireJson.string(object, "nonce", endpoint));
    }

    ActivationStatusResponse toPort(Endpoint call) {
        return new ActivationStatusResponse(call.require(activationId, "responseObject.activationId"),
                call.require(encryptedStatusBlob, "responseObject.encryptedStatusBlob"), nonce);
    }
}
