package org.opentokens.powerauth.testkit;

import com.wultra.security.powerauth.crypto.lib.enums.EcCurve;
import com.wultra.security.powerauth.crypto.lib.util.KeyConvertor;
import com.wultra.security.powerauth.crypto.lib.util.SignatureUtils;
import com.wultra.security.powerauth.crypto.lib.v4.ml.MlDsa;
import com.wultra.security.powerauth.crypto.lib.v4.model.context.SharedSecretAlgorithm;
import com.wultra.security.powerauth.crypto.server.v4.activation.PowerAuthServerActivation;
import com.wultra.security.powerauth.crypto.server.v4.keyfactory.PowerAuthServerKeyFactory;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Thin wrappers over Wultra 2.0.1's protocol 4.0 server-side classes (package {@code com.wultra}), beside
 * {@link WultraCrypto} for 1.10.0's 3.x classes.
 */
final class V4Crypto {

    /** The wire version of protocol 4. */
    static final String VERSION = "4.0";

    /** The algorithms a 4.0 client may offer: what Server 2.0 accepts for temporary keys and activations. */
    static final Set<SharedSecretAlgorithm> OFFERED = Set.copyOf(EnumSet.of(SharedSecretAlgorithm.EC_P384,
            SharedSecretAlgorithm.EC_P384_ML_L3, SharedSecretAlgorithm.EC_P384_ML_L5));

    static final PowerAuthServerActivation SERVER_ACTIVATION;
    static final PowerAuthServerKeyFactory KEY_FACTORY;
    private static final KeyConvertor KEY_CONVERTOR;

    static {
        WultraCrypto.ensureProvider();
        SERVER_ACTIVATION = new PowerAuthServerActivation();
        KEY_FACTORY = new PowerAuthServerKeyFactory();
        KEY_CONVERTOR = new KeyConvertor();
    }

    private V4Crypto() {
    }

    /** @return the algorithm named on the wire if a client may offer it, else null */
    static SharedSecretAlgorithm offeredAlgorithm(String name) {
        if (name == null) {
            return null;
        }
        for (SharedSecretAlgorithm algorithm : OFFERED) {
            if (algorithm.name().equals(name)) {
                return algorithm;
            }
        }
        return null;
    }

    static boolean hybrid(SharedSecretAlgorithm algorithm) {
        return algorithm != SharedSecretAlgorithm.EC_P384;
    }

    /** The JWS {@code alg} of the ML-DSA signature that goes with a hybrid algorithm. */
    static String mlDsaAlg(SharedSecretAlgorithm algorithm) {
        return algorithm == SharedSecretAlgorithm.EC_P384_ML_L5 ? "ML-DSA-87" : "ML-DSA-65";
    }

    static KeyPair newEcKeyPair() {
        return WultraCrypto.internal(SERVER_ACTIVATION::generateEcServerKeyPair);
    }

    /** An ML-DSA key pair of the hybrid algorithm's level (65 for L3, 87 for L5). */
    static KeyPair newMlDsaKeyPair(SharedSecretAlgorithm algorithm) {
        return WultraCrypto.internal(() -> SERVER_ACTIVATION.generatePqcServerKeyPair(algorithm));
    }

    /** SEC1 bytes of a P-384 public key, as Wultra's converter writes them. */
    static byte[] ecPublicKeyBytes(PublicKey key) {
        return WultraCrypto.internal(() -> KEY_CONVERTOR.convertPublicKeyToBytes(EcCurve.P384, key));
    }

    /** A P-384 public key from SEC1 bytes (compressed or not). */
    static PublicKey ecPublicKey(byte[] bytes, Supplier<EmulatorRejection> rejection) {
        return WultraCrypto.client(() -> KEY_CONVERTOR.convertBytesToPublicKey(EcCurve.P384, bytes), rejection);
    }

    /** An ML-DSA public key from its X.509 SubjectPublicKeyInfo encoding. */
    static PublicKey mlDsaPublicKey(byte[] spki, Supplier<EmulatorRejection> rejection) {
        return WultraCrypto.client(() -> KeyFactory.getInstance("ML-DSA", "BC")
                .generatePublic(new X509EncodedKeySpec(spki)), rejection);
    }

    /** DER ECDSA-SHA384 over data. */
    static byte[] ecdsaP384Der(byte[] data, PrivateKey key) {
        return WultraCrypto.internal(() -> new SignatureUtils().computeECDSASignature(EcCurve.P384, data, key));
    }

    /** A raw FIPS 204 signature over data, at the level of the key. */
    static byte[] mlDsaSign(SharedSecretAlgorithm algorithm, byte[] data, PrivateKey key) {
        return WultraCrypto.internal(() -> new MlDsa(algorithm.getMlDsaParameterSpec()).sign(key, data));
    }

    static SecretKey secretKey(byte[] raw) {
        return new SecretKeySpec(raw, "AES");
    }

    static byte[] bytes(SecretKey key) {
        return KEY_CONVERTOR.convertSharedSecretKeyToBytes(key);
    }

    /** A key of the server-side key tree below KEY_ACTIVATION_SECRET. */
    @FunctionalInterface
    interface Derivation {
        SecretKey derive(SecretKey activationSecret) throws Exception;
    }

    static byte[] derive(Derivation derivation, SecretKey activationSecret) {
        return bytes(WultraCrypto.internal(() -> derivation.derive(activationSecret)));
    }
}
