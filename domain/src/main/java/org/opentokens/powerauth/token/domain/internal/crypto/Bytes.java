package org.opentokens.powerauth.token.domain.internal.crypto;

import org.opentokens.powerauth.token.domain.error.MalformedDataException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/** Byte helpers used by the PowerAuth formulas. */
public final class Bytes {
    private Bytes() {
    }

    /**
     * @param parts arrays to join
     * @return {@code parts[0] || parts[1] || ...}
     */
    public static byte[] concat(byte[]... parts) {
        int total = 0;
        for (byte[] p : parts) {
            total += p.length;
        }
        byte[] out = new byte[total];
        int pos = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, pos, p.length);
            pos += p.length;
        }
        return out;
    }

    /**
     * Joins items, each prefixed with its length as a 4-byte big-endian integer; a null item is written as
     * a zero length.
     *
     * @param items arrays to join, any may be null
     * @return the length-prefixed concatenation
     */
    public static byte[] concatWithSizes(byte[]... items) {
        int total = 0;
        for (byte[] item : items) {
            total += 4 + (item == null ? 0 : item.length);
        }
        ByteBuffer buf = ByteBuffer.allocate(total);
        for (byte[] item : items) {
            if (item == null) {
                buf.putInt(0);
            } else {
                buf.putInt(item.length).put(item);
            }
        }
        return buf.array();
    }

    /**
     * Joins UTF-8 strings, each prefixed with its byte length as a 4-byte big-endian integer.
     *
     * @param items strings to join, any may be null
     * @return the length-prefixed concatenation
     */
    public static byte[] concatStringsWithSizes(String... items) {
        byte[][] raw = new byte[items.length][];
        for (int i = 0; i < items.length; i++) {
            raw[i] = items[i] == null ? null : items[i].getBytes(StandardCharsets.UTF_8);
        }
        return concatWithSizes(raw);
    }

    /**
     * PowerAuth's 32-to-16 reduction: {@code out[i] = in[i] XOR in[i + 16]}.
     *
     * @param in 32 bytes
     * @return 16 bytes
     */
    public static byte[] reduce(byte[] in) {
        if (in.length != 32) {
            throw new IllegalArgumentException("reduce expects 32 bytes");
        }
        byte[] out = new byte[16];
        for (int i = 0; i < 16; i++) {
            out[i] = (byte) (in[i] ^ in[i + 16]);
        }
        return out;
    }

    /**
     * @param value a long
     * @return its 8-byte big-endian encoding
     */
    public static byte[] be64(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }

    /**
     * @param value an int
     * @return its 4-byte big-endian encoding
     */
    public static byte[] be32(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }

    /**
     * Constant-time comparison for equal lengths.
     *
     * @param a first array
     * @param b second array
     * @return true if both are equal
     */
    public static boolean constantTimeEquals(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    /**
     * Zeroes an array, ignoring null.
     *
     * @param data the array to wipe
     */
    public static void wipe(byte[] data) {
        if (data != null) {
            Arrays.fill(data, (byte) 0);
        }
    }

    /**
     * @param s a string
     * @return its UTF-8 bytes
     */
    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The inverse of {@link #concatWithSizes}: exactly {@code count} items, each a BE32 length and its bytes, and
     * nothing after them. An empty item comes back empty (a null one was written as empty).
     *
     * @param data the concatenation
     * @param count how many items it holds
     * @return the items, as copies
     * @throws MalformedDataException if the data is truncated or has trailing bytes
     */
    public static byte[][] splitWithSizes(byte[] data, int count) {
        byte[][] items = new byte[count][];
        int pos = 0;
        for (int i = 0; i < count; i++) {
            if (data.length - pos < 4) {
                throw new MalformedDataException("sized data is truncated");
            }
            int length = ((data[pos] & 0xFF) << 24) | ((data[pos + 1] & 0xFF) << 16) | ((data[pos + 2] & 0xFF) << 8)
                    | (data[pos + 3] & 0xFF);
            pos += 4;
            if (length < 0 || data.length - pos < length) {
                throw new MalformedDataException("sized data is truncated");
            }
            items[i] = java.util.Arrays.copyOfRange(data, pos, pos + length);
            pos += length;
        }
        if (pos != data.length) {
            throw new MalformedDataException("sized data has trailing bytes");
        }
        return items;
    }
}
