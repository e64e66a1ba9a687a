package org.opentokens.powerauth.token.domain.internal.crypto;

import java.util.Objects;
import javax.security.auth.Destroyable;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.secret.SecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/**
 * A 16-byte PowerAuth symmetric key (master secret, signature keys, transport key, vault key and the
 * keys derived from them).
 *
 * <p>Redacted {@code toString}, no {@code equals}: compare with {@link #sameKeyAs}. {@link #destroy()} is best effort.
 */
public final class SymmetricKey implements Destroyable {
    /** Length of every PowerAuth symmetric key. */
    public static final int LENGTH = 16;

    private final SecretBytes bytes;

    private SymmetricKey(SecretBytes bytes) {
        this.bytes = bytes;
    }

    /**
     * @param key 16 key bytes; copied
     * @return the key
     * @throws MalformedDataException if the length is not 16
     */
    public static SymmetricKey of(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != LENGTH) {
            throw new MalformedDataException("symmetric key must be 16 bytes, got " + key.length);
        }
        return new SymmetricKey(SecretBytes.copyOf(key));
    }

    /**
     * @param base64 standard Base64 of 16 key bytes
     * @return the key
     * @throws MalformedDataException if the text is not Base64 of 16 bytes
     */
    public static SymmetricKey fromBase64(String base64) {
        byte[] raw = B64.decode(base64, "symmetric key", LENGTH);
        try {
            return of(raw);
        } finally {
            Bytes.wipe(raw);
        }
    }

    /**
     * @param access proof of the right to see raw bytes
     * @return a fresh copy of the 16 bytes; wipe it after use
     */
    public byte[] copyBytes(SecretAccess access) {
        return bytes.copyBytes(access);
    }

    /**
     * @return an independent copy, for a holder that will destroy its own
     * @throws IllegalStateException if this key was destroyed
     */
    public SymmetricKey copy() {
        return new SymmetricKey(SecretBytes.takeOwnership(bytes.copyBytes(org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess.get())));
    }

    /**
     * @param other another key
     * @return true when both keys hold the same bytes (constant time)
     */
    public boolean sameKeyAs(SymmetricKey other) {
        return bytes.sameBytesAs(other.bytes);
    }

    @Override
    public void destroy() {
        bytes.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return bytes.isDestroyed();
    }

    @Override
    public String toString() {
        return "SymmetricKey[redacted]";
    }
}
