package org.opentokens.powerauth.token.domain.internal.v4.crypto;

import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA3Digest;

/** SHA3-256 and SHA3-384 (FIPS 202) over the concatenation of the given parts. */
public final class Sha3 {
    private Sha3() {
    }

    /**
     * @param parts byte arrays hashed as one message, in order
     * @return the 32-byte SHA3-256 digest
     */
    public static byte[] sha256(byte[]... parts) {
        return digest(new SHA3Digest(256), parts);
    }

    /**
     * @param parts byte arrays hashed as one message, in order
     * @return the 48-byte SHA3-384 digest
     */
    public static byte[] sha384(byte[]... parts) {
        return digest(new SHA3Digest(384), parts);
    }

    private static byte[] digest(SHA3Digest digest, byte[][] parts) {
        for (byte[] part : parts) {
            Objects.requireNonNull(part, "part");
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }
}
