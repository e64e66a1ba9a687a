package org.opentokens.powerauth.token.adapter.http;

import org.opentokens.powerauth.token.port.out.ActivationStatusResponse;

/** The activation status response payload; {@code customObject} and other extras are ignored. */
record ActivationStatusResponseJson(String activationId, String encryptedStatusBlob, String nonce) {

    ActivationStatusResponse toPort(Endpoint call) {
        return new ActivationStatusResponse(call.require(activationId, "responseObject.activationId"),
                call.require(encryptedStatusBlob, "responseObject.encryptedStatusBlob"), nonce);
    }
}
