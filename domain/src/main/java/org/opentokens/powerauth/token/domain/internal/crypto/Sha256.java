package org.opentokens.powerauth.token.domain.internal.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * SHA-256 on the JDK's digest, which every Java platform provides; {@link HmacSha256Key} builds HMAC on the
 * same per-thread digest object.
 */
public final class Sha256 {
    /** Output length of SHA-256. */
    public static final int LENGTH = 32;

    private static final ThreadLocal<MessageDigest> DIGESTS = ThreadLocal.withInitial(Sha256::newDigest);

    private Sha256() {
    }

    /**
     * @param data the message parts, processed in order as one concatenated message
     * @return the 32-byte SHA-256 hash
     */
    public static byte[] hash(byte[]... data) {
        requireParts(data);
        MessageDigest digest = threadDigest();
        for (byte[] part : data) {
            digest.update(part);
        }
        return digest.digest();
    }

    /**
     * The calling thread's digest, always reset between uses: callers check their input before the first
     * update, and every use ends with {@code digest} or {@code reset}.
     */
    static MessageDigest threadDigest() {
        return DIGESTS.get();
    }

    /** Checks every part before any update, so a null part cannot leave the thread's digest half-fed. */
    static void requireParts(byte[][] parts) {
        Objects.requireNonNull(parts, "data");
        for (byte[] part : parts) {
            Objects.requireNonNull(part, "data part");
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
