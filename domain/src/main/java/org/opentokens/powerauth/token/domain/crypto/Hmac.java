package org.opentokens.powerauth.token.domain.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * HMAC-SHA256 and SHA-256.
 *
 * <p>They run on the JDK's SHA-256 ({@link MessageDigest}, compiled by HotSpot to the CPU's SHA instructions,
 * about five times faster than Bouncy Castle's pure-Java digest), with HMAC built on it per RFC 2104. On a
 * platform whose SHA-256 cannot be cloned they fall back to Bouncy Castle's lightweight {@link HMac} and
 * {@link SHA256Digest}; the results are the same.
 */
public final class Hmac {
    /** Output length of HMAC-SHA256 and SHA-256. */
    public static final int LENGTH = 32;

    private static final int BLOCK = 64;
    private static final byte IPAD = 0x36;
    private static final byte OPAD = 0x5c;
    private static final MessageDigest PROTOTYPE = jdkPrototype();

    private Hmac() {
    }

    /**
     * @param key the HMAC key (any length)
     * @param data the message parts, processed in order as one concatenated message
     * @return the 32-byte HMAC-SHA256
     */
    public static byte[] sha256(byte[] key, byte[]... data) {
        return PROTOTYPE == null ? bcHmac(key, data) : jdkHmac(key, data);
    }

    /**
     * @param data the message parts, processed in order as one concatenated message
     * @return the 32-byte SHA-256 hash
     */
    public static byte[] hash(byte[]... data) {
        if (PROTOTYPE == null) {
            return Bc.hash(data);
        }
        MessageDigest digest = fresh();
        for (byte[] part : data) {
            digest.update(part);
        }
        return digest.digest();
    }

    /** @return whether the JDK's SHA-256 is in use (tests check both paths agree) */
    static boolean usesJdkDigest() {
        return PROTOTYPE != null;
    }

    /** Bouncy Castle's HMAC, the fallback; package-private so tests can compare both paths. */
    static byte[] bcHmac(byte[] key, byte[]... data) {
        return Bc.hmac(key, data);
    }

    private static byte[] jdkHmac(byte[] key, byte[]... data) {
        byte[] pad = new byte[BLOCK];
        byte[] inner = null;
        try {
            if (key.length > BLOCK) {
                byte[] hashed = hash(key);
                System.arraycopy(hashed, 0, pad, 0, hashed.length);
                Bytes.wipe(hashed);
            } else {
                System.arraycopy(key, 0, pad, 0, key.length);
            }
            xor(pad, IPAD);
            MessageDigest digest = fresh();
            digest.update(pad);
            for (byte[] part : data) {
                digest.update(part);
            }
            inner = digest.digest();
            xor(pad, (byte) (IPAD ^ OPAD));
            digest.update(pad);
            digest.update(inner);
            return digest.digest();
        } finally {
            Bytes.wipe(pad);
            if (inner != null) {
                Bytes.wipe(inner);
            }
        }
    }

    private static void xor(byte[] block, byte value) {
        for (int i = 0; i < block.length; i++) {
            block[i] ^= value;
        }
    }

    private static MessageDigest fresh() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 stopped supporting clone", e);
        }
    }

    private static MessageDigest jdkPrototype() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.clone();
            return digest;
        } catch (NoSuchAlgorithmException | CloneNotSupportedException e) {
            return null;
        }
    }

    /**
     * The Bouncy Castle fallback, in a class of its own: verifying {@code Hmac} then loads no Bouncy Castle
     * class, so code that only hashes never opens (and verifies) the signed jar.
     */
    private static final class Bc {
        private Bc() {
        }

        static byte[] hmac(byte[] key, byte[]... data) {
            HMac mac = new HMac(new SHA256Digest());
            mac.init(new KeyParameter(key));
            for (byte[] part : data) {
                mac.update(part, 0, part.length);
            }
            byte[] out = new byte[LENGTH];
            mac.doFinal(out, 0);
            return out;
        }

        static byte[] hash(byte[]... data) {
            SHA256Digest digest = new SHA256Digest();
            for (byte[] part : data) {
                digest.update(part, 0, part.length);
            }
            byte[] out = new byte[LENGTH];
            digest.doFinal(out, 0);
            return out;
        }
    }
}
