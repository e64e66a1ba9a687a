package org.opentokens.powerauth.token.domain.crypto;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** HMAC-SHA256 and SHA-256 on Bouncy Castle's lightweight API. */
public final class Hmac {
    /** Output length of HMAC-SHA256 and SHA-256. */
    public static final int LENGTH = 32;

    private Hmac() {
    }

    /**
     * @param key the HMAC key (any length)
     * @param data the message parts, processed in order as one concatenated message
     * @return the 32-byte HMAC-SHA256
     */
    public static byte[] sha256(byte[] key, byte[]... data) {
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(key));
        for (byte[] part : data) {
            mac.update(part, 0, part.length);
        }
        byte[] out = new byte[LENGTH];
        mac.doFinal(out, 0);
        return out;
    }

    /**
     * @param data the message parts, processed in order as one concatenated message
     * @return the 32-byte SHA-256 hash
     */
    public static byte[] hash(byte[]... data) {
        SHA256Digest digest = new SHA256Digest();
        for (byte[] part : data) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[LENGTH];
        digest.doFinal(out, 0);
        return out;
    }
}
