package org.opentokens.powerauth.token.adapter.http.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opentokens.powerauth.token.domain.EciesEncryptedRequest;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;

/** The ECIES request envelope on the wire; fields a protocol version lacks are left out, never sent as null. */
record EciesRequestJson(String temporaryKeyId, String ephemeralPublicKey, String encryptedData, String mac,
                        String nonce, Long timestamp) {

    static EciesRequestJson of(EciesEncryptedRequest envelope) {
        if (envelope.ephemeralPublicKey() == null || envelope.encryptedData() == null || envelope.mac() == null) {
            throw new MalformedDataException("ECIES request needs ephemeralPublicKey, encryptedData and mac");
        }
        return new EciesRequestJson(envelope.temporaryKeyId(), envelope.ephemeralPublicKey(),
                envelope.encryptedData(), envelope.mac(), envelope.nonce(), envelope.timestamp());
    }

    /** @return the fields in wire order, without the ones this protocol version lacks */
    Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        putPresent(out, "temporaryKeyId", temporaryKeyId);
        out.put("ephemeralPublicKey", ephemeralPublicKey);
        out.put("encryptedData", encryptedData);
        out.put("mac", mac);
        putPresent(out, "nonce", nonce);
        putPresent(out, "timestamp", timestamp);
        return out;
    }

    private static void putPresent(Map<String, Object> out, String field, Object value) {
        if (value != null) {
            out.put(field, value);
        }
    }
}
