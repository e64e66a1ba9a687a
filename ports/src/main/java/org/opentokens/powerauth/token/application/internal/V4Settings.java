package org.opentokens.powerauth.token.application.internal;

import java.util.Objects;
import org.opentokens.powerauth.token.domain.SharedSecretAlgorithm;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.MlDsaPublicKey;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.P384PublicKey;

/**
 * What an instance needs to create protocol 4.0 activations: the algorithm it offers and the application's 4.0
 * master public keys from the 2.x SDK configuration, which sign application-scope temporary keys.
 *
 * @param algorithm {@code EC_P384}, {@code EC_P384_ML_L3} or {@code EC_P384_ML_L5}
 * @param masterEcKey the master P-384 public key
 * @param masterMlDsaKey the master ML-DSA public key of the algorithm's level; null for {@code EC_P384}
 */
public record V4Settings(SharedSecretAlgorithm algorithm, P384PublicKey masterEcKey, MlDsaPublicKey masterMlDsaKey) {

    /**
     * @throws NullPointerException if the algorithm or the EC key is null
     * @throws IllegalArgumentException if the algorithm is not one a client offers, or the ML-DSA key is missing,
     *     superfluous or of another level
     */
    public V4Settings {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(masterEcKey, "masterEcKey");
        if (!algorithm.offeredByClient()) {
            throw new IllegalArgumentException(algorithm + " is not an algorithm a 4.0 client offers; use EC_P384, "
                    + "EC_P384_ML_L3 or EC_P384_ML_L5");
        }
        if (algorithm.isPostQuantum() != (masterMlDsaKey != null)) {
            throw new IllegalArgumentException(algorithm.isPostQuantum()
                    ? algorithm + " needs the master ML-DSA public key" : "EC_P384 takes no ML-DSA key");
        }
        if (masterMlDsaKey != null && masterMlDsaKey.level() != expectedLevel(algorithm)) {
            throw new IllegalArgumentException("the master ML-DSA key's level does not match " + algorithm);
        }
    }

    /**
     * @param algorithm the algorithm
     * @param masterEcKeyBase64 the master P-384 public key, Base64 (SEC1 or SubjectPublicKeyInfo)
     * @param masterMlDsaKeyBase64 the master ML-DSA public key, Base64 SubjectPublicKeyInfo, or null for
     *     {@code EC_P384}
     * @return the settings
     * @throws org.opentokens.powerauth.token.domain.error.MalformedDataException if a key is not well-formed
     */
    public static V4Settings of(SharedSecretAlgorithm algorithm, String masterEcKeyBase64, String masterMlDsaKeyBase64) {
        return new V4Settings(algorithm, P384PublicKey.fromBase64(masterEcKeyBase64),
                masterMlDsaKeyBase64 == null ? null : MlDsaPublicKey.fromBase64(masterMlDsaKeyBase64));
    }

    private static MlDsaPublicKey.Level expectedLevel(SharedSecretAlgorithm algorithm) {
        return algorithm == SharedSecretAlgorithm.EC_P384_ML_L5 ? MlDsaPublicKey.Level.ML_DSA_87
                : MlDsaPublicKey.Level.ML_DSA_65;
    }
}
