package org.opentokens.powerauth.token.domain.internal.record;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;

/** Reads what {@link RecordWriter} wrote; every short or malformed read is a {@link MalformedDataException}. */
final class RecordReader {
    private final byte[] data;
    private final String what;
    private int position;

    RecordReader(byte[] data, byte[] magic, String what) {
        this.data = data;
        this.what = what;
        if (data.length < magic.length + 1
                || !Arrays.equals(Arrays.copyOf(data, magic.length), magic)) {
            throw new MalformedDataException(what + " record has an unknown format");
        }
        position = magic.length;
    }

    int u8() {
        need(1);
        return data[position++] & 0xFF;
    }

    int i32() {
        need(4);
        int value = 0;
        for (int i = 0; i < 4; i++) {
            value = (value << 8) | (data[position++] & 0xFF);
        }
        return value;
    }

    long i64() {
        long high = i32() & 0xFFFF_FFFFL;
        return (high << 32) | (i32() & 0xFFFF_FFFFL);
    }

    byte[] bytes() {
        need(2);
        int length = ((data[position] & 0xFF) << 8) | (data[position + 1] & 0xFF);
        position += 2;
        if (length == 0xFFFF) {
            return null;
        }
        need(length);
        byte[] value = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return value;
    }

    byte[] requiredBytes(String field) {
        byte[] value = bytes();
        if (value == null) {
            throw new MalformedDataException(what + " record lacks its " + field);
        }
        return value;
    }

    String string(String field) {
        byte[] raw = requiredBytes(field);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedDataException(what + " record has an invalid " + field);
        }
    }

    void end() {
        if (position != data.length) {
            throw new MalformedDataException(what + " record has trailing bytes");
        }
    }

    private void need(int count) {
        if (count < 0 || data.length - position < count) {
            throw new MalformedDataException(what + " record is truncated");
        }
    }
}
