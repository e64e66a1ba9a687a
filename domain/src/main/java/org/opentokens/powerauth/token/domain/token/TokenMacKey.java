package org.opentokens.powerauth.token.domain.token;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * An HMAC-SHA256 key prepared once: its inner and outer pad blocks are computed when the key is made, so a
 * header costs no key set-up.
 *
 * <p>This is the header hot path, so it runs on the JDK's SHA-256 ({@link MessageDigest}), which HotSpot compiles
 * to the CPU's SHA instructions and which is about five times faster than Bouncy Castle's pure-Java
 * {@link SHA256Digest}; the result is the same HMAC. Each thread reuses one digest object, so a MAC allocates
 * only its 32-byte output (copying a prepared digest state instead cost two clones of a few hundred bytes per
 * header, and the garbage collector's time showed up in multi-threaded throughput). If the platform has no
 * SHA-256, Bouncy Castle's digest is used instead.
 *
 * <p>The pads are never changed after construction, so one instance serves many threads without locking.
 * {@link #destroy()} zeroes them (best effort: the JVM may have copied them).
 */
final class TokenMacKey {
    private static final int BLOCK = 64;
    private static final int LENGTH = 32;
    private static final byte IPAD = 0x36;
    private static final byte OPAD = 0x5c;
    private static final boolean JDK_DIGEST = jdkDigestAvailable();
    private static final ThreadLocal<MessageDigest> DIGESTS = ThreadLocal.withInitial(TokenMacKey::sha256);

    private final boolean jdk;
    private final byte[] innerPad;
    private final byte[] outerPad;
    private final BcPads bc;
    private volatile boolean destroyed;

    /** @param key the raw key, at most one block long; not retained */
    TokenMacKey(byte[] key) {
        this(key, JDK_DIGEST);
    }

    /**
     * @param key the raw key, at most one block long; not retained
     * @param jdk whether to use the JDK's SHA-256 (only tests pass {@code false} on a platform that has it)
     */
    TokenMacKey(byte[] key, boolean jdk) {
        this.jdk = jdk;
        if (key.length > BLOCK) {
            throw new IllegalArgumentException("key longer than one block");
        }
        innerPad = new byte[BLOCK];
        System.arraycopy(key, 0, innerPad, 0, key.length);
        outerPad = innerPad.clone();
        xor(innerPad, IPAD);
        xor(outerPad, OPAD);
        bc = jdk ? null : new BcPads(innerPad, outerPad);
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
        Arrays.fill(innerPad, (byte) 0);
        Arrays.fill(outerPad, (byte) 0);
        if (bc != null) {
            bc.reset();
        }
    }

    private byte[] jdkMac(byte[] message, int length) {
        MessageDigest digest = DIGESTS.get();
        byte[] out = new byte[LENGTH];
        try {
            digest.update(innerPad);
            digest.update(message, 0, length);
            digest.digest(out, 0, LENGTH);
            digest.update(outerPad);
            digest.update(out);
            digest.digest(out, 0, LENGTH);
        } catch (DigestException e) {
            digest.reset();
            throw new IllegalStateException("SHA-256 refused a 32-byte output buffer", e);
        }
        return out;
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

    /** @return whether the platform provides SHA-256 (every Java platform must) */
    private static boolean jdkDigestAvailable() {
        try {
            MessageDigest.getInstance("SHA-256");
            return true;
        } catch (NoSuchAlgorithmException e) {
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
