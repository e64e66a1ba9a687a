package org.opentokens.powerauth.testkit;

import com.wultra.security.powerauth.crypto.lib.v4.model.context.SharedSecretAlgorithm;

/**
 * A 4.0 temporary key from {@code /pa/v4/keystore/create}: the envelope key the KEM exchange produced (the server
 * keeps no key pair in 4.0), bound to an application and maybe an activation.
 */
record V4TemporaryKeyRecord(String keyId, byte[] envelopeKey, SharedSecretAlgorithm algorithm, String appKey,
        String activationId, long issuedAtMs, long expiresAtMs) {

    V4TemporaryKeyRecord {
        envelopeKey = envelopeKey.clone();
    }

    @Override
    public byte[] envelopeKey() {
        return envelopeKey.clone();
    }

    boolean matches(String expectedAppKey, String expectedActivationId, long nowMs) {
        boolean sameActivation = activationId == null ? expectedActivationId == null
                : activationId.equals(expectedActivationId);
        return appKey.equals(expectedAppKey) && sameActivation && nowMs < expiresAtMs;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof V4TemporaryKeyRecord r && keyId.equals(r.keyId);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode();
    }

    @Override
    public String toString() {
        return "V4TemporaryKeyRecord[" + keyId + "]";
    }
}
