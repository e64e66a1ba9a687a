package org.opentokens.powerauth.token.domain.internal.v4.kdf;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.Kmac256;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.PreparedKmac256;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;

/**
 * The protocol 4.0 KDF: {@code KMAC256(K = key, X = LV(utf8(label)) || LV(diversifier), L, S = "PA4KDF")}, where
 * {@code LV(x) = BE32(len(x)) || x} and a missing diversifier counts as empty; and the password KDF
 * {@code KMAC256(K = utf8(password), X = salt, L, S = "PA4PBKDF")}.
 */
public final class V4Kdf {
    /** Minimum salt length of the password KDF. */
    public static final int MIN_PASSWORD_SALT_LENGTH = 32;

    private V4Kdf() {
    }

    /**
     * @param key the input key
     * @param label the label
     * @param diversifier extra input, or null
     * @return the derived 32-byte key
     * @throws IllegalStateException if {@code key} was destroyed
     */
    public static V4SymmetricKey derive(V4SymmetricKey key, KeyLabel label, byte[] diversifier) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        byte[] raw = key.copyBytes(InsecureSecretAccess.get());
        try {
            return V4SymmetricKey.takeOwnership(derive(raw, label.label(), diversifier, V4SymmetricKey.LENGTH));
        } finally {
            Bytes.wipe(raw);
        }
    }

    /**
     * The KDF on raw bytes.
     *
     * @param key the input key, any length; not retained
     * @param label the label text
     * @param diversifier extra input, or null
     * @param outLength output length in bytes
     * @return the derived bytes; wipe after use
     */
    public static byte[] derive(byte[] key, String label, byte[] diversifier, int outLength) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        byte[] data = Bytes.concatWithSizes(Bytes.utf8(label), diversifier == null ? new byte[0] : diversifier);
        try {
            return Kmac256.mac(key, data, Kmac256.PA4KDF, outLength);
        } finally {
            Bytes.wipe(data);
        }
    }

    /**
     * @param password the password; not retained (the caller wipes its array)
     * @param salt at least {@value #MIN_PASSWORD_SALT_LENGTH} bytes
     * @param outLength output length in bytes
     * @return the derived bytes; wipe after use
     * @throws MalformedDataException if the salt is shorter than {@value #MIN_PASSWORD_SALT_LENGTH} bytes, or the
     *     password is empty or longer than 255 UTF-8 bytes
     */
    public static byte[] derivePassword(char[] password, byte[] salt, int outLength) {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(salt, "salt");
        if (salt.length < MIN_PASSWORD_SALT_LENGTH) {
            throw new MalformedDataException("password salt must be at least 32 bytes, got " + salt.length);
        }
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] key = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
        Arrays.fill(encoded.array(), (byte) 0);
        if (key.length == 0 || key.length > PreparedKmac256.MAX_KEY_LENGTH) {
            Bytes.wipe(key);
            throw new MalformedDataException("password must be 1 to 255 UTF-8 bytes");
        }
        try {
            return Kmac256.mac(key, salt, Kmac256.PA4PBKDF, outLength);
        } finally {
            Bytes.wipe(key);
        }
    }
}
