package org.opentokens.powerauth.testkit;

import com.wultra.security.powerauth.crypto.lib.v4.model.context.SharedSecretAlgorithm;
import java.security.KeyPair;
import javax.crypto.SecretKey;

/**
 * What a 4.0 key exchange leaves on the server side of one activation.
 *
 * @param algorithm          the shared-secret algorithm the client chose
 * @param activationSecret   KEY_ACTIVATION_SECRET, the root of the key tree
 * @param serverEc           the activation's server P-384 key pair
 * @param serverMlDsa        the activation's server ML-DSA key pair, null for {@code EC_P384}
 * @param deviceEcBase64     the device P-384 public key as received
 * @param deviceMlDsaBase64  the device ML-DSA public key as received, null for {@code EC_P384}
 */
record V4ActivationKeys(SharedSecretAlgorithm algorithm, SecretKey activationSecret, KeyPair serverEc,
        KeyPair serverMlDsa, String deviceEcBase64, String deviceMlDsaBase64) {

    @Override
    public String toString() {
        return "V4ActivationKeys[" + algorithm + "]";
    }
}
