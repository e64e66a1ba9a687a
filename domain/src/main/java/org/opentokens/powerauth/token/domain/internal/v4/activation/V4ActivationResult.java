package org.opentokens.powerauth.token.domain.internal.v4.activation;

import javax.security.auth.Destroyable;
import org.opentokens.powerauth.token.domain.SharedSecretAlgorithm;
import org.opentokens.powerauth.token.domain.internal.v4.counter.V4HashCounter;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.MlDsaKeyPair;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.MlDsaPublicKey;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.P384KeyPair;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.P384PublicKey;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;

/**
 * What a completed 4.0 activation leaves on the client: its ID and algorithm, {@code KEY_ACTIVATION_SECRET} (derive the
 * rest with {@link org.opentokens.powerauth.token.domain.internal.v4.kdf.V4KeyFactory}), the initial counter, the server and
 * device keys, and the fingerprint to show. {@link #destroy()} wipes the secret, the counter and the device private
 * keys. Redacted {@code toString}.
 */
public final class V4ActivationResult implements Destroyable {
    private final String activationId;
    private final SharedSecretAlgorithm algorithm;
    private final V4SymmetricKey activationSecret;
    private final V4HashCounter counter;
    private final P384PublicKey serverEcKey;
    private final MlDsaPublicKey serverMlDsaKey;
    private final P384KeyPair deviceEcKeyPair;
    private final MlDsaKeyPair deviceMlDsaKeyPair;
    private final String fingerprint;

    V4ActivationResult(String activationId, SharedSecretAlgorithm algorithm, V4SymmetricKey activationSecret,
            V4HashCounter counter, P384PublicKey serverEcKey, MlDsaPublicKey serverMlDsaKey, P384KeyPair deviceEcKeyPair,
            MlDsaKeyPair deviceMlDsaKeyPair, String fingerprint) {
        this.activationId = activationId;
        this.algorithm = algorithm;
        this.activationSecret = activationSecret;
        this.counter = counter;
        this.serverEcKey = serverEcKey;
        this.serverMlDsaKey = serverMlDsaKey;
        this.deviceEcKeyPair = deviceEcKeyPair;
        this.deviceMlDsaKeyPair = deviceMlDsaKeyPair;
        this.fingerprint = fingerprint;
    }

    /** @return the activation ID */
    public String activationId() {
        return activationId;
    }

    /** @return the algorithm */
    public SharedSecretAlgorithm algorithm() {
        return algorithm;
    }

    /** @return {@code KEY_ACTIVATION_SECRET} (held, not copied) */
    public V4SymmetricKey activationSecret() {
        return activationSecret;
    }

    /** @return the initial counter ({@code ctrByte} 0) */
    public V4HashCounter counter() {
        return counter;
    }

    /** @return the server's P-384 key */
    public P384PublicKey serverEcKey() {
        return serverEcKey;
    }

    /** @return the server's ML-DSA key, null for {@code EC_P384} */
    public MlDsaPublicKey serverMlDsaKey() {
        return serverMlDsaKey;
    }

    /** @return the device's P-384 key pair */
    public P384KeyPair deviceEcKeyPair() {
        return deviceEcKeyPair;
    }

    /** @return the device's ML-DSA key pair, null for {@code EC_P384} */
    public MlDsaKeyPair deviceMlDsaKeyPair() {
        return deviceMlDsaKeyPair;
    }

    /** @return the 8-digit fingerprint */
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public void destroy() {
        activationSecret.destroy();
        counter.destroy();
        deviceEcKeyPair.privateKey().destroy();
        if (deviceMlDsaKeyPair != null) {
            deviceMlDsaKeyPair.destroy();
        }
    }

    @Override
    public boolean isDestroyed() {
        return activationSecret.isDestroyed();
    }

    @Override
    public String toString() {
        return "V4ActivationResult[" + activationId + ", " + algorithm + ", secrets redacted]";
    }
}
