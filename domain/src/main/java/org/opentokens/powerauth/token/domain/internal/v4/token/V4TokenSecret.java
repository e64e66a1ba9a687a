package org.opentokens.powerauth.token.domain.internal.v4.token;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import javax.security.auth.Destroyable;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.Kmac256;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.PreparedKmac256;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/**
 * The 32-byte secret of a protocol 4.0 MAC token, received Base64-encoded in the decrypted
 * {@code /pa/v4/token/create} response.
 *
 * <p>Redacted {@code toString}, no {@code equals} ({@link #sameSecretAs}), raw bytes only through
 * {@link #copyBytes(SecretAccess)}. The KMAC256 state keyed with this secret and {@code "PA4DIGEST"} is prepared on
 * first use and kept, so each header costs one Keccak permutation. {@link #destroy()} zeroes the bytes and resets that
 * state (best effort). Thread-safe.
 */
public final class V4TokenSecret implements Destroyable {
    /** Length of a V4 token secret in bytes. */
    public static final int LENGTH = 32;
    private static final byte[] DIGEST_CUSTOMIZATION = Kmac256.PA4DIGEST.getBytes(StandardCharsets.US_ASCII);

    private final SecretBytes bytes;
    private volatile PreparedKmac256 digestKey;

    private V4TokenSecret(SecretBytes bytes) {
        this.bytes = bytes;
    }

    /**
     * @param secret 32 bytes; copied
     * @return the token secret
     * @throws MalformedDataException if the length is not 32
     */
    public static V4TokenSecret of(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length != LENGTH) {
            throw new MalformedDataException("V4 token secret must be 32 bytes, got " + secret.length);
        }
        return new V4TokenSecret(SecretBytes.copyOf(secret));
    }

    /**
     * @param base64 standard Base64 of 32 bytes, as in the {@code tokenSecret} field
     * @return the token secret
     * @throws MalformedDataException if the text is missing, not Base64, or not 32 bytes
     */
    public static V4TokenSecret fromBase64(String base64) {
        return new V4TokenSecret(SecretBytes.takeOwnership(B64.decode(base64, "token secret", LENGTH)));
    }

    /**
     * @param access proof of the right to see raw bytes
     * @return a fresh copy of the 32 bytes; wipe it after use
     */
    public byte[] copyBytes(SecretAccess access) {
        return bytes.copyBytes(access);
    }

    /**
     * @param other another token secret
     * @return true when both hold the same bytes (constant time)
     */
    public boolean sameSecretAs(V4TokenSecret other) {
        Objects.requireNonNull(other, "other");
        return bytes.sameBytesAs(other.bytes);
    }

    /** The prepared digest KMAC, built on first use. */
    PreparedKmac256 digestKey() {
        PreparedKmac256 key = digestKey;
        if (key == null) {
            synchronized (this) {
                key = digestKey;
                if (key == null) {
                    byte[] raw = bytes.copyBytes(InsecureSecretAccess.get());
                    try {
                        key = PreparedKmac256.of(raw, DIGEST_CUSTOMIZATION);
                    } finally {
                        Bytes.wipe(raw);
                    }
                    digestKey = key;
                }
            }
        }
        return key;
    }

    /** Zeroes the secret and resets its prepared KMAC state; later use throws {@link IllegalStateException}. */
    @Override
    public synchronized void destroy() {
        bytes.destroy();
        PreparedKmac256 key = digestKey;
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
        return "V4TokenSecret[redacted]";
    }
}
