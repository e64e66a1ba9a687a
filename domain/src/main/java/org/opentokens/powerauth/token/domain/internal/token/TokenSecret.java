package org.opentokens.powerauth.token.domain.internal.token;

import java.util.Objects;
import javax.security.auth.Destroyable;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.crypto.HmacSha256Key;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/**
 * The 16-byte secret of a MAC token, received Base64-encoded from {@code /pa/v3/token/create}.
 *
 * <p>{@code toString} is redacted and there is no {@code equals}: compare with {@link #sameSecretAs}. Raw
 * bytes leave only through {@link #copyBytes(SecretAccess)}. The HMAC key state used for digests is prepared
 * on first use and kept, so generating many headers does not repeat the key set-up. {@link #destroy()}
 * zeroes the bytes and resets that state; this is best effort, as the JVM may have copied them.
 * Instances are thread-safe.
 */
public final class TokenSecret implements Destroyable {
    /** Length of a token secret in bytes. */
    public static final int LENGTH = 16;

    private final SecretBytes bytes;
    private volatile HmacSha256Key macKey;

    private TokenSecret(SecretBytes bytes) {
        this.bytes = bytes;
    }

    /**
     * @param secret 16 bytes; copied, so the caller may wipe its array
     * @return the token secret
     * @throws MalformedDataException if the length is not 16
     */
    public static TokenSecret of(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length != LENGTH) {
            throw new MalformedDataException("token secret must be 16 bytes, got " + secret.length);
        }
        return new TokenSecret(SecretBytes.copyOf(secret));
    }

    /**
     * @param base64 standard Base64 of 16 bytes, as in the {@code tokenSecret} JSON field
     * @return the token secret
     * @throws MalformedDataException if the text is missing, not Base64, or not 16 bytes
     */
    public static TokenSecret fromBase64(String base64) {
        byte[] raw = B64.decode(base64, "token secret", LENGTH);
        return new TokenSecret(SecretBytes.takeOwnership(raw));
    }

    /**
     * @param access proof of the right to see raw bytes
     * @return a fresh copy of the 16 bytes; wipe it after use
     * @throws IllegalStateException if the secret was destroyed
     */
    public byte[] copyBytes(SecretAccess access) {
        return bytes.copyBytes(access);
    }

    /**
     * @param other another token secret
     * @return true when both hold the same bytes, compared in constant time
     * @throws IllegalStateException if either secret was destroyed
     */
    public boolean sameSecretAs(TokenSecret other) {
        Objects.requireNonNull(other, "other");
        return bytes.sameBytesAs(other.bytes);
    }

    /** The prepared HMAC key, built on first use. */
    HmacSha256Key macKey() {
        HmacSha256Key key = macKey;
        if (key == null) {
            synchronized (this) {
                key = macKey;
                if (key == null) {
                    byte[] raw = bytes.copyBytes(InsecureSecretAccess.get());
                    try {
                        key = HmacSha256Key.of(raw);
                    } finally {
                        Bytes.wipe(raw);
                    }
                    macKey = key;
                }
            }
        }
        return key;
    }

    /** Zeroes the secret and its prepared HMAC state; later use throws {@link IllegalStateException}. */
    @Override
    public synchronized void destroy() {
        bytes.destroy();
        HmacSha256Key key = macKey;
        if (key != null) {
            key.destroy();
        }
    }

    @Override
    public boolean isDestroyed() {
        return bytes.isDestroyed();
    }

    @Override
    public String toString() {
        return "TokenSecret[redacted]";
    }
}
