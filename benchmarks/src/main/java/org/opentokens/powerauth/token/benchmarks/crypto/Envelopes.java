package org.opentokens.powerauth.token.benchmarks.crypto;

import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptedRequest;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptedResponse;
import java.nio.charset.StandardCharsets;
import org.opentokens.powerauth.token.domain.EciesEncryptedRequest;
import org.opentokens.powerauth.token.domain.EciesEncryptedResponse;

/**
 * The JSON of an ECIES request envelope, written the same simple way for both sides (serialisation is not
 * what the crypto groups measure, but the signature covers these exact bytes), and envelope conversions.
 */
final class Envelopes {
    private Envelopes() {
    }

    static byte[] json(EciesEncryptedRequest r) {
        return json(r.temporaryKeyId(), r.ephemeralPublicKey(), r.encryptedData(), r.mac(), r.nonce(),
                r.timestamp());
    }

    static byte[] json(EncryptedRequest r) {
        return json(r.getTemporaryKeyId(), r.getEphemeralPublicKey(), r.getEncryptedData(), r.getMac(),
                r.getNonce(), r.getTimestamp());
    }

    static EncryptedRequest toWultra(EciesEncryptedRequest r) {
        return new EncryptedRequest(r.temporaryKeyId(), r.ephemeralPublicKey(), r.encryptedData(), r.mac(),
                r.nonce(), r.timestamp());
    }

    static EciesEncryptedResponse toOurs(EncryptedResponse r) {
        return new EciesEncryptedResponse(r.getEncryptedData(), r.getMac(), r.getNonce(), r.getTimestamp());
    }

    /** @return the response envelope as the JSON object a layer-1 activation response carries inside */
    static String json(EncryptedResponse r) {
        return "{\"encryptedData\":\"" + r.getEncryptedData() + "\",\"mac\":\"" + r.getMac() + "\",\"nonce\":\""
                + r.getNonce() + "\",\"timestamp\":" + r.getTimestamp() + "}";
    }

    private static byte[] json(String temporaryKeyId, String ephemeralPublicKey, String encryptedData, String mac,
            String nonce, Long timestamp) {
        return ("{\"temporaryKeyId\":\"" + temporaryKeyId + "\",\"ephemeralPublicKey\":\"" + ephemeralPublicKey
                + "\",\"encryptedData\":\"" + encryptedData + "\",\"mac\":\"" + mac + "\",\"nonce\":\"" + nonce
                + "\",\"timestamp\":" + timestamp + "}").getBytes(StandardCharsets.UTF_8);
    }
}
