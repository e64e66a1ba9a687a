package org.opentokens.powerauth.token.adapter.http.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptedRequest;

/** The 4.0 AEAD request envelope on the wire: {@code {"temporaryKeyId","encryptedData","nonce","timestamp"}}. */
final class AeadRequestJson {
    private AeadRequestJson() {
    }

    static Map<String, Object> toJson(AeadEncryptedRequest envelope) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("temporaryKeyId", envelope.temporaryKeyId());
        out.put("encryptedData", envelope.encryptedData());
        out.put("nonce", envelope.nonce());
        out.put("timestamp", envelope.timestamp());
        return out;
    }
}
