package org.opentokens.powerauth.token.port.out;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/** Object mother for {@link SecretBytes} values in storage tests; no raw-byte access needed to compare them. */
public final class TestSecretBytesFactory {
    private TestSecretBytesFactory() {
    }

    /**
     * @param length number of bytes
     * @param fill the byte every position holds
     * @return a uniform value: a torn mix of two such values of the same length is detectable
     */
    public static SecretBytes filled(int length, int fill) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) fill);
        return SecretBytes.takeOwnership(bytes);
    }

    /**
     * @param length number of bytes
     * @param seed distinguishes values of the same length
     * @return a value whose bytes all differ from their neighbours, derived from {@code seed}
     */
    public static SecretBytes patterned(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed * 31 + i * 7 + (i >>> 8));
        }
        return SecretBytes.takeOwnership(bytes);
    }

    /**
     * @param text a label
     * @return the label's UTF-8 bytes, for values that only need to be told apart
     */
    public static SecretBytes ofText(String text) {
        return SecretBytes.takeOwnership(text.getBytes(StandardCharsets.UTF_8));
    }
}
