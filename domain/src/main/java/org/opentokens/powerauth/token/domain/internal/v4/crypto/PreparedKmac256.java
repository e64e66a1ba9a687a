package org.opentokens.powerauth.token.domain.internal.v4.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;
import org.bouncycastle.crypto.digests.CSHAKEDigest;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;

/**
 * KMAC256 (NIST SP 800-185) with its key and customization string absorbed once, so each {@link #mac} of a short
 * message costs one Keccak permutation (benchmarks/report.md). The absorbed state is as sensitive as the key: the
 * per-thread scratch sponge is overwritten after each use and {@link #destroy()} resets the prepared state; the raw
 * key is not kept. Thread-safe; {@code destroy()} racing a {@code mac} makes that call throw.
 */
public final class PreparedKmac256 implements Destroyable {
    /** The cSHAKE256 rate in bytes. */
    private static final int RATE = 136;
    private static final byte[] FUNCTION_NAME = "KMAC".getBytes(StandardCharsets.US_ASCII);
    /** A sponge with nothing absorbed, copied over a scratch sponge to wipe it. */
    private static final CSHAKEDigest BLANK = new CSHAKEDigest(256, null, null);
    private static final ThreadLocal<CSHAKEDigest> SCRATCH =
            ThreadLocal.withInitial(() -> new CSHAKEDigest(256, null, null));

    private final CSHAKEDigest keyed;
    private volatile boolean destroyed;

    private PreparedKmac256(CSHAKEDigest keyed) {
        this.keyed = keyed;
    }

    /** Longest key accepted, as in Bouncy Castle's {@code KMAC} (2040 bits). */
    public static final int MAX_KEY_LENGTH = 255;

    /**
     * @param key the KMAC key, 0 to {@value #MAX_KEY_LENGTH} bytes; not retained (the caller still owns and wipes
     *     its array)
     * @param customization the customization string S (e.g. {@code "PA4DIGEST"} as UTF-8), may be empty
     * @return the prepared KMAC
     * @throws IllegalArgumentException if the key is longer than {@value #MAX_KEY_LENGTH} bytes
     */
    public static PreparedKmac256 of(byte[] key, byte[] customization) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(customization, "customization");
        if (key.length > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("KMAC key must be at most 255 bytes");
        }
        CSHAKEDigest digest = new CSHAKEDigest(256, FUNCTION_NAME, customization);
        byte[] padded = bytepadEncodedKey(key);
        try {
            digest.update(padded, 0, padded.length);
        } finally {
            Bytes.wipe(padded);
        }
        return new PreparedKmac256(digest);
    }

    /**
     * @param data the message X
     * @param outLength L in bytes, at least 1
     * @return KMAC256(K, data, 8·outLength, S)
     * @throws IllegalStateException if destroyed
     */
    public byte[] mac(byte[] data, int outLength) {
        Objects.requireNonNull(data, "data");
        byte[] out = new byte[outLength];
        macInto(data, 0, data.length, out, 0, outLength);
        return out;
    }

    /**
     * Computes KMAC256 of {@code data[offset, offset+length)} into {@code out}; the allocation-free form for hot paths.
     *
     * @param data the message buffer
     * @param offset where the message starts
     * @param length the message length
     * @param out the output buffer
     * @param outOffset where to write
     * @param outLength L in bytes, at least 1
     * @throws IllegalStateException if destroyed
     */
    public void macInto(byte[] data, int offset, int length, byte[] out, int outOffset, int outLength) {
        if (outLength < 1) {
            throw new IllegalArgumentException("KMAC output length must be at least 1 byte");
        }
        checkAlive();
        CSHAKEDigest sponge = SCRATCH.get();
        try {
            sponge.reset(keyed);
            sponge.update(data, offset, length);
            byte[] lengthCode = rightEncodeBits(outLength);
            sponge.update(lengthCode, 0, lengthCode.length);
            sponge.doOutput(out, outOffset, outLength);
        } finally {
            sponge.reset(BLANK);
        }
        if (destroyed) {
            Arrays.fill(out, outOffset, outOffset + outLength, (byte) 0);
            throw new IllegalStateException("KMAC key was destroyed");
        }
    }

    /** Resets the absorbed key state; later use throws {@link IllegalStateException}. */
    @Override
    public void destroy() {
        destroyed = true;
        keyed.reset(BLANK);
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "PreparedKmac256[redacted]";
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("KMAC key was destroyed");
        }
    }

    /** @return {@code bytepad(encode_string(key), 136)}; wipe after use */
    static byte[] bytepadEncodedKey(byte[] key) {
        byte[] w = leftEncode(RATE);
        byte[] bits = leftEncode((long) key.length * 8);
        int used = w.length + bits.length + key.length;
        int total = (used + RATE - 1) / RATE * RATE;
        byte[] out = new byte[total];
        System.arraycopy(w, 0, out, 0, w.length);
        System.arraycopy(bits, 0, out, w.length, bits.length);
        System.arraycopy(key, 0, out, w.length + bits.length, key.length);
        return out;
    }

    /** SP 800-185 {@code left_encode(x)}: the byte count of x, then x big-endian without leading zero bytes. */
    static byte[] leftEncode(long x) {
        int n = minimalBytes(x);
        byte[] out = new byte[n + 1];
        out[0] = (byte) n;
        for (int i = 0; i < n; i++) {
            out[n - i] = (byte) (x >>> (8 * i));
        }
        return out;
    }

    /** SP 800-185 {@code right_encode(8·bytes)}: x big-endian without leading zero bytes, then its byte count. */
    static byte[] rightEncodeBits(int bytes) {
        long x = (long) bytes * 8;
        int n = minimalBytes(x);
        byte[] out = new byte[n + 1];
        for (int i = 0; i < n; i++) {
            out[n - 1 - i] = (byte) (x >>> (8 * i));
        }
        out[n] = (byte) n;
        return out;
    }

    private static int minimalBytes(long x) {
        int n = 1;
        while (n < 8 && (x >>> (8 * n)) != 0) {
            n++;
        }
        return n;
    }
}
