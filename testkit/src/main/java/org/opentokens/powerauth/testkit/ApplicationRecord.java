package org.opentokens.powerauth.testkit;

import com.wultra.security.powerauth.crypto.lib.v4.model.context.SharedSecretAlgorithm;
import java.security.KeyPair;

/** An application with its 3.x master key pair and its 4.0 master keys (P-384, ML-DSA-65, ML-DSA-87). */
final class ApplicationRecord {

    private final String applicationId;
    private final String appKey;
    private final String appSecret;
    private final KeyPair masterKeyPair;
    private final KeyPair masterEcP384;
    private final KeyPair masterMlDsa65;
    private final KeyPair masterMlDsa87;

    ApplicationRecord(String applicationId, String appKey, String appSecret, KeyPair masterKeyPair) {
        this.applicationId = applicationId;
        this.appKey = appKey;
        this.appSecret = appSecret;
        this.masterKeyPair = masterKeyPair;
        this.masterEcP384 = V4Crypto.newEcKeyPair();
        this.masterMlDsa65 = V4Crypto.newMlDsaKeyPair(SharedSecretAlgorithm.EC_P384_ML_L3);
        this.masterMlDsa87 = V4Crypto.newMlDsaKeyPair(SharedSecretAlgorithm.EC_P384_ML_L5);
    }

    String applicationId() {
        return applicationId;
    }

    String appKey() {
        return appKey;
    }

    /** The Base64 text of APP_SECRET, as ECIES and the signature base string use it. */
    String appSecret() {
        return appSecret;
    }

    KeyPair masterKeyPair() {
        return masterKeyPair;
    }

    /** The 4.0 master P-384 key pair: signs application-scope temporary keys (ES384). */
    KeyPair masterEcP384() {
        return masterEcP384;
    }

    /** The 4.0 master ML-DSA key pair of a hybrid algorithm's level. */
    KeyPair masterMlDsa(SharedSecretAlgorithm algorithm) {
        return algorithm == SharedSecretAlgorithm.EC_P384_ML_L5 ? masterMlDsa87 : masterMlDsa65;
    }

    EmulatorApplication toApi() {
        return new EmulatorApplication(applicationId, appKey, appSecret,
                WultraCrypto.b64(WultraCrypto.publicKeyBytes(masterKeyPair.getPublic())),
                WultraCrypto.b64(V4Crypto.ecPublicKeyBytes(masterEcP384.getPublic())),
                WultraCrypto.b64(masterMlDsa65.getPublic().getEncoded()),
                WultraCrypto.b64(masterMlDsa87.getPublic().getEncoded()));
    }

    @Override
    public String toString() {
        return "ApplicationRecord[" + applicationId + "]";
    }
}
