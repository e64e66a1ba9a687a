package org.opentokens.powerauth.token.application.internal.v4;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opentokens.powerauth.token.application.internal.json.JsonFields;
import org.opentokens.powerauth.token.application.internal.time.TimeSynchronizationService;
import org.opentokens.powerauth.token.domain.error.InvalidServerResponseException;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptedRequest;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptedResponse;

/** AEAD envelopes nested inside encrypted JSON (the activation's layer 2), in the wire field names. */
final class V4Envelopes {
    private V4Envelopes() {
    }

    static Map<String, Object> toMap(AeadEncryptedRequest request) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("temporaryKeyId", request.temporaryKeyId());
        map.put("encryptedData", request.encryptedData());
        map.put("nonce", request.nonce());
        map.put("timestamp", request.timestamp());
        return map;
    }

    static AeadEncryptedResponse responseFrom(JsonFields fields) {
        Long timestamp = fields.raw("timestamp") == null ? null : fields.longValue("timestamp");
        return new AeadEncryptedResponse(fields.string("encryptedData"), timestamp);
    }

    /** Feeds an authenticated response timestamp (call only after the response opened) to time synchronization. */
    static void applyResponseTimestamp(TimeSynchronizationService time, AeadEncryptedResponse response, long start,
            long end) {
        if (response.timestamp() != null) {
            time.processServerTime(response.timestamp(), start, end);
        }
    }

    static List<String> strings(Object raw, String field) {
        if (!(raw instanceof List<?> list)) {
            throw new InvalidServerResponseException("response lacks a valid '" + field + "' list");
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof String s)) {
                throw new InvalidServerResponseException("response has an invalid '" + field + "' entry");
            }
            out.add(s);
        }
        return out;
    }
}
