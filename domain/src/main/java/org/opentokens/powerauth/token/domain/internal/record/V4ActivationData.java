package org.opentokens.powerauth.token.domain.internal.record;

import java.util.Objects;
import javax.security.auth.Destroyable;
import org.opentokens.powerauth.token.domain.SharedSecretAlgorithm;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.v4.activation.V4ActivationFingerprint;
import org.opentokens.powerauth.token.domain.internal.v4.activation.V4ActivationResult;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.MlDsaPublicKey;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.P384PublicKey;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;
import org.opentokens.powerauth.token.domain.internal.v4.kdf.V4KeyFactory;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/**
 * The protocol 4.0 part of an {@link ActivationRecord}: the algorithm, the server's and the device's public keys,
 * and the keys a 4.0 client uses after activation, derived once from {@code KEY_ACTIVATION_SECRET}: possession,
 * status MAC, counter-data MAC, {@code sharedInfo2} and the activation-scope temporary-key MAC key. The activation
 * secret itself and the device private keys are not kept (the vault is not implemented).
 *
 * <p>Immutable; getters return fresh copies of keys, which the caller should destroy. {@code toString} shows no
 * secret.
 */
public final class V4ActivationData implements Destroyable {
    private final SharedSecretAlgorithm algorithm;
    private final P384PublicKey serverEcKey;
    private final MlDsaPublicKey serverMlDsaKey;
    private final P384PublicKey deviceEcKey;
    private final MlDsaPublicKey deviceMlDsaKey;
    private final SecretBytes possessionKey;
    private final SecretBytes statusMacKey;
    private final SecretBytes ctrDataMacKey;
    private final SecretBytes sharedInfo2Key;
    private final SecretBytes temporaryKeyMacKey;

