package org.opentokens.powerauth.token.application.internal.json;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opentokens.powerauth.token.application.internal.time.TimeSynchronizationService;
import org.opentokens.powerauth.token.domain.EciesEncryptedRequest;
import org.opentokens.powerauth.token.domain.EciesEncryptedResponse;

/** ECIES envelopes nested inside encrypted JSON payloads (the activation's layer 2), in the wire field names. */
public final class EnvelopeMaps {
    private EnvelopeMaps() {
    }

    /**
     * @param request the envelope
     * @return its JSON object, without the fields the version does not use
     */
    public static Map<String, Object> toMap(EciesEncryptedRequest request) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (request.temporaryKeyId() != null) {
            map.put("temporaryKeyId", request.temporaryKeyId());
        }
        map.put("ephemeralPublicKey", request.ephemeralPublicKey());
        map.put("encryptedData", request.encryptedData());
        map.put("mac", request.mac());
        if (request.nonce() != null) {
            map.put("nonce", request.nonce());
        }
        if (request.timestamp() != null) {
            map.put("timestamp", request.timestamp());
        }
        return map;
    }

    /**
     * @param fields a response envelope object
     * @return the envelope
     */
    public static EciesEncryptedResponse responseFrom(JsonFields fields) {
        Long timestamp = fields.raw("timestamp") == null ? null : fields.longValue("timestamp");
        return new EciesEncryptedResponse(fields.string("encryptedData"), fields.string("mac"),
                fields.optionalString("nonce"), timestamp);
    }

    /**
     * Feeds a 3.2+ response timestamp to time synchronization. Call it only after the response decrypted: the
     * timestamp is authenticated by the MAC, and an unauthenticated one must not move the clock.
     *
     * @param time the service
     * @param response the response envelope
     * @param start local time the request was sent
     * @param end local time the response arrived
     */
    public static void applyResponseTimestamp(TimeSynchronizationService time, EciesEncryptedResponse response,
            long start, long end) {
        if (response.timestamp() != null) {
            time.processServerTime(response.timestamp(), start, end);
        }
    }
}
