package org.opentokens.powerauth.token.domain.internal.v4.crypto;

import java.security.SecureRandom;
import java.util.Objects;
import javax.security.auth.Destroyable;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.pqc.crypto.mldsa.MLDSAKeyGenerationParameters;
import org.bouncycastle.pqc.crypto.mldsa.MLDSAKeyPairGenerator;
import org.bouncycastle.pqc.crypto.mldsa.MLDSAPrivateKeyParameters;
import org.bouncycastle.pqc.crypto.mldsa.MLDSAPublicKeyParameters;

/**
 * An ML-DSA key pair (the protocol 4.0 hybrid device key). Redacted {@code toString}; {@link #destroy()} drops the
 * private key (best effort: Bouncy Castle's key object cannot be zeroed).
 */
public final class MlDsaKeyPair implements Destroyable {
    private final MlDsaPublicKey publicKey;
    private volatile MLDSAPrivateKeyParameters privateKey;

    private MlDsaKeyPair(MlDsaPublicKey publicKey, MLDSAPrivateKeyParameters privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /**
     * @param level ML-DSA-65 or ML-DSA-87
     * @param random the randomness
     * @return a fresh key pair
     */
    public static MlDsaKeyPair generate(MlDsaPublicKey.Level level, SecureRandom random) {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(random, "random");
        MLDSAKeyPairGenerator generator = new MLDSAKeyPairGenerator();
        generator.init(new MLDSAKeyGenerationParameters(random, level.parameters()));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return new MlDsaKeyPair(new MlDsaPublicKey((MLDSAPublicKeyParameters) pair.getPublic()),
                (MLDSAPrivateKeyParameters) pair.getPrivate());
    }

    /** @return the public key */
    public MlDsaPublicKey publicKey() {
        return publicKey;
    }

    /** @return true while the private key is held */
    public boolean hasPrivateKey() {
        return privateKey != null;
    }

    @Override
    public void destroy() {
        privateKey = null;
    }

    @Override
    public boolean isDestroyed() {
        return privateKey == null;
    }

    @Override
    public String toString() {
        return "MlDsaKeyPair[" + publicKey.level().joseName() + ", private key redacted]";
    }
}
