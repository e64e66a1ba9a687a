package org.opentokens.powerauth.token.domain.internal.token;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;

/**
 * The MAC token digest, {@code HMAC-SHA256(tokenSecret, message)}, where the message is the raw 16-byte
 * nonce, {@code "&"}, the timestamp in milliseconds as a decimal string, and from version 3.2 on another
 * {@code "&"} and the version string.
 */
public final class TokenDigest {
    /** Length of a token digest in bytes. */
    public static final int LENGTH = 32;
    /** Length of a token nonce in bytes. */
    public static final int NONCE_LENGTH = 16;

    private static final byte AMPERSAND = '&';
    /** Nonce, '&', up to 19 digits, '&' and the longest version string. */
    private static final int MAX_MESSAGE_LENGTH = NONCE_LENGTH + 1 + 19 + 1 + 8;
    private static final byte[][] VERSION_BYTES = versionBytes();

    private TokenDigest() {
    }

    /**
     * Computes the digest a client puts in {@code token_digest}.
     *
     * @param secret the token secret
     * @param nonce16 16 fresh random bytes, never reused with the same token
     * @param timestampMs Unix time in milliseconds, not negative
     * @param version the protocol version; 3.0 and 3.1 leave the version out of the message
     * @return the 32-byte digest
     * @throws MalformedDataException if the nonce is not 16 bytes or the timestamp is negative
     * @throws IllegalStateException if the secret was destroyed
     */
    public static byte[] compute(TokenSecret secret, byte[] nonce16, long timestampMs, ProtocolVersion version) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(nonce16, "nonce16");
        Objects.requireNonNull(version, "version");
        if (nonce16.length != NONCE_LENGTH) {
            throw new MalformedDataException("token nonce must be 16 bytes, got " + nonce16.length);
        }
        if (timestampMs < 0) {
            throw new MalformedDataException("token timestamp must not be negative");
        }
        byte[] message = new byte[MAX_MESSAGE_LENGTH];
        System.arraycopy(nonce16, 0, message, 0, NONCE_LENGTH);
        int length = NONCE_LENGTH;
        message[length++] = AMPERSAND;
        length = putDecimal(message, length, timestampMs);
        if (version.bindsVersionInTokenDigest()) {
            byte[] v = VERSION_BYTES[version.ordinal()];
            message[length++] = AMPERSAND;
            System.arraycopy(v, 0, message, length, v.length);
            length += v.length;
        }
        return secret.macKey().mac(message, length);
    }

    /** Writes the ASCII decimal digits of a non-negative long, as {@code Long.toString} prints them. */
    private static int putDecimal(byte[] buffer, int offset, long value) {
        int digits = 1;
        for (long v = value / 10; v != 0; v /= 10) {
            digits++;
        }
        long v = value;
        for (int i = offset + digits - 1; i >= offset; i--) {
            buffer[i] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        }
        return offset + digits;
    }

    private static byte[][] versionBytes() {
        ProtocolVersion[] all = ProtocolVersion.values();
        byte[][] out = new byte[all.length][];
        for (ProtocolVersion v : all) {
            out[v.ordinal()] = v.wireValue().getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }
}
