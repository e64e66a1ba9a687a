package org.opentokens.powerauth.token.adapter.storage.keyring;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.opentokens.powerauth.token.domain.error.StorageCorruptException;
import org.opentokens.powerauth.token.port.out.SecureStorage;

/**
 * The serialized form of one namespace: its version and every entry in one byte string, so one keychain item
 * write replaces the whole namespace, and moves its version on, at once. Layout: ASCII {@code PTKN}, format byte
 * {@code 2}, the namespace's version (long), entry count (int), then per entry in name order: name length
 * (unsigned short) and UTF-8 name, value length (int) and value. Format {@code 1}, written before versions
 * existed, is the same without the version and reads as version 0. Parsing is strict; anything else is
 * {@link StorageCorruptException}.
 */
final class NamespaceCodec {
    private static final byte[] MAGIC = {'P', 'T', 'K', 'N'};
    private static final byte FORMAT_V1 = 1;
    private static final byte FORMAT = 2;

    private NamespaceCodec() {
    }

    /** A decoded namespace: its version and a mutable map of fresh arrays. */
    static final class Decoded {
        final long version;
        final Map<String, byte[]> entries;

        Decoded(long version, Map<String, byte[]> entries) {
            this.version = version;
            this.entries = entries;
        }
    }

    /** Encodes at version 0; for tests of the layout. */
    static byte[] encode(Map<String, byte[]> entries) {
        return encode(0, entries);
    }

    static byte[] encode(long version, Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeByte(FORMAT);
            out.writeLong(version);
            out.writeInt(entries.size());
            for (Map.Entry<String, byte[]> entry : new TreeMap<>(entries).entrySet()) {
                byte[] name = entry.getKey().getBytes(StandardCharsets.UTF_8);
                out.writeShort(name.length);
                out.write(name);
                out.writeInt(entry.getValue().length);
                out.write(entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @return the entries, as a mutable map of fresh arrays */
    static Map<String, byte[]> decode(byte[] encoded) {
        return decodeWithVersion(encoded).entries;
    }

    /**
     * Reads only the header.
     *
     * @return the namespace's version
     */
    static long version(byte[] encoded) {
        try {
            return header(ByteBuffer.wrap(encoded));
        } catch (BufferUnderflowException e) {
            throw new StorageCorruptException("keychain item for a namespace is truncated", e);
        }
    }

    static Decoded decodeWithVersion(byte[] encoded) {
        try {
            ByteBuffer in = ByteBuffer.wrap(encoded);
            long version = header(in);
            int count = in.getInt();
            if (count < 0 || count > in.remaining() / 7) {
                throw corrupt("implausible entry count");
            }
            Map<String, byte[]> entries = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                byte[] name = new byte[Short.toUnsignedInt(in.getShort())];
                in.get(name);
                int length = in.getInt();
                if (length < 0 || length > SecureStorage.MAX_VALUE_BYTES) {
                    throw corrupt("implausible value length");
                }
                byte[] value = new byte[length];
                in.get(value);
                if (entries.put(utf8(name), value) != null) {
                    throw corrupt("duplicate entry name");
                }
            }
            if (in.hasRemaining()) {
                throw corrupt("trailing bytes");
            }
            return new Decoded(version, entries);
        } catch (BufferUnderflowException e) {
            throw new StorageCorruptException("keychain item for a namespace is truncated", e);
        }
    }

    /** Reads the magic, the format and (from format 2) the version; leaves {@code in} at the entry count. */
    private static long header(ByteBuffer in) {
        byte[] magic = new byte[MAGIC.length];
        in.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw corrupt("unknown format");
        }
        byte format = in.get();
        if (format == FORMAT_V1) {
            return 0;
        }
        if (format != FORMAT) {
            throw corrupt("unknown format");
        }
        long version = in.getLong();
        if (version < 0) {
            throw corrupt("negative version");
        }
        return version;
    }

    private static String utf8(byte[] name) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(name)).toString();
        } catch (CharacterCodingException e) {
            throw new StorageCorruptException("keychain item for a namespace holds an invalid name", e);
        }
    }

    private static StorageCorruptException corrupt(String what) {
        return new StorageCorruptException("keychain item for a namespace is damaged: " + what);
    }
}
