package org.opentokens.powerauth.token.domain.internal.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;

/** Standard Base64 (with padding) as PowerAuth uses it, with typed errors that never echo the input. */
public final class B64 {
    private static final byte[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(StandardCharsets.US_ASCII);

    private B64() {
    }

    /**
     * @param data bytes
     * @return standard Base64 with padding
     */
    public static String encode(byte[] data) {
        return Base64.getEncoder().encodeToString(data);
    }

    /**
     * @param length a byte count
     * @return the length of its padded standard Base64 text
     */
    public static int encodedLength(int length) {
        return (length + 2) / 3 * 4;
    }

    /**
     * Writes standard Base64 (with padding) as ASCII bytes into {@code dst}, for callers that assemble a header
     * in one buffer instead of joining strings.
     *
     * @param src bytes to encode
     * @param dst the output buffer; needs {@link #encodedLength(int) encodedLength(src.length)} bytes from
     *     {@code offset}
     * @param offset where to start writing
     * @return the offset after the last written byte
     */
    public static int encodeInto(byte[] src, byte[] dst, int offset) {
        int p = offset;
        int full = src.length - src.length % 3;
        for (int i = 0; i < full; i += 3) {
            int bits = (src[i] & 0xff) << 16 | (src[i + 1] & 0xff) << 8 | (src[i + 2] & 0xff);
            dst[p++] = ALPHABET[bits >>> 18];
            dst[p++] = ALPHABET[bits >>> 12 & 0x3f];
            dst[p++] = ALPHABET[bits >>> 6 & 0x3f];
            dst[p++] = ALPHABET[bits & 0x3f];
        }
        int rest = src.length - full;
        if (rest > 0) {
            int bits = (src[full] & 0xff) << 16 | (rest == 2 ? (src[full + 1] & 0xff) << 8 : 0);
            dst[p++] = ALPHABET[bits >>> 18];
            dst[p++] = ALPHABET[bits >>> 12 & 0x3f];
            dst[p++] = rest == 2 ? ALPHABET[bits >>> 6 & 0x3f] : (byte) '=';
            dst[p++] = '=';
        }
        return p;
    }

    /**
     * Decodes standard Base64 of any length.
     *
     * @param text the Base64 text
     * @param field the field name used in the error message
     * @return the bytes
     * @throws MalformedDataException if the text is null or not valid Base64
     */
    public static byte[] decode(String text, String field) {
        if (text == null) {
            throw new MalformedDataException(field + " is missing");
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedDataException(field + " is not valid Base64");
        }
    }

    /**
     * Decodes standard Base64 and checks the decoded length.
     *
     * @param text the Base64 text
     * @param field the field name used in the error message
     * @param expectedLength the required decoded length
     * @return the bytes
     * @throws MalformedDataException if the text is not Base64 or decodes to another length
     */
    public static byte[] decode(String text, String field, int expectedLength) {
        byte[] out = decode(text, field);
        if (out.length != expectedLength) {
            int actual = out.length;
            Bytes.wipe(out);
            throw new MalformedDataException(field + " must decode to " + expectedLength + " bytes, got " + actual);
        }
        return out;
    }
}
