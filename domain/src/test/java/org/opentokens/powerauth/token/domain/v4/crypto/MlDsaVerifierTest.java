package org.opentokens.powerauth.token.domain.v4.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.pqc.crypto.mldsa.MLDSAKeyGenerationParameters;
import org.bouncycastle.pqc.crypto.mldsa.MLDSAKeyPairGenerator;
import org.bouncycastle.pqc.crypto.mldsa.MLDSAPublicKeyParameters;
import org.bouncycastle.pqc.crypto.mldsa.MLDSASigner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentokens.powerauth.token.domain.error.CryptoFailureException;

/** Our ML-DSA verification accepts and rejects exactly what Bouncy Castle's verifier does. */
class MlDsaVerifierTest {
    private final SecureRandom random = new SecureRandom();

    @ParameterizedTest
    @EnumSource(MlDsaPublicKey.Level.class)
    void agreesWithBouncyCastleOnValidAndTamperedSignatures(MlDsaPublicKey.Level level) {
        MLDSAKeyPairGenerator generator = new MLDSAKeyPairGenerator();
        generator.init(new MLDSAKeyGenerationParameters(random, level.parameters()));
        for (int k = 0; k < 3; k++) {
            AsymmetricCipherKeyPair pair = generator.generateKeyPair();
            MLDSAPublicKeyParameters publicKey = (MLDSAPublicKeyParameters) pair.getPublic();
            MlDsaPublicKey ours = new MlDsaPublicKey(publicKey);
            for (int i = 0; i < 4; i++) {
                byte[] data = new byte[random.nextInt(3000)];
                random.nextBytes(data);
                byte[] signature = sign(pair, data);
                assertThat(bouncyCastle(publicKey, data, signature)).isTrue();
                ours.verify(data, signature);
                byte[] otherData = data.clone();
                if (otherData.length > 0) {
                    otherData[random.nextInt(otherData.length)] ^= 1;
                    assertRejected(ours, otherData, signature);
                }
                for (int t = 0; t < 40; t++) {
                    byte[] tampered = signature.clone();
                    // bias towards the hint bytes at the end, whose checks are the fiddliest
                    int at = t % 2 == 0 ? random.nextInt(tampered.length) : tampered.length - 1 - random.nextInt(90);
                    tampered[at] ^= (byte) (1 + random.nextInt(255));
                    boolean theirs = bouncyCastle(publicKey, data, tampered);
                    if (theirs) {
                        ours.verify(data, tampered);
                    } else {
                        assertRejected(ours, data, tampered);
                    }
                }
                assertRejected(ours, data, Arrays.copyOf(signature, signature.length - 1));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(MlDsaPublicKey.Level.class)
    void rejectsSignaturesOfAnotherKey(MlDsaPublicKey.Level level) {
        MLDSAKeyPairGenerator generator = new MLDSAKeyPairGenerator();
        generator.init(new MLDSAKeyGenerationParameters(random, level.parameters()));
        AsymmetricCipherKeyPair signer = generator.generateKeyPair();
        MlDsaPublicKey other = new MlDsaPublicKey((MLDSAPublicKeyParameters) generator.generateKeyPair().getPublic());
        byte[] data = {1, 2, 3};
        assertRejected(other, data, sign(signer, data));
    }

    private static void assertRejected(MlDsaPublicKey key, byte[] data, byte[] signature) {
        assertThatThrownBy(() -> key.verify(data, signature)).isInstanceOf(CryptoFailureException.class);
    }

    private static byte[] sign(AsymmetricCipherKeyPair pair, byte[] data) {
        MLDSASigner signer = new MLDSASigner();
        signer.init(true, pair.getPrivate());
        signer.update(data, 0, data.length);
        try {
            return signer.generateSignature();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean bouncyCastle(MLDSAPublicKeyParameters key, byte[] data, byte[] signature) {
        MLDSASigner signer = new MLDSASigner();
        signer.init(false, key);
        signer.update(data, 0, data.length);
        try {
            return signer.verifySignature(signature);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
