package org.opentokens.powerauth.token.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.opentokens.powerauth.token.domain.ecies.EciesEncryptedRequest;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;

/** The ECIES request envelope on the wire; fields a protocol version lacks are left out, never sent as null. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"temporaryKeyId", "ephemeralPublicKey", "encryptedData", "mac", "nonce", "timestamp"})
record EciesRequestJson(String temporaryKeyId, String ephemeralPublicKey, String encryptedData, String mac,
                        String nonce, Long timestamp) {

    static EciesRequestJson of(EciesEncryptedRequest envelope) {
        if (envelope.ephemeralPublicKey() == null || envelope.encryptedData() == null || envelope.mac() == null) {
            throw new MalformedDataException("ECIES request needs ephemeralPublicKey, encryptedData and mac");
        }
        return new EciesRequestJson(envelope.temporaryKeyId(), envelope.ephemeralPublicKey(),
                envelope.encryptedData(), envelope.mac(), envelope.nonce(), envelope.timestamp());
    }
}