    V4ActivationData(SharedSecretAlgorithm algorithm, P384PublicKey serverEcKey, MlDsaPublicKey serverMlDsaKey,
            P384PublicKey deviceEcKey, MlDsaPublicKey deviceMlDsaKey, SecretBytes possessionKey,
            SecretBytes statusMacKey, SecretBytes ctrDataMacKey, SecretBytes sharedInfo2Key,
            SecretBytes temporaryKeyMacKey) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.serverEcKey = Objects.requireNonNull(serverEcKey, "serverEcKey");
        this.deviceEcKey = Objects.requireNonNull(deviceEcKey, "deviceEcKey");
        this.serverMlDsaKey = serverMlDsaKey;
        this.deviceMlDsaKey = deviceMlDsaKey;
        this.possessionKey = Objects.requireNonNull(possessionKey, "possessionKey");
        this.statusMacKey = Objects.requireNonNull(statusMacKey, "statusMacKey");
        this.ctrDataMacKey = Objects.requireNonNull(ctrDataMacKey, "ctrDataMacKey");
        this.sharedInfo2Key = Objects.requireNonNull(sharedInfo2Key, "sharedInfo2Key");
        this.temporaryKeyMacKey = Objects.requireNonNull(temporaryKeyMacKey, "temporaryKeyMacKey");
        boolean hybrid = algorithm.isPostQuantum();
        if (!algorithm.offeredByClient() || hybrid != (serverMlDsaKey != null) || hybrid != (deviceMlDsaKey != null)) {
            throw new MalformedDataException("4.0 activation data does not match its algorithm");
        }
        for (SecretBytes s : new SecretBytes[] {possessionKey, statusMacKey, ctrDataMacKey, sharedInfo2Key,
                temporaryKeyMacKey}) {
            if (s.length() != V4SymmetricKey.LENGTH) {
                throw new MalformedDataException("4.0 activation data has a key of the wrong size");
            }
        }
    }

    /**
     * Derives what a client keeps from a completed 4.0 activation.
     *
     * @param result the activation result; not destroyed here
     * @return the data to store
     */
    public static V4ActivationData from(V4ActivationResult result) {
        Objects.requireNonNull(result, "result");
        V4SymmetricKey secret = result.activationSecret();
        return new V4ActivationData(result.algorithm(), result.serverEcKey(), result.serverMlDsaKey(),
                result.deviceEcKeyPair().publicKey(),
                result.deviceMlDsaKeyPair() == null ? null : result.deviceMlDsaKeyPair().publicKey(),
                take(V4KeyFactory.possessionKey(secret)), take(V4KeyFactory.statusMacKey(secret)),
                take(V4KeyFactory.ctrDataMacKey(secret)), take(V4KeyFactory.sharedInfo2Key(secret)),
                take(V4KeyFactory.activationTemporaryKeyMacKey(secret)));
    }

    /** @return the shared-secret algorithm the activation was created with */
    public SharedSecretAlgorithm algorithm() {
        return algorithm;
    }

    /** @return the server's P-384 key */
    public P384PublicKey serverEcKey() {
        return serverEcKey;
    }

    /** @return the server's ML-DSA key, null for {@code EC_P384} */
    public MlDsaPublicKey serverMlDsaKey() {
        return serverMlDsaKey;
    }

    /** @return the device's P-384 public key */
    public P384PublicKey deviceEcKey() {
        return deviceEcKey;
    }

    /** @return the device's ML-DSA public key, null for {@code EC_P384} */
    public MlDsaPublicKey deviceMlDsaKey() {
        return deviceMlDsaKey;
    }

    /** @return a copy of {@code KEY_AUTH_POSSESSION} */
    public V4SymmetricKey possessionKey() {
        return key(possessionKey);
    }

    /** @return a copy of {@code KEY_MAC_STATUS} */
    public V4SymmetricKey statusMacKey() {
        return key(statusMacKey);
    }

    /** @return a copy of {@code KEY_MAC_CTR_DATA} */
    public V4SymmetricKey ctrDataMacKey() {
        return key(ctrDataMacKey);
    }

    /** @return a copy of {@code KEY_E2EE_SH2} */
    public V4SymmetricKey sharedInfo2Key() {
        return key(sharedInfo2Key);
    }

    /** @return a copy of {@code KEY_MAC_GET_ACT_TEMP_KEY} */
    public V4SymmetricKey temporaryKeyMacKey() {
        return key(temporaryKeyMacKey);
    }

    /**
     * @param activationId the activation id
     * @return the activation fingerprint (8 digits)
     */
    public String fingerprint(String activationId) {
        return deviceMlDsaKey == null ? V4ActivationFingerprint.ec(deviceEcKey, serverEcKey, activationId)
                : V4ActivationFingerprint.hybrid(algorithm, deviceEcKey, deviceMlDsaKey, serverEcKey, serverMlDsaKey,
                        activationId);
    }

    void write(RecordWriter out) {
        out.string(algorithm.name())
                .bytes(serverEcKey.uncompressed())
                .bytes(serverMlDsaKey == null ? null : serverMlDsaKey.encoded())
                .bytes(deviceEcKey.uncompressed())
                .bytes(deviceMlDsaKey == null ? null : deviceMlDsaKey.encoded());
        for (SecretBytes s : secrets()) {
            byte[] raw = s.copyBytes(InsecureSecretAccess.get());
            try {
                out.bytes(raw);
            } finally {
                java.util.Arrays.fill(raw, (byte) 0);
            }
        }
    }

    static V4ActivationData read(RecordReader in) {
        SharedSecretAlgorithm algorithm = SharedSecretAlgorithm.valueOf(in.string("algorithm"));
        P384PublicKey serverEc = P384PublicKey.fromBytes(in.requiredBytes("server EC key"));
        byte[] serverMl = in.bytes();
        P384PublicKey deviceEc = P384PublicKey.fromBytes(in.requiredBytes("device EC key"));
        byte[] deviceMl = in.bytes();
        SecretBytes[] keys = new SecretBytes[5];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = SecretBytes.takeOwnership(in.requiredBytes("4.0 key"));
        }
        return new V4ActivationData(algorithm, serverEc, serverMl == null ? null : MlDsaPublicKey.fromBytes(serverMl),
                deviceEc, deviceMl == null ? null : MlDsaPublicKey.fromBytes(deviceMl), keys[0], keys[1], keys[2],
                keys[3], keys[4]);
    }

    V4ActivationData copy() {
        return new V4ActivationData(algorithm, serverEcKey, serverMlDsaKey, deviceEcKey, deviceMlDsaKey,
                dup(possessionKey), dup(statusMacKey), dup(ctrDataMacKey), dup(sharedInfo2Key),
                dup(temporaryKeyMacKey));
    }

    private SecretBytes[] secrets() {
        return new SecretBytes[] {possessionKey, statusMacKey, ctrDataMacKey, sharedInfo2Key, temporaryKeyMacKey};
    }

    @Override
    public void destroy() {
        for (SecretBytes s : secrets()) {
            s.destroy();
        }
    }

    @Override
    public boolean isDestroyed() {
        return possessionKey.isDestroyed();
    }

    @Override
    public String toString() {
        return "V4ActivationData[algorithm=" + algorithm + ", keys=<redacted>]";
    }

    private static SecretBytes take(V4SymmetricKey key) {
        try {
            return SecretBytes.takeOwnership(key.copyBytes(InsecureSecretAccess.get()));
        } finally {
            key.destroy();
        }
    }

    private static SecretBytes dup(SecretBytes s) {
        return SecretBytes.takeOwnership(s.copyBytes(InsecureSecretAccess.get()));
    }

    private static V4SymmetricKey key(SecretBytes s) {
        return V4SymmetricKey.takeOwnership(s.copyBytes(InsecureSecretAccess.get()));
    }
}
