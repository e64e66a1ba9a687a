package org.opentokens.powerauth.token.domain.token;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * An HMAC-SHA256 key with its inner and outer pad blocks already absorbed, so each MAC of a short message costs
 * two SHA-256 compressions and no key set-up.
 *
 * <p>This is the header hot path, so it runs on the JDK's SHA-256 ({@link MessageDigest}), which HotSpot compiles
 * to the CPU's SHA instructions and which is about five times faster than Bouncy Castle's pure-Java
 * {@link SHA256Digest}. The result is the same HMAC. If the platform's SHA-256 cannot be cloned, Bouncy Castle's
 * digest is used instead.
 *
 * <p>The two prepared digests are prototypes that are only ever copied, never updated, so one instance serves
 * many threads without locking. {@link #destroy()} resets them (best effort: the per-call copies are left to the
 * garbage collector, as the JVM may copy anything).
 */
final class TokenMacKey {
    private static final int BLOCK = 64;
    private static final byte IPAD = 0x36;
    private static final byte OPAD = 0x5c;
    private static final boolean JDK_DIGEST = jdkDigestClones();

    private final boolean jdk;
    private final MessageDigest jdkInner;
    private final MessageDigest jdkOuter;
    private final BcPads bc;
    private volatile boolean destroyed;

    /** @param key the raw key, at most one block long; not retained */
    TokenMacKey(byte[] key) {
        this(key, JDK_DIGEST);
    }

    /**
     * @param key the raw key, at most one block long; not retained
     * @param jdk whether to use the JDK's SHA-256 (only tests pass {@code false} on a platform where it clones)
     */
    TokenMacKey(byte[] key, boolean jdk) {
        this.jdk = jdk;
        if (key.length > BLOCK) {
            throw new IllegalArgumentException("key longer than one block");
        }
        byte[] pad = new byte[BLOCK];
        try {
            System.arraycopy(key, 0, pad, 0, key.length);
            xor(pad, IPAD);
            byte[] innerPad = pad.clone();
            xor(pad, (byte) (IPAD ^ OPAD));
            try {
                if (jdk) {
                    jdkInner = sha256();
                    jdkInner.update(innerPad);
                    jdkOuter = sha256();
                    jdkOuter.update(pad);
                    bc = null;
                } else {
                    jdkInner = null;
                    jdkOuter = null;
                    bc = new BcPads(innerPad, pad);
                }
            } finally {
                Arrays.fill(innerPad, (byte) 0);
            }
        } finally {
            Arrays.fill(pad, (byte) 0);
        }
    }

    /**
     * @param message the message buffer
     * @param length how many leading bytes of {@code message} to authenticate
     * @return the 32-byte HMAC
     * @throws IllegalStateException if the key was destroyed
     */
    byte[] mac(byte[] message, int length) {
        if (destroyed) {
            throw new IllegalStateException("token secret was destroyed");
        }
        byte[] out = jdk ? jdkMac(message, length) : bc.mac(message, length);
        if (destroyed) {
            Arrays.fill(out, (byte) 0);
            throw new IllegalStateException("token secret was destroyed");
        }
        return out;
    }

    void destroy() {
        destroyed = true;
        if (jdk) {
            jdkInner.reset();
            jdkOuter.reset();
        } else {
            bc.reset();
        }
    }

    private byte[] jdkMac(byte[] message, int length) {
        MessageDigest inner = copy(jdkInner);
        inner.update(message, 0, length);
        byte[] innerHash = inner.digest();
        MessageDigest outer = copy(jdkOuter);
        outer.update(innerHash);
        Arrays.fill(innerHash, (byte) 0);
        return outer.digest();
    }

    private static MessageDigest copy(MessageDigest prototype) {
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 stopped supporting clone", e);
        }
    }

    private static void xor(byte[] block, byte value) {
        for (int i = 0; i < block.length; i++) {
            block[i] ^= value;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** @return whether the platform's SHA-256 exists and can be cloned, which the fast path needs */
    private static boolean jdkDigestClones() {
        try {
            MessageDigest.getInstance("SHA-256").clone();
            return true;
        } catch (NoSuchAlgorithmException | CloneNotSupportedException e) {
            return false;
        }
    }

    /**
     * The Bouncy Castle fallback, in a class of its own: verifying {@code TokenMacKey} then never loads a
     * Bouncy Castle class, so a process that only makes headers never opens (and verifies) the signed jar.
     */
    private static final class BcPads {
        private final SHA256Digest inner = new SHA256Digest();
        private final SHA256Digest outer = new SHA256Digest();

        BcPads(byte[] innerPad, byte[] outerPad) {
            inner.update(innerPad, 0, BLOCK);
            outer.update(outerPad, 0, BLOCK);
        }

        byte[] mac(byte[] message, int length) {
            SHA256Digest digest = new SHA256Digest(inner);
            byte[] out = new byte[32];
            digest.update(message, 0, length);
            digest.doFinal(out, 0);
            SHA256Digest finish = new SHA256Digest(outer);
            finish.update(out, 0, out.length);
            finish.doFinal(out, 0);
            return out;
        }

        void reset() {
            inner.reset();
            outer.reset();
        }
    }
}
