package org.opentokens.powerauth.token.application.internal.activation;

import java.util.Objects;
import org.opentokens.powerauth.token.domain.internal.counter.HashCounter;
import org.opentokens.powerauth.token.domain.internal.crypto.EcKeyPair;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPublicKey;

/** A created activation waiting for the local commit; held in memory only. */
final class PendingActivation implements org.opentokens.powerauth.token.application.internal.CreatedActivation {
    private final String activationId;
    private final EcKeyPair deviceKeys;
    private final EcPublicKey serverPublicKey;
    private final HashCounter counter;
    private final String fingerprint;
    private java.util.Map<String, Object> customAttributes = java.util.Map.of();
    private java.util.Map<String, Object> userInfo = java.util.Map.of();
    private org.opentokens.powerauth.token.port.in.PowerAuthRecoveryData recoveryData;

    PendingActivation(String activationId, EcKeyPair deviceKeys, EcPublicKey serverPublicKey, HashCounter counter,
            String fingerprint) {
        this.activationId = Objects.requireNonNull(activationId, "activationId");
        this.deviceKeys = Objects.requireNonNull(deviceKeys, "deviceKeys");
        this.serverPublicKey = Objects.requireNonNull(serverPublicKey, "serverPublicKey");
        this.counter = Objects.requireNonNull(counter, "counter");
        this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
    }

    @Override
    public String activationId() {
        return activationId;
    }

    EcKeyPair deviceKeys() {
        return deviceKeys;
    }

    EcPublicKey serverPublicKey() {
        return serverPublicKey;
    }

    HashCounter counter() {
        return counter;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    /** Sets what the server answered besides the keys; the recovery data is handed out, never kept. */
    PendingActivation withAnswer(java.util.Map<String, Object> customAttributes, java.util.Map<String, Object> userInfo,
            org.opentokens.powerauth.token.port.in.PowerAuthRecoveryData recoveryData) {
        this.customAttributes = customAttributes;
        this.userInfo = userInfo;
        this.recoveryData = recoveryData;
        return this;
    }

    /** @return the result for the host; the recovery data leaves this object with it */
    org.opentokens.powerauth.token.port.in.PowerAuthActivationResult result() {
        org.opentokens.powerauth.token.port.in.PowerAuthRecoveryData handedOut = recoveryData;
        recoveryData = null;
        return new org.opentokens.powerauth.token.port.in.PowerAuthActivationResult(activationId, fingerprint,
                customAttributes, userInfo, handedOut);
    }

    @Override
    public void destroy() {
        deviceKeys.privateKey().destroy();
        counter.destroy();
    }

    @Override
    public String toString() {
        return "PendingActivation[" + activationId + "]";
    }
}
