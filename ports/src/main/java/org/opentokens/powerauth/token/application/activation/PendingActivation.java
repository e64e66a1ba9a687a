package org.opentokens.powerauth.token.application.activation;

import java.util.Objects;
import org.opentokens.powerauth.token.domain.counter.HashCounter;
import org.opentokens.powerauth.token.domain.crypto.EcKeyPair;
import org.opentokens.powerauth.token.domain.crypto.EcPublicKey;

/** A created activation waiting for the local commit; held in memory only. */
final class PendingActivation implements org.opentokens.powerauth.token.application.CreatedActivation {
    private final String activationId;
    private final EcKeyPair deviceKeys;
    private final EcPublicKey serverPublicKey;
    private final HashCounter counter;
    private final String fingerprint;

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
