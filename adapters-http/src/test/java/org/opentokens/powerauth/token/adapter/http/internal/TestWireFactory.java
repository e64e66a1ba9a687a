package org.opentokens.powerauth.token.adapter.http.internal;

import java.util.Arrays;
import java.util.Base64;
import org.opentokens.powerauth.token.domain.EciesEncryptedRequest;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.internal.ecies.EncryptionHeader;
import org.opentokens.powerauth.token.domain.internal.signature.AuthorizationHeader;

/** Protocol values for the adapter tests: envelopes, headers and ids in valid shapes (no real crypto). */
final class TestWireFactory {
    static final String ACTIVATION_ID = "1b6c8a0e-3f4d-4b2a-9c1e-7d5f6a8b9c0d";
    static final String TOKEN_ID = "d2e4f6a8-b0c2-4d4e-8f0a-1b3c5d7e9f01";
    static final String APP_KEY = b64(16, 0x11);
    static final String EPHEMERAL_KEY = b64(33, 0x02);
    static final String ENCRYPTED_DATA = b64(32, 0x33);
    static final String MAC = b64(32, 0x44);
    static final String NONCE = b64(16, 0x55);
    static final String SIGNATURE = b64(16, 0x66);
    static final long TIMESTAMP = 1_700_000_000_123L;

    private TestWireFactory() {
    }

    /** @return a 3.3 envelope: every field set */
    static EciesEncryptedRequest envelope33() {
        return new EciesEncryptedRequest("temp-key-1", EPHEMERAL_KEY, ENCRYPTED_DATA, MAC, NONCE, TIMESTAMP);
    }

    /** @return a 3.1 envelope: nonce, but no timestamp and no temporary key */
    static EciesEncryptedRequest envelope31() {
        return new EciesEncryptedRequest(null, EPHEMERAL_KEY, ENCRYPTED_DATA, MAC, NONCE, null);
    }

    /** @return a 3.0 envelope: no nonce, timestamp or temporary key */
    static EciesEncryptedRequest envelope30() {
        return new EciesEncryptedRequest(null, EPHEMERAL_KEY, ENCRYPTED_DATA, MAC, null, null);
    }

    static EncryptionHeader applicationScopeHeader() {
        return new EncryptionHeader(ProtocolVersion.V3_3, APP_KEY, null);
    }

    static AuthorizationHeader authorization() {
        byte[] nonce = new byte[16];
        Arrays.fill(nonce, (byte) 0x77);
        return AuthorizationHeader.of(ProtocolVersion.V3_3, ACTIVATION_ID, APP_KEY, nonce,
                PowerAuthSignatureType.POSSESSION, SIGNATURE);
    }

    /** @return a 3.3 response envelope as JSON text */
    static String responseEnvelopeJson() {
        return "{\"encryptedData\":\"" + ENCRYPTED_DATA + "\",\"mac\":\"" + MAC + "\",\"nonce\":\"" + NONCE
                + "\",\"timestamp\":" + TIMESTAMP + "}";
    }

    /**
     * @param responseObject the payload JSON
     * @return {@code {"status":"OK","responseObject":payload}}
     */
    static String ok(String responseObject) {
        return "{\"status\":\"OK\",\"responseObject\":" + responseObject + "}";
    }

    /**
     * @param code a PowerAuth error code
     * @param message the server's message
     * @return a PowerAuth error body
     */
    static String error(String code, String message) {
        return "{\"status\":\"ERROR\",\"responseObject\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}";
    }

    static String b64(int length, int fill) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) fill);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
