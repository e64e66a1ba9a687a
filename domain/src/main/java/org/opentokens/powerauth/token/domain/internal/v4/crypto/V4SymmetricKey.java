package org.opentokens.powerauth.token.domain.internal.v4.crypto;

import java.util.Objects;
import javax.security.auth.Destroyable;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/**
 * A 32-byte protocol 4.0 key: {@code KEY_ACTIVATION_SECRET}, the keys derived from it, an AEAD envelope key.
 *
 * <p>Redacted {@code toString}, no {@code equals}: compare with {@link #sameKeyAs}. Raw bytes leave only through
 * {@link #copyBytes(SecretAccess)}. {@link #destroy()} zeroes the bytes (best effort: the JVM may have copied them).
 */
public final class V4SymmetricKey implements Destroyable {
    /** Length of every protocol 4.0 symmetric key. */
    public static final int LENGTH = 32;

    private final SecretBytes bytes;

    private V4SymmetricKey(SecretBytes bytes) {
        this.bytes = bytes;
    }

    /**
     * @param key 32 key bytes; copied
     * @return the key
     * @throws MalformedDataException if the length is not 32
     */
    public static V4SymmetricKey of(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != LENGTH) {
            throw new MalformedDataException("protocol 4.0 key must be 32 bytes, got " + key.length);
        }
        return new V4SymmetricKey(SecretBytes.copyOf(key));
    }

    /**
     * @param key 32 key bytes, now owned by the result (the caller must not keep or wipe the array)
     * @return the key
     * @throws MalformedDataException if the length is not 32
     */
    public static V4SymmetricKey takeOwnership(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != LENGTH) {
            int n = key.length;
            Bytes.wipe(key);
            throw new MalformedDataException("protocol 4.0 key must be 32 bytes, got " + n);
        }
        return new V4SymmetricKey(SecretBytes.takeOwnership(key));
    }

    /**
     * @param base64 standard Base64 of 32 key bytes
     * @return the key
     * @throws MalformedDataException if the text is not Base64 of 32 bytes
     */
    public static V4SymmetricKey fromBase64(String base64) {
        return takeOwnership(B64.decode(base64, "protocol 4.0 key", LENGTH));
    }

    /**
     * @param access proof of the right to see raw bytes
     * @return a fresh copy of the 32 bytes; wipe it after use
     * @throws IllegalStateException if the key was destroyed
     */
    public byte[] copyBytes(SecretAccess access) {
        return bytes.copyBytes(access);
    }

    /**
     * @return an independent copy, for a holder that destroys its own
     * @throws IllegalStateException if this key was destroyed
     */
    public V4SymmetricKey copy() {
        return new V4SymmetricKey(SecretBytes.takeOwnership(bytes.copyBytes(InsecureSecretAccess.get())));
    }

    /**
     * @param other another key
     * @return true when both hold the same bytes (constant time)
     */
    public boolean sameKeyAs(V4SymmetricKey other) {
        Objects.requireNonNull(other, "other");
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
        return "V4SymmetricKey[redacted]";
    }
}
