package org.opentokens.powerauth.token.domain.internal.record;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Appends length-prefixed fields to a growing buffer. Wipes its buffer when the result is taken. */
final class RecordWriter {
    private byte[] buffer = new byte[256];
    private int size;

    RecordWriter(byte[] magic, int formatVersion) {
        raw(magic);
        u8(formatVersion);
    }

    RecordWriter u8(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    RecordWriter i32(int value) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    RecordWriter i64(long value) {
        i32((int) (value >>> 32));
        return i32((int) value);
    }

    /** Writes a length (u16) and the bytes; {@code null} is written as length 0xFFFF. */
    RecordWriter bytes(byte[] value) {
        if (value == null) {
            ensure(2);
            buffer[size++] = (byte) 0xFF;
            buffer[size++] = (byte) 0xFF;
            return this;
        }
        if (value.length >= 0xFFFF) {
            throw new IllegalArgumentException("record field too long: " + value.length + " bytes");
        }
        ensure(2);
        buffer[size++] = (byte) (value.length >>> 8);
        buffer[size++] = (byte) value.length;
        return raw(value);
    }

    RecordWriter string(String value) {
        return bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private RecordWriter raw(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, buffer, size, value.length);
        size += value.length;
        return this;
    }

    /** @return the encoded record; the internal buffer is wiped */
    byte[] toByteArray() {
        byte[] result = Arrays.copyOf(buffer, size);
        Arrays.fill(buffer, (byte) 0);
        return result;
    }

    private void ensure(int extra) {
        if (size + extra > buffer.length) {
            byte[] bigger = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
            Arrays.fill(buffer, (byte) 0);
            buffer = bigger;
        }
    }
}
