package org.opentokens.powerauth.testkit;

import java.security.KeyPair;

/** A temporary ECIES key pair from {@code /pa/v3/keystore/create}, bound to an app and maybe an activation. */
record TemporaryKeyRecord(String keyId, KeyPair keyPair, String appKey, String activationId, long issuedAtMs,
        long expiresAtMs) {

    boolean matches(String expectedAppKey, String expectedActivationId, long nowMs) {
        boolean sameActivation = activationId == null ? expectedActivationId == null
                : activationId.equals(expectedActivationId);
        return appKey.equals(expectedAppKey) && sameActivation && nowMs < expiresAtMs;
    }

    @Override
    public String toString() {
        return "TemporaryKeyRecord[" + keyId + "]";
    }
}
