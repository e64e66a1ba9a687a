package org.opentokens.powerauth.token.domain.internal.crypto;

import java.math.BigInteger;
import java.util.Objects;
import javax.security.auth.Destroyable;
import org.bouncycastle.util.BigIntegers;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.secret.SecretAccess;

/**
 * A P-256 private key. Redacted {@code toString}, no {@code equals}.
 *
 * <p>{@link #destroy()} drops the scalar reference; a {@link BigInteger} cannot be zeroed in place, so
 * destruction is best effort.
 */
public final class EcPrivateKey implements Destroyable {
    private volatile BigInteger d;

    EcPrivateKey(BigInteger d) {
        this.d = d;
    }

    /**
     * Parses a private scalar as an unsigned big-endian integer. Accepts the fixed 32-byte form and the
     * signed {@code BigInteger} form Wultra's Java library emits: shorter when the scalar has leading zero
     * bytes, or 33 bytes with a leading zero when its high bit is set.
     *
     * @param encoded the scalar bytes, 1 to 33 long
     * @return the key
     * @throws MalformedDataException if the length is wrong or the scalar is not in {@code [1, n-1]}
     */
    public static EcPrivateKey fromBytes(byte[] encoded) {
        Objects.requireNonNull(encoded, "encoded");
        if (encoded.length == 33 && encoded[0] != 0) {
            throw new MalformedDataException("33-byte private key must start with a zero byte");
        }
        if (encoded.length == 0 || encoded.length > 33) {
            throw new MalformedDataException("P-256 private key must be at most 32 bytes");
        }
        BigInteger value = new BigInteger(1, encoded);
        if (value.signum() <= 0 || value.compareTo(P256.DOMAIN.getN()) >= 0) {
            throw new MalformedDataException("P-256 private key is out of range");
        }
        return new EcPrivateKey(value);
    }

    /**
     * Parses Wultra's signed form (a minimal two's-complement big-endian integer, 1 to 33 bytes) or the plain
     * unsigned 32-byte form; a shorter value with its top bit set is negative and refused.
     *
     * @param encoded the scalar bytes
     * @return the key
     * @throws MalformedDataException if the value is negative, too long, or not in {@code [1, n-1]}
     */
    public static EcPrivateKey fromSignedBytes(byte[] encoded) {
        Objects.requireNonNull(encoded, "encoded");
        if (encoded.length > 0 && encoded.length < 32 && (encoded[0] & 0x80) != 0) {
            throw new MalformedDataException("signed P-256 private key is negative");
        }
        return fromBytes(encoded);
    }

    /**
     * @param access proof of the right to see raw bytes
     * @return the scalar in Wultra's signed form (minimal two's complement, 1 to 33 bytes); wipe after use
     */
    public byte[] copySignedBytes(SecretAccess access) {
        Objects.requireNonNull(access, "access");
        return scalar().toByteArray();
    }

    /**
     * @param access proof of the right to see raw bytes
     * @return the scalar as 32 unsigned big-endian bytes; wipe after use
     */
    public byte[] copyBytes(SecretAccess access) {
        Objects.requireNonNull(access, "access");
        return BigIntegers.asUnsignedByteArray(32, scalar());
    }

    /** @return the public key for this private key */
    public EcPublicKey publicKey() {
        return new EcPublicKey(P256.multiplyGenerator(scalar()));
    }

    BigInteger scalar() {
        BigInteger value = d;
        if (value == null) {
            throw new IllegalStateException("private key was destroyed");
        }
        return value;
    }

    @Override
    public void destroy() {
        d = null;
    }

    @Override
    public boolean isDestroyed() {
        return d == null;
    }

    @Override
    public String toString() {
        return "EcPrivateKey[P-256, redacted]";
    }
}
