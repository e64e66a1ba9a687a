package org.opentokens.powerauth.token.domain.internal.v4.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One-shot KMAC256 and the customization strings protocol 4.0 uses with it.
 *
 * <p>For a key used many times (a token secret), keep a {@link PreparedKmac256} instead.
 */
public final class Kmac256 {
    /** Customization of the key derivation function. */
    public static final String PA4KDF = "PA4KDF";
    /** Customization of the password-based key derivation. */
    public static final String PA4PBKDF = "PA4PBKDF";
    /** Customization of authentication codes. */
    public static final String PA4CODE = "PA4CODE";
    /** Customization of the MAC token digest. */
    public static final String PA4DIGEST = "PA4DIGEST";
    /** Customization of the server's offline data digest (note the hyphen). */
    public static final String PA4DIGEST_DATA = "PA4DIGEST-DATA";
    /** Customization of the activation-scope sharedInfo2. */
    public static final String PA4SH2 = "PA4SH2";
    /** Customization of the AEAD tag. */
    public static final String PA4MAC_AEAD = "PA4MAC-AEAD";
    /** Customization of the counter-data hash in the status blob. */
    public static final String PA4MAC_CTR = "PA4MAC-CTR";
    /** Customization of the status blob MAC. */
    public static final String PA4MAC_STATUS = "PA4MAC-STATUS";
    /** Customization of the KEM shared-secret KDF: the bare word, not {@link #PA4KDF}. */
    public static final String KDF = "KDF";

    private Kmac256() {
    }

    /**
     * @param key the key K, any length; not retained
     * @param data the message X
     * @param customization the customization string S
     * @param outLength the output length L in bytes
     * @return KMAC256(K, X, 8·L, S)
     */
    public static byte[] mac(byte[] key, byte[] data, String customization, int outLength) {
        Objects.requireNonNull(customization, "customization");
        PreparedKmac256 prepared = PreparedKmac256.of(key, customization.getBytes(StandardCharsets.UTF_8));
        try {
            return prepared.mac(data, outLength);
        } finally {
            prepared.destroy();
        }
    }
}
