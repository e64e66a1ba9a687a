package org.opentokens.powerauth.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wultra.security.powerauth.crypto.lib.encryptor.model.EncryptorId;
import com.wultra.security.powerauth.crypto.lib.encryptor.model.EncryptorParameters;
import com.wultra.security.powerauth.crypto.lib.util.AeadUtils;
import com.wultra.security.powerauth.crypto.lib.v4.encryptor.aead.Aead;
import com.wultra.security.powerauth.crypto.lib.v4.encryptor.aead.AeadRequestResponseValidator;
import com.wultra.security.powerauth.crypto.lib.v4.encryptor.aead.ServerAeadEncryptor;
import com.wultra.security.powerauth.crypto.lib.v4.encryptor.model.context.AeadSecrets;
import com.wultra.security.powerauth.crypto.lib.v4.encryptor.model.request.AeadEncryptedRequest;
import java.util.Arrays;
import java.util.Base64;

/**
 * The 4.0 AEAD envelope on the server side, through Wultra 2.0.1's {@code ServerAeadEncryptor}, plus the replay
 * rules around it.
 *
 * <p>Checks, in order, each failing with HTTP 400 {@code ERR_ENCRYPTION}: the envelope has
 * {@code temporaryKeyId}, {@code encryptedData}, {@code nonce} and {@code timestamp} (Wultra's validator); the
 * temporary key exists for this scope (else {@code ERR_TEMPORARY_KEY}); the timestamp lies within the request
 * expiration (default 60 s) on either side of server time; the nonce was not used with this temporary key within
 * twice that; then the tag and decryption.
 *
 * <p>The response is sealed with Wultra's {@code Aead} and {@code AeadUtils} exactly as its
 * {@code ServerAeadEncryptor.encryptResponse} does, except that its {@code timestamp} is the emulator's server
 * time (its movable clock), not the system clock.
 */
final class V4Aead {

    private final EmulatorState state;

    V4Aead(EmulatorState state) {
        this.state = state;
    }

    /** A decrypted request with what seals its response. */
    record Opened(byte[] plaintext, EncryptorId id, byte[] envelopeKey, byte[] sharedInfo2, byte[] associatedData,
            byte[] nonce) {
    }

    /** Reads an envelope {@code {"temporaryKeyId","encryptedData","nonce","timestamp"}} and checks its shape. */
    static AeadEncryptedRequest readRequest(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw EmulatorRejection.encryption();
        }
        JsonNode timestamp = node.get("timestamp");
        if (timestamp == null || !timestamp.canConvertToLong()) {
            throw EmulatorRejection.encryption();
        }
        AeadEncryptedRequest request = new AeadEncryptedRequest(Json.optionalText(node, "temporaryKeyId"),
                Json.optionalText(node, "encryptedData"), Json.optionalText(node, "nonce"), timestamp.asLong());
        boolean shapeOk = WultraCrypto.client(() -> new AeadRequestResponseValidator(V4Crypto.VERSION)
                .validateEncryptedRequest(request), EmulatorRejection::encryption);
        if (!shapeOk) {
            throw EmulatorRejection.encryption();
        }
        return request;
    }

    /** Checks the timestamp window and registers the nonce. Call once per envelope, before decrypting. */
    void checkFreshness(AeadEncryptedRequest request) {
        long expiration = state.config().v4RequestExpiration().toMillis();
        long now = state.serverTimeMs();
        long timestamp = request.getTimestamp();
        if (timestamp < now - expiration || timestamp > now + expiration) {
            throw EmulatorRejection.encryption();
        }
        if (!state.registerAeadNonce(request.getTemporaryKeyId(), request.getNonce())) {
            throw EmulatorRejection.encryption();
        }
    }

    /**
     * Decrypts with Wultra's server encryptor; a tag or decryption failure is ERR_ENCRYPTION.
     *
     * @param keySharedInfo2 KEY_E2EE_SH2 for activation scope, null for application scope
     */
    Opened open(EncryptorId id, EncryptorParameters parameters, byte[] envelopeKey, String appSecret,
            byte[] keySharedInfo2, AeadEncryptedRequest request) {
        AeadSecrets secrets = keySharedInfo2 == null ? new AeadSecrets(envelopeKey, appSecret)
                : new AeadSecrets(envelopeKey, appSecret, keySharedInfo2);
        byte[] plaintext = WultraCrypto.client(() -> {
            ServerAeadEncryptor encryptor = new ServerAeadEncryptor(id, parameters);
            encryptor.configureSecrets(secrets);
            return encryptor.decryptRequest(request);
        }, EmulatorRejection::encryption);
        byte[] sharedInfo2 = WultraCrypto.internal(
                () -> AeadUtils.deriveSharedInfo2(id.scope(), appSecret, keySharedInfo2));
        byte[] associatedData = WultraCrypto.internal(() -> AeadUtils.deriveAssociatedData(id.scope(),
                parameters.getProtocolVersion(), parameters.getApplicationKey(), parameters.getActivationIdentifier(),
                parameters.getTemporaryKeyId()));
        return new Opened(plaintext, id, envelopeKey, sharedInfo2, associatedData,
                Base64.getDecoder().decode(request.getNonce()));
    }

    /** Encrypts a response payload into {@code {"encryptedData","timestamp"}} at server time. */
    ObjectNode seal(Opened opened, byte[] plaintext) {
        long timestamp = state.serverTimeMs();
        byte[] sealed = WultraCrypto.internal(() -> {
            String version = V4Crypto.VERSION;
            byte[] keyContext = AeadUtils.deriveKeyContext(version, opened.id().getSharedInfo1(version),
                    opened.nonce());
            byte[] associatedData = AeadUtils.deriveAssociateDataFinal(version, opened.sharedInfo2(), opened.nonce(),
                    timestamp, opened.associatedData());
            return Aead.seal(V4Crypto.secretKey(opened.envelopeKey()), keyContext,
                    Arrays.copyOfRange(opened.nonce(), 12, 24), associatedData, plaintext);
        });
        ObjectNode node = Json.object();
        node.put("encryptedData", WultraCrypto.b64(sealed));
        node.put("timestamp", timestamp);
        return node;
    }
}
