package org.opentokens.powerauth.token.domain.secret;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * Immutable secret bytes with a redacted {@code toString}, no {@code equals}/{@code hashCode}, and a
 * constant-time {@link #sameBytesAs} comparison.
 *
 * <p>{@link #destroy()} zeroes the internal copy. This is best effort: the JVM may already have copied the
 * array, and every copy handed out by {@link #copyBytes} is the caller's to wipe.
 */
public final class SecretBytes implements Destroyable {
    private final byte[] bytes;
    private volatile boolean destroyed;

    private SecretBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Copies the given bytes into a new secret.
     *
     * @param bytes the secret; copied, the caller may wipe its array afterwards
     * @return the secret
     */
    public static SecretBytes copyOf(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return new SecretBytes(bytes.clone());
    }

    /**
     * Wraps the given array without copying; the caller must not keep a reference.
     *
     * @param bytes the secret, now owned by the result
     * @return the secret
     */
    public static SecretBytes takeOwnership(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return new SecretBytes(bytes);
    }

    /** @return the length in bytes */
    public int length() {
        return bytes.length;
    }

    /**
     * @param access proof of the right to see raw bytes
     * @return a fresh copy of the bytes, which the caller should wipe after use
     * @throws IllegalStateException if the secret was destroyed
     */
    public byte[] copyBytes(SecretAccess access) {
        Objects.requireNonNull(access, "access");
        checkAlive();
        return bytes.clone();
    }

    /**
     * Compares in constant time (for equal lengths).
     *
     * @param other another secret
     * @return true when both hold the same bytes
     */
    public boolean sameBytesAs(SecretBytes other) {
        checkAlive();
        other.checkAlive();
        return MessageDigest.isEqual(bytes, other.bytes);
    }

    /** Zeroes the internal copy; later use throws {@link IllegalStateException}. */
    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(bytes, (byte) 0);
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("secret was destroyed");
        }
    }

    @Override
    public String toString() {
        return "SecretBytes[" + bytes.length + " bytes, redacted]";
    }
}
