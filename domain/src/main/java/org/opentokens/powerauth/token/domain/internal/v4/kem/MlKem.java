package org.opentokens.powerauth.token.domain.internal.v4.kem;

import java.io.IOException;
import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMExtractor;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMKeyGenerationParameters;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMKeyPairGenerator;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMParameters;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMPrivateKeyParameters;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMPublicKeyParameters;
import org.bouncycastle.pqc.crypto.util.SubjectPublicKeyInfoFactory;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;

/** FIPS 203 ML-KEM-768 or ML-KEM-1024; the public key is sent as X.509 SubjectPublicKeyInfo DER. */
final class MlKem implements KemKeyPair {
    private final byte[] encodedPublicKey;
    private volatile MLKEMPrivateKeyParameters privateKey;

    MlKem(MLKEMPublicKeyParameters publicKey, MLKEMPrivateKeyParameters privateKey) {
        try {
            this.encodedPublicKey = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an ML-KEM public key", e);
        }
        this.privateKey = privateKey;
    }

    static MlKem generate(MLKEMParameters parameters, SecureRandom random) {
        MLKEMKeyPairGenerator generator = new MLKEMKeyPairGenerator();
        generator.init(new MLKEMKeyGenerationParameters(random, parameters));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return new MlKem((MLKEMPublicKeyParameters) pair.getPublic(), (MLKEMPrivateKeyParameters) pair.getPrivate());
    }

    @Override
    public byte[] encapsulationKey() {
        return encodedPublicKey.clone();
    }

    @Override
    public byte[] decapsulate(byte[] encapsulated) {
        MLKEMPrivateKeyParameters key = privateKey;
        if (key == null) {
            throw new IllegalStateException("KEM key was destroyed");
        }
        MLKEMExtractor extractor = new MLKEMExtractor(key);
        if (encapsulated.length != extractor.getEncapsulationLength()) {
            throw new MalformedDataException("ML-KEM ciphertext must be " + extractor.getEncapsulationLength()
                    + " bytes, got " + encapsulated.length);
        }
        return extractor.extractSecret(encapsulated);
    }

    @Override
    public void destroy() {
        privateKey = null;
    }
}
