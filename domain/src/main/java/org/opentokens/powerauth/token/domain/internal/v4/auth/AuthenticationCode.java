package org.opentokens.powerauth.token.domain.internal.v4.auth;

import java.util.List;
import java.util.Objects;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.v4.counter.V4HashCounter;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.Kmac256;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;

/**
 * Computes 4.0 authentication codes. For factor keys {@code K_1..K_n} (1 ≤ n ≤ 3), counter data {@code ctr} and data
 * {@code D}: component {@code C_i = KMAC(P_i, D)} where {@code P_i} chains the first i keys over the counter,
 * {@code P = KMAC(K_1, ctr)}, then {@code P = KMAC(K_j, ctr || P)} for j = 2..i (every KMAC with {@code L = 32},
 * {@code S = "PA4CODE"}). Online codes are {@code B64(C_1 || … || C_n)}; offline codes are, per component, the last
 * four bytes as a big-endian int masked with {@code 0x7FFFFFFF}, modulo {@code 10^digits}, zero-padded and joined
 * with {@code "-"}.
 */
public final class AuthenticationCode {
    /** Length of one code component. */
    public static final int COMPONENT_LENGTH = 32;
    /** Default number of digits per offline component. */
    public static final int DEFAULT_OFFLINE_DIGITS = 8;

    private AuthenticationCode() {
    }

    /**
     * @param data the request data (base string with the application secret)
     * @param keys the factor keys in protocol order, from {@link FactorKeys#keysFor}
     * @param counter the current counter (the caller advances and persists it afterwards)
     * @return the online code, {@code pa_auth_code}
     */
    public static String online(byte[] data, List<V4SymmetricKey> keys, V4HashCounter counter) {
        byte[] components = components(data, keys, counter);
        try {
            return B64.encode(components);
        } finally {
            Bytes.wipe(components);
        }
    }

    /**
     * @param data the request data ({@code POST} base string with the literal secret {@code "offline"})
     * @param keys the factor keys in protocol order
     * @param counter the current counter
     * @param digits digits per component, 4 to 8
     * @return the offline code, e.g. {@code "12345678-87654321"}
     * @throws MalformedDataException if {@code digits} is not 4 to 8
     */
    public static String offline(byte[] data, List<V4SymmetricKey> keys, V4HashCounter counter, int digits) {
        if (digits < 4 || digits > 8) {
            throw new MalformedDataException("offline code components must have 4 to 8 digits");
        }
        byte[] components = components(data, keys, counter);
        try {
            int modulus = 1;
            for (int i = 0; i < digits; i++) {
                modulus *= 10;
            }
            StringBuilder out = new StringBuilder();
            for (int c = 0; c < components.length / COMPONENT_LENGTH; c++) {
                int end = (c + 1) * COMPONENT_LENGTH;
                int tail = (components[end - 4] & 0xFF) << 24 | (components[end - 3] & 0xFF) << 16
                        | (components[end - 2] & 0xFF) << 8 | (components[end - 1] & 0xFF);
                String number = Integer.toString((tail & 0x7FFFFFFF) % modulus);
                if (c > 0) {
                    out.append('-');
                }
                out.append("0".repeat(digits - number.length())).append(number);
            }
            return out.toString();
        } finally {
            Bytes.wipe(components);
        }
    }

    /** @return {@code C_1 || … || C_n}; wipe after use */
    static byte[] components(byte[] data, List<V4SymmetricKey> keys, V4HashCounter counter) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(counter, "counter");
        if (keys.isEmpty() || keys.size() > 3) {
            throw new IllegalArgumentException("an authentication code needs 1 to 3 factor keys");
        }
        byte[] ctr = counter.copyBytes(InsecureSecretAccess.get());
        byte[] out = new byte[keys.size() * COMPONENT_LENGTH];
        try {
            for (int i = 0; i < keys.size(); i++) {
                byte[] chain = null;
                for (int j = 0; j <= i; j++) {
                    byte[] key = keys.get(j).copyBytes(InsecureSecretAccess.get());
                    byte[] input = chain == null ? ctr : Bytes.concat(ctr, chain);
                    byte[] next = Kmac256.mac(key, input, Kmac256.PA4CODE, COMPONENT_LENGTH);
                    Bytes.wipe(key);
                    if (chain != null) {
                        Bytes.wipe(input);
                        Bytes.wipe(chain);
                    }
                    chain = next;
                }
                byte[] component = Kmac256.mac(chain, data, Kmac256.PA4CODE, COMPONENT_LENGTH);
                Bytes.wipe(chain);
                System.arraycopy(component, 0, out, i * COMPONENT_LENGTH, COMPONENT_LENGTH);
                Bytes.wipe(component);
            }
            return out;
        } finally {
            Bytes.wipe(ctr);
        }
    }
}
