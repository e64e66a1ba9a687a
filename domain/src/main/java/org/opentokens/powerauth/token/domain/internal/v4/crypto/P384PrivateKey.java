package org.opentokens.powerauth.token.domain.internal.v4.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;
import javax.security.auth.Destroyable;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;
import org.opentokens.powerauth.token.domain.secret.SecretAccess;

/**
 * A P-384 private key (the protocol 4.0 device ECDSA key). Redacted {@code toString}, no {@code equals};
 * {@link #destroy()} drops the scalar (best effort: a {@link BigInteger} cannot be zeroed).
 */
public final class P384PrivateKey implements Destroyable {
    private volatile BigInteger d;

    private P384PrivateKey(BigInteger d) {
        this.d = d;
    }

    /**
     * @param random the randomness to draw the scalar from
     * @return a fresh key pair
     */
    public static P384KeyPair generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        BigInteger n = P384PublicKey.DOMAIN.getN();
        BigInteger d;
        do {
            d = BigIntegers.createRandomBigInteger(n.bitLength(), random);
        } while (d.signum() == 0 || d.compareTo(n) >= 0);
        P384PrivateKey key = new P384PrivateKey(d);
        return new P384KeyPair(key, key.publicKey());
    }

    /** @return the public key */
    public P384PublicKey publicKey() {
        return new P384PublicKey(new FixedPointCombMultiplier().multiply(P384PublicKey.DOMAIN.getG(), scalar()));
    }

    /**
     * @param access proof of the right to see raw bytes
     * @return the scalar as 48 unsigned big-endian bytes; wipe after use
     */
    public byte[] copyBytes(SecretAccess access) {
        Objects.requireNonNull(access, "access");
        return BigIntegers.asUnsignedByteArray(48, scalar());
    }

    private BigInteger scalar() {
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
        return "P384PrivateKey[redacted]";
    }
}
