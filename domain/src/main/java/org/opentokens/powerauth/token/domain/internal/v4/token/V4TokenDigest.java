package org.opentokens.powerauth.token.domain.internal.v4.token;

import java.util.Objects;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;

/**
 * The protocol 4.0 token digest: {@code KMAC256(K = tokenSecret, X = nonce || "&" || timestamp || "&" || "4.0",
 * L = 32, S = "PA4DIGEST")}, with the raw 16-byte nonce and the timestamp in milliseconds as decimal ASCII.
 */
public final class V4TokenDigest {
    /** Length of a digest in bytes. */
    public static final int LENGTH = 32;
    /** Length of a nonce in bytes. */
    public static final int NONCE_LENGTH = 16;
    /** Nonce, '&', up to 19 digits, "&4.0". */
    static final int MAX_MESSAGE_LENGTH = NONCE_LENGTH + 1 + 19 + 4;
    private static final byte[] VERSION_SUFFIX = {'&', '4', '.', '0'};

    private V4TokenDigest() {
    }

    /**
     * @param secret the token secret
     * @param nonce16 16 fresh random bytes, never reused with the same token
     * @param timestampMs Unix time in milliseconds, not negative
     * @return the 32-byte digest
     * @throws MalformedDataException if the nonce is not 16 bytes or the timestamp is negative
     * @throws IllegalStateException if the secret was destroyed
     */
    public static byte[] compute(V4TokenSecret secret, byte[] nonce16, long timestampMs) {
        byte[] out = new byte[LENGTH];
        computeInto(secret, nonce16, timestampMs, out);
        return out;
    }

    /** {@link #compute} into a caller's 32-byte buffer. */
    static void computeInto(V4TokenSecret secret, byte[] nonce16, long timestampMs, byte[] out) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(nonce16, "nonce16");
        if (nonce16.length != NONCE_LENGTH) {
            throw new MalformedDataException("token nonce must be 16 bytes, got " + nonce16.length);
        }
        if (timestampMs < 0) {
            throw new MalformedDataException("token timestamp must not be negative");
        }
        byte[] message = new byte[MAX_MESSAGE_LENGTH];
        System.arraycopy(nonce16, 0, message, 0, NONCE_LENGTH);
        message[NONCE_LENGTH] = '&';
        int length = putDecimal(message, NONCE_LENGTH + 1, timestampMs, decimalDigits(timestampMs));
        System.arraycopy(VERSION_SUFFIX, 0, message, length, VERSION_SUFFIX.length);
        length += VERSION_SUFFIX.length;
        secret.digestKey().macInto(message, 0, length, out, 0, LENGTH);
    }

    /** @return the number of decimal digits of a non-negative long */
    static int decimalDigits(long value) {
        int digits = 1;
        for (long v = value / 10; v != 0; v /= 10) {
            digits++;
        }
        return digits;
    }

    /** Writes {@code value} as {@code width} ASCII digits (zero-padded) and returns the offset after them. */
    static int putDecimal(byte[] buffer, int offset, long value, int width) {
        long v = value;
        for (int i = offset + width - 1; i >= offset; i--) {
            buffer[i] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        }
        return offset + width;
    }
}
