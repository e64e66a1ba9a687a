package org.opentokens.powerauth.token.domain.internal.v4.activation;

import java.security.SecureRandom;
import java.util.Objects;
import javax.security.auth.Destroyable;
import org.opentokens.powerauth.token.domain.SharedSecretAlgorithm;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptedRequest;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptedResponse;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptor;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptorId;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadParameters;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadSecrets;
import org.opentokens.powerauth.token.domain.internal.v4.counter.V4HashCounter;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.MlDsaKeyPair;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.MlDsaPublicKey;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.P384KeyPair;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.P384PrivateKey;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.P384PublicKey;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;
import org.opentokens.powerauth.token.domain.internal.v4.kem.SharedSecretContext;
import org.opentokens.powerauth.token.domain.internal.v4.kem.SharedSecretRequest;
import org.opentokens.powerauth.token.domain.internal.v4.kem.SharedSecretResponse;

/**
 * One 4.0 activation in progress on the client ({@code /pa/v4/activation/create}).
 *
 * <p>{@link #start} makes the device keys (P-384, plus ML-DSA for the hybrids) and the KEM request for
 * {@code KEY_ACTIVATION_SECRET}. The caller puts {@link #sharedSecretRequest()} and the device public keys in the
 * layer-2 JSON, seals it with {@link #encryptLayer2}, puts that envelope as {@code activationData} in the layer-1 JSON and
 * seals it with {@link #encryptLayer1} (both application scope, one temporary key, different nonces). The response is
 * opened in reverse ({@link #decryptLayer1}, {@link #decryptLayer2}) and the layer-2 fields go to {@link #complete}.
 */
public final class V4Activation implements Destroyable {
    private final SharedSecretAlgorithm algorithm;
    private final SharedSecretContext context;
    private final P384KeyPair deviceEc;
    private final MlDsaKeyPair deviceMlDsa;
    private final AeadEncryptor layer1;
    private final AeadEncryptor layer2;

    private V4Activation(SharedSecretAlgorithm algorithm, SharedSecretContext context, P384KeyPair deviceEc,
            MlDsaKeyPair deviceMlDsa, AeadEncryptor layer1, AeadEncryptor layer2) {
        this.algorithm = algorithm;
        this.context = context;
        this.deviceEc = deviceEc;
        this.deviceMlDsa = deviceMlDsa;
        this.layer1 = layer1;
        this.layer2 = layer2;
    }

