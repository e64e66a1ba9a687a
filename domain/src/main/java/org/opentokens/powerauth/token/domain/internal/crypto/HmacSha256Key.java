package org.opentokens.powerauth.token.domain.internal.crypto;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * An HMAC-SHA256 key (RFC 2104) with its inner and outer pad blocks computed once, so each MAC costs only the
 * two digest passes; the one HMAC implementation of the domain.
 *
 * <p>Immutable after construction and thread-safe. {@code toString} is redacted and there is no {@code equals}.
 * {@link #destroy()} zeroes the pads (best effort: the JVM may have copied them); a destroyed key refuses to MAC.
 * Hand-built on the per-thread JDK SHA-256 instead of a keyed {@code javax.crypto.Mac}, whose per-thread copies
 * {@code destroy()} could not reach; the header benchmark measures both at the same cost (benchmarks/report.md).
 */
public final class HmacSha256Key implements Destroyable {
    /** Output length of HMAC-SHA256. */
    public static final int LENGTH = 32;

    private static final int BLOCK = 64;
    private static final byte IPAD = 0x36;
    private static final byte OPAD = 0x5c;

    private final byte[] innerPad = new byte[BLOCK];
    private final byte[] outerPad = new byte[BLOCK];
    private volatile boolean destroyed;

    private HmacSha256Key(byte[] key) {
        if (key.length > BLOCK) {
            byte[] hashed = Sha256.hash(key);
            System.arraycopy(hashed, 0, innerPad, 0, hashed.length);
            Bytes.wipe(hashed);
        } else {
            System.arraycopy(key, 0, innerPad, 0, key.length);
        }
        System.arraycopy(innerPad, 0, outerPad, 0, BLOCK);
        xor(innerPad, IPAD);
        xor(outerPad, OPAD);
    }

    /**
     * @param key the raw key, any length (longer than 64 bytes is hashed first, as RFC 2104 says); not retained
     * @return the prepared key
     */
    public static HmacSha256Key of(byte[] key) {
        Objects.requireNonNull(key, "key");
        return new HmacSha256Key(key);
    }

    /**
     * One MAC under a key used once: prepares the key, computes the MAC and zeroes the prepared key.
     *
     * @param key the raw key, any length; not retained
     * @param data the message parts, processed in order as one concatenated message
     * @return the 32-byte HMAC-SHA256
     */
    public static byte[] compute(byte[] key, byte[]... data) {
        HmacSha256Key prepared = of(key);
        try {
            return prepared.mac(data);
        } finally {
            prepared.destroy();
        }
    }

    /**
     * @param data the message parts, processed in order as one concatenated message
     * @return the 32-byte HMAC-SHA256
     * @throws IllegalStateException if the key was destroyed
     */
    public byte[] mac(byte[]... data) {
        Sha256.requireParts(data);
        MessageDigest digest = begin();
        for (byte[] part : data) {
            digest.update(part);
        }
        return finish(digest);
    }

    /**
     * @param message the message buffer
     * @param length how many leading bytes of {@code message} to authenticate
     * @return the 32-byte HMAC-SHA256
     * @throws IllegalStateException if the key was destroyed
     * @throws IndexOutOfBoundsException if {@code length} is negative or longer than {@code message}
     */
    public byte[] mac(byte[] message, int length) {
        Objects.checkFromIndexSize(0, length, message.length);
        MessageDigest digest = begin();
        digest.update(message, 0, length);
        return finish(digest);
    }

    /** Zeroes the pads; later calls to {@code mac} throw {@link IllegalStateException}. */
    @Override
    public void destroy() {
        destroyed = true;
        Bytes.wipe(innerPad);
        Bytes.wipe(outerPad);
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "HmacSha256Key[redacted]";
    }

    private MessageDigest begin() {
        checkLive();
        MessageDigest digest = Sha256.threadDigest();
        digest.update(innerPad);
        return digest;
    }

    private byte[] finish(MessageDigest digest) {
        byte[] out = new byte[LENGTH];
        try {
            digest.digest(out, 0, LENGTH);
            digest.update(outerPad);
            digest.update(out);
            digest.digest(out, 0, LENGTH);
        } catch (DigestException e) {
            digest.reset();
            throw new IllegalStateException("SHA-256 refused a 32-byte output buffer", e);
        }
        if (destroyed) {
            // destroyed while the MAC ran: the pads may have been zeroes, so the output is not a MAC
            Bytes.wipe(out);
            checkLive();
        }
        return out;
    }

    private void checkLive() {
        if (destroyed) {
            throw new IllegalStateException("HMAC key was destroyed");
        }
    }

    private static void xor(byte[] block, byte value) {
        for (int i = 0; i < block.length; i++) {
            block[i] ^= value;
        }
    }
}
