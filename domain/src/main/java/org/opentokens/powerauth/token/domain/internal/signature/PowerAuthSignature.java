package org.opentokens.powerauth.token.domain.internal.signature;

import java.util.List;
import java.util.Objects;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.counter.HashCounter;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.crypto.HmacSha256Key;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;

/**
 * Computes PowerAuth 3.x signatures over the signature base string.
 *
 * <p>With the factor keys {@code K[0..n)} in order {@code [possession, knowledge, biometry]}, component
 * {@code i} is {@code HMAC(derived_i, data)}, where {@code derived_i} starts as {@code HMAC(K[i], ctrData)} and
 * is then re-keyed for {@code j < i} as {@code HMAC(HMAC(K[j+1], ctrData), derived_i)}.
 *
 * <p>The caller must advance the hash counter after every computed signature, whether or not the request is
 * sent or succeeds.
 */
public final class PowerAuthSignature {
    /** Length of {@code CTR_DATA} in bytes. */
    public static final int CTR_DATA_LENGTH = 16;
    /** Default number of digits per DECIMAL component. */
    public static final int DEFAULT_DECIMAL_LENGTH = 8;
    /** Smallest allowed number of digits per DECIMAL component. */
    public static final int MIN_DECIMAL_LENGTH = 4;
    /** Largest allowed number of digits per DECIMAL component. */
    public static final int MAX_DECIMAL_LENGTH = 8;

    private static final int COMPONENT_TAIL = 16;

    private PowerAuthSignature() {
    }

    /**
     * Computes an online signature with the counter's current value, in the version's format.
     *
     * @param type the factors
     * @param keys the signature keys, at least those {@code type} needs
     * @param counter the hash counter; its value is used, not advanced
     * @param data the signature base string
     * @param version the protocol version, which fixes DECIMAL (3.0) or BASE64 (3.1+)
     * @return the signature text
     */
    public static String compute(PowerAuthSignatureType type, SignatureKeys keys, HashCounter counter, byte[] data,
            ProtocolVersion version) {
        byte[] ctr = counter.copyBytes(InsecureSecretAccess.get());
        try {
            return compute(type, keys, ctr, data, version);
        } finally {
            java.util.Arrays.fill(ctr, (byte) 0);
        }
    }

    /**
     * Computes an online signature in the format of the given protocol version.
     *
     * @param type the signature type
     * @param keys the available keys
     * @param ctrData16 the current 16-byte hash counter {@code CTR_DATA}
     * @param data the signature base string bytes
     * @param version the protocol version sent in {@code pa_version}
     * @return the signature text for {@code pa_signature}
     * @throws MalformedDataException if {@code ctrData16} is not 16 bytes
     * @throws org.opentokens.powerauth.token.domain.error.SignatureFactorMissingException if a needed key is absent
     */
    public static String compute(PowerAuthSignatureType type, SignatureKeys keys, byte[] ctrData16, byte[] data,
            ProtocolVersion version) {
        return compute(type, keys, ctrData16, data, SignatureFormat.forVersion(version));
    }

    /**
     * Computes a signature; DECIMAL components have {@value #DEFAULT_DECIMAL_LENGTH} digits.
     *
     * @param type the signature type
     * @param keys the available keys
     * @param ctrData16 the current 16-byte hash counter {@code CTR_DATA}
     * @param data the signature base string bytes
     * @param format the output format
     * @return the signature text
     * @throws MalformedDataException if {@code ctrData16} is not 16 bytes
     * @throws org.opentokens.powerauth.token.domain.error.SignatureFactorMissingException if a needed key is absent
     */
    public static String compute(PowerAuthSignatureType type, SignatureKeys keys, byte[] ctrData16, byte[] data,
            SignatureFormat format) {
        return compute(type, keys, ctrData16, data, format, DEFAULT_DECIMAL_LENGTH);
    }

    /**
     * Computes a signature with a chosen DECIMAL component length.
     *
     * @param type the signature type
     * @param keys the available keys
     * @param ctrData16 the current 16-byte hash counter {@code CTR_DATA}
     * @param data the signature base string bytes
     * @param format the output format
     * @param decimalLength digits per DECIMAL component, 4 to 8 (checked but unused for BASE64)
     * @return the signature text
     * @throws MalformedDataException if {@code ctrData16} is not 16 bytes or {@code decimalLength} is outside 4..8
     * @throws org.opentokens.powerauth.token.domain.error.SignatureFactorMissingException if a needed key is absent
     */
    public static String compute(PowerAuthSignatureType type, SignatureKeys keys, byte[] ctrData16, byte[] data,
            SignatureFormat format, int decimalLength) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(ctrData16, "ctrData16");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(format, "format");
        if (ctrData16.length != CTR_DATA_LENGTH) {
            throw new MalformedDataException("counter data must be 16 bytes, got " + ctrData16.length);
        }
        if (decimalLength < MIN_DECIMAL_LENGTH || decimalLength > MAX_DECIMAL_LENGTH) {
            throw new MalformedDataException("decimal signature component length must be 4 to 8");
        }
        List<SymmetricKey> factorKeys = keys.keysFor(type);
        byte[][] components = components(factorKeys, ctrData16, data);
        try {
            return format == SignatureFormat.BASE64 ? base64(components) : decimal(components, decimalLength);
        } finally {
            for (byte[] c : components) {
                Bytes.wipe(c);
            }
        }
    }

    private static byte[][] components(List<SymmetricKey> factorKeys, byte[] ctrData, byte[] data) {
        int n = factorKeys.size();
        byte[][] raw = new byte[n][];
        byte[][] out = new byte[n][];
        try {
            for (int i = 0; i < n; i++) {
                raw[i] = factorKeys.get(i).copyBytes(InsecureSecretAccess.get());
            }
            for (int i = 0; i < n; i++) {
                byte[] derived = HmacSha256Key.compute(raw[i], ctrData);
                for (int j = 0; j < i; j++) {
                    byte[] inner = HmacSha256Key.compute(raw[j + 1], ctrData);
                    byte[] next = HmacSha256Key.compute(inner, derived);
                    Bytes.wipe(inner);
                    Bytes.wipe(derived);
                    derived = next;
                }
                out[i] = HmacSha256Key.compute(derived, data);
                Bytes.wipe(derived);
            }
            return out;
        } finally {
            for (byte[] r : raw) {
                Bytes.wipe(r);
            }
        }
    }

    private static String base64(byte[][] components) {
        byte[] joined = new byte[components.length * COMPONENT_TAIL];
        for (int i = 0; i < components.length; i++) {
            byte[] c = components[i];
            System.arraycopy(c, c.length - COMPONENT_TAIL, joined, i * COMPONENT_TAIL, COMPONENT_TAIL);
        }
        try {
            return B64.encode(joined);
        } finally {
            Bytes.wipe(joined);
        }
    }

    private static String decimal(byte[][] components, int length) {
        int modulus = 1;
        for (int i = 0; i < length; i++) {
            modulus *= 10;
        }
        StringBuilder sb = new StringBuilder();
        for (byte[] c : components) {
            int tail = ((c[28] & 0xFF) << 24) | ((c[29] & 0xFF) << 16) | ((c[30] & 0xFF) << 8) | (c[31] & 0xFF);
            int value = (tail & 0x7FFFFFFF) % modulus;
            if (sb.length() > 0) {
                sb.append('-');
            }
            String digits = Integer.toString(value);
            for (int pad = digits.length(); pad < length; pad++) {
                sb.append('0');
            }
            sb.append(digits);
        }
        return sb.toString();
    }
}