    /**
     * @param algorithm {@code EC_P384}, {@code EC_P384_ML_L3} or {@code EC_P384_ML_L5}
     * @param applicationKey the application key
     * @param temporaryKeyId the application-scope temporary key's ID
     * @param envelopeKey that key's envelope key
     * @param applicationSecretBase64 the application secret
     * @param random randomness for the device keys and the KEM
     * @return the activation in progress
     * @throws IllegalArgumentException if the algorithm is not one a client offers
     */
    public static V4Activation start(SharedSecretAlgorithm algorithm, String applicationKey, String temporaryKeyId,
            V4SymmetricKey envelopeKey, String applicationSecretBase64, SecureRandom random) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(random, "random");
        if (!algorithm.offeredByClient()) {
            throw new IllegalArgumentException(algorithm + " is not a client activation algorithm");
        }
        AeadParameters parameters = new AeadParameters(applicationKey, null, temporaryKeyId);
        AeadSecrets secrets = AeadSecrets.forApplication(envelopeKey, applicationSecretBase64);
        try {
            AeadEncryptor l1 = AeadEncryptor.create(AeadEncryptorId.APPLICATION_SCOPE_GENERIC, parameters, secrets);
            AeadEncryptor l2 = AeadEncryptor.create(AeadEncryptorId.ACTIVATION_LAYER_2, parameters, secrets);
            P384KeyPair ec = P384PrivateKey.generate(random);
            MlDsaKeyPair ml = switch (algorithm) {
                case EC_P384_ML_L3 -> MlDsaKeyPair.generate(MlDsaPublicKey.Level.ML_DSA_65, random);
                case EC_P384_ML_L5 -> MlDsaKeyPair.generate(MlDsaPublicKey.Level.ML_DSA_87, random);
                default -> null;
            };
            return new V4Activation(algorithm, SharedSecretContext.create(algorithm, random), ec, ml, l1, l2);
        } finally {
            secrets.destroy();
        }
    }

    /** @return the algorithm */
    public SharedSecretAlgorithm algorithm() {
        return algorithm;
    }

    /** @return {@code sharedSecretRequest} of the layer-2 request */
    public SharedSecretRequest sharedSecretRequest() {
        return context.request();
    }

    /** @return {@code devicePublicKeys.ecdsa}: Base64 of the uncompressed P-384 point */
    public String deviceEcPublicKeyBase64() {
        return B64.encode(deviceEc.publicKey().uncompressed());
    }

    /** @return {@code devicePublicKeys.mldsa}: Base64 of the ML-DSA SubjectPublicKeyInfo, null for {@code EC_P384} */
    public String deviceMlDsaPublicKeyBase64() {
        return deviceMlDsa == null ? null : B64.encode(deviceMlDsa.publicKey().encoded());
    }

    /** Seals the layer-2 plaintext ({@code ACTIVATION_LAYER_2}). */
    public AeadEncryptedRequest encryptLayer2(byte[] plaintext, SecureRandom random, long timestampMs) {
        return layer2.encryptRequest(plaintext, random, timestampMs);
    }

    /** Seals the layer-1 plaintext ({@code APPLICATION_SCOPE_GENERIC}), which carries the layer-2 envelope. */
    public AeadEncryptedRequest encryptLayer1(byte[] plaintext, SecureRandom random, long timestampMs) {
        return layer1.encryptRequest(plaintext, random, timestampMs);
    }

    /** Opens the HTTP response body (layer 1). */
    public byte[] decryptLayer1(AeadEncryptedResponse response) {
        return layer1.decryptResponse(response);
    }

    /** Opens layer-1's {@code activationData} (layer 2). */
    public byte[] decryptLayer2(AeadEncryptedResponse response) {
        return layer2.decryptResponse(response);
    }

    /**
     * Finishes the key exchange with the layer-2 response fields.
     *
     * @param activationId {@code activationId}
     * @param response {@code sharedSecretResponse}
     * @param serverEcdsaBase64 {@code serverPublicKeys.ecdsa}
     * @param serverMlDsaBase64 {@code serverPublicKeys.mldsa}; required for the hybrids, ignored for {@code EC_P384}
     * @param ctrDataBase64 {@code ctrData}, Base64 of 32 bytes
     * @return the activation's secrets and keys; this object is spent
     * @throws MalformedDataException if a field is missing or malformed
     */
    public V4ActivationResult complete(String activationId, SharedSecretResponse response, String serverEcdsaBase64,
            String serverMlDsaBase64, String ctrDataBase64) {
        if (activationId == null || activationId.isEmpty()) {
            throw new MalformedDataException("activationId is missing");
        }
        Objects.requireNonNull(response, "response");
        P384PublicKey serverEc = P384PublicKey.fromBase64(serverEcdsaBase64);
        MlDsaPublicKey serverMl = null;
        if (deviceMlDsa != null) {
            serverMl = MlDsaPublicKey.fromBase64(serverMlDsaBase64);
            if (serverMl.level() != deviceMlDsa.publicKey().level()) {
                throw new MalformedDataException("server ML-DSA key has another level than the algorithm");
            }
        }
        V4HashCounter counter = V4HashCounter.fromBase64(ctrDataBase64);
        V4SymmetricKey secret = context.computeSharedSecret(response);
        String fingerprint = deviceMlDsa == null
                ? V4ActivationFingerprint.ec(deviceEc.publicKey(), serverEc, activationId)
                : V4ActivationFingerprint.hybrid(algorithm, deviceEc.publicKey(), deviceMlDsa.publicKey(), serverEc,
                        serverMl, activationId);
        context.destroy();
        return new V4ActivationResult(activationId, algorithm, secret, counter, serverEc, serverMl, deviceEc,
                deviceMlDsa, fingerprint);
    }

    /** Drops the KEM private keys and the encryptors' secrets (the device keys go with the result, if any). */
    @Override
    public void destroy() {
        context.destroy();
        layer1.destroy();
        layer2.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return context.isDestroyed();
    }

    @Override
    public String toString() {
        return "V4Activation[" + algorithm + ", secrets redacted]";
    }
}
