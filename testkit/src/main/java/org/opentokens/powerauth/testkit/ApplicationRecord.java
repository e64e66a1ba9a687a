package org.opentokens.powerauth.testkit;

import java.security.KeyPair;

/** An application with its master key pair. */
final class ApplicationRecord {

    private final String applicationId;
    private final String appKey;
    private final String appSecret;
    private final KeyPair masterKeyPair;

    ApplicationRecord(String applicationId, String appKey, String appSecret, KeyPair masterKeyPair) {
        this.applicationId = applicationId;
        this.appKey = appKey;
        this.appSecret = appSecret;
        this.masterKeyPair = masterKeyPair;
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

    EmulatorApplication toApi() {
        return new EmulatorApplication(applicationId, appKey, appSecret,
                WultraCrypto.b64(WultraCrypto.publicKeyBytes(masterKeyPair.getPublic())));
    }

    @Override
    public String toString() {
        return "ApplicationRecord[" + applicationId + "]";
    }
}
