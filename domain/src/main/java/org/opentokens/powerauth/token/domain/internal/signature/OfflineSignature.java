package org.opentokens.powerauth.token.domain.internal.signature;

import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.internal.counter.HashCounter;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;

import org.opentokens.powerauth.token.domain.error.MalformedDataException;

/**
 * Offline signatures: computed from data the user scanned (for example a QR code) and typed back as digits.
 *
 * <p>The base string uses method {@code POST} and the literal application secret {@value #OFFLINE_APP_SECRET};
 * the result is in DECIMAL format.
 */
public final class OfflineSignature {
    /** The application secret placeholder used in offline base strings. */
    public static final String OFFLINE_APP_SECRET = "offline";
    /** The HTTP method used in offline base strings. */
    public static final String OFFLINE_METHOD = "POST";

    private OfflineSignature() {
    }

    /**
     * Computes an offline signature with 8-digit components.
     *
     * @param type the signature type
     * @param keys the available keys
     * @param ctrData16 the current 16-byte hash counter
     * @param uriId the resource ID from the offline data
     * @param nonce16 the 16-byte nonce from the offline data
     * @param body the signed payload bytes, or null
     * @return the decimal signature, for example {@code "12345678-87654321"}
     * @throws MalformedDataException if the nonce or counter is not 16 bytes
     */
    public static String compute(PowerAuthSignatureType type, SignatureKeys keys, byte[] ctrData16, String uriId,
            byte[] nonce16, byte[] body) {
        return compute(type, keys, ctrData16, uriId, nonce16, body, PowerAuthSignature.DEFAULT_DECIMAL_LENGTH);
    }

    /**
     * Computes an offline signature with a chosen component length.
     *
     * @param type the signature type
     * @param keys the available keys
     * @param ctrData16 the current 16-byte hash counter
     * @param uriId the resource ID from the offline data
     * @param nonce16 the 16-byte nonce from the offline data
     * @param body the signed payload bytes, or null
     * @param componentLength digits per component, 4 to 8
     * @return the decimal signature
     * @throws MalformedDataException if the nonce or counter is not 16 bytes or the length is outside 4..8
     */
    public static String compute(PowerAuthSignatureType type, SignatureKeys keys, byte[] ctrData16, String uriId,
            byte[] nonce16, byte[] body, int componentLength) {
        byte[] data = SignatureBaseString.forBody(OFFLINE_METHOD, uriId, nonce16, body, OFFLINE_APP_SECRET);
        return PowerAuthSignature.compute(type, keys, ctrData16, data, SignatureFormat.DECIMAL, componentLength);
    }

    /**
     * Computes an offline signature with 8-digit components from the counter's current value (not advanced).
     *
     * @param type the signature type
     * @param keys the available keys
     * @param counter the hash counter
     * @param uriId the resource ID from the offline data
     * @param nonce16 the 16-byte nonce from the offline data
     * @param body the signed payload bytes, or null
     * @return the decimal signature
     */
    public static String compute(PowerAuthSignatureType type, SignatureKeys keys, HashCounter counter, String uriId,
            byte[] nonce16, byte[] body) {
        byte[] ctr = counter.copyBytes(InsecureSecretAccess.get());
        try {
            return compute(type, keys, ctr, uriId, nonce16, body);
        } finally {
            java.util.Arrays.fill(ctr, (byte) 0);
        }
    }
}
