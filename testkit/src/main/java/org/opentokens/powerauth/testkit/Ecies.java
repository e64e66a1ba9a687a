package org.opentokens.powerauth.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.getlime.security.powerauth.crypto.lib.encryptor.EncryptorFactory;
import io.getlime.security.powerauth.crypto.lib.encryptor.ServerEncryptor;
import io.getlime.security.powerauth.crypto.lib.encryptor.ecies.EciesEncryptor;
import io.getlime.security.powerauth.crypto.lib.encryptor.ecies.EciesEnvelopeKey;
import io.getlime.security.powerauth.crypto.lib.encryptor.ecies.model.EciesParameters;
import io.getlime.security.powerauth.crypto.lib.encryptor.ecies.model.EciesPayload;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptedRequest;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptedResponse;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorId;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorParameters;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.v3.ServerEncryptorSecrets;
import io.getlime.security.powerauth.crypto.lib.util.EciesUtils;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

/**
 * ECIES on the server side, through Wultra's {@code ServerEncryptor}, plus the replay rules around it.
 *
 * <p>Checks, in order, each failing with HTTP 400 {@code ERR_ENCRYPTION}: the envelope has the fields its
 * version needs (Wultra's request validator); for 3.2 and 3.3 the request {@code timestamp} lies within
 * the request expiration (default 60 s) on either side of server time; for 3.1 and later the request
 * {@code nonce} was not used before (kept twice the expiration for 3.2+, the extended expiration for 3.1);
 * then the MAC and decryption.
 *
 * <p>Responses are encrypted with Wultra's primitives too. For 3.2 and 3.3 the response {@code timestamp} is the
 * emulator's server time (its movable clock), not the system clock Wultra's {@code ServerEncryptor} would read:
 * the envelope key and sharedInfo2 base come from {@code calculateSecretsForExternalEncryptor}, and the response
 * is sealed with {@code EciesEncryptor} over Wultra's own sharedInfo2 and associated data.
 */
final class Ecies {

    private static final EncryptorFactory FACTORY = new EncryptorFactory();

    private final EmulatorState state;

    Ecies(EmulatorState state) {
        this.state = state;
    }

    /**
     * A decrypted request with what encrypts its response: Wultra's encryptor (3.0, 3.1) or, for 3.2 and 3.3, the
     * envelope key and the inputs of the response's sharedInfo2.
     */
    record Opened(ServerEncryptor encryptor, byte[] plaintext, String version, ServerEncryptorSecrets external,
            byte[] ephemeralPublicKey, byte[] associatedData, byte[] requestNonce) {
    }

    /** Reads an unwrapped envelope and checks its shape and freshness for the version. */
    EncryptedRequest readRequest(JsonNode node, String version) {
        if (node == null || !node.isObject() || !ProtocolVersions.supported(version)) {
            throw EmulatorRejection.encryption();
        }
        JsonNode timestamp = node.get("timestamp");
        if (timestamp != null && !timestamp.isNull() && !timestamp.canConvertToLong()) {
            throw EmulatorRejection.encryption();
        }
        EncryptedRequest request = new EncryptedRequest(Json.optionalText(node, "temporaryKeyId"),
                Json.optionalText(node, "ephemeralPublicKey"), Json.optionalText(node, "encryptedData"),
                Json.optionalText(node, "mac"), Json.optionalText(node, "nonce"),
                timestamp == null || timestamp.isNull() ? null : timestamp.asLong());
        boolean shapeOk = WultraCrypto.client(
                () -> FACTORY.getRequestResponseValidator(version).validateEncryptedRequest(request),
                EmulatorRejection::encryption);
        if (!shapeOk) {
            throw EmulatorRejection.encryption();
        }
        return request;
    }

    /** Checks the timestamp window and registers the nonce. Call once per envelope, before decrypting. */
    void checkFreshness(EncryptedRequest request, String version) {
        EmulatorConfig config = state.config();
        if (ProtocolVersions.usesTimestamp(version)) {
            long expiration = config.eciesExpirationV32Plus().toMillis();
            long now = state.serverTimeMs();
            long timestamp = request.getTimestamp();
            if (timestamp < now - expiration || timestamp > now + expiration) {
                throw EmulatorRejection.encryption();
            }
        }
        if (ProtocolVersions.usesRequestNonce(version)) {
            Duration retention = ProtocolVersions.usesTimestamp(version)
                    ? config.eciesExpirationV32Plus().multipliedBy(2) : config.eciesExpirationV30V31();
            if (!state.registerEciesNonce(request.getNonce(), retention)) {
                throw EmulatorRejection.encryption();
            }
        }
    }

    /**
     * Reads, checks and decrypts the body of a verified signed request as an activation-scope envelope of the
     * signing activation: the 3.3 temporary key or else the activation's server key, the application secret and the
     * activation's transport key.
     */
    Opened openActivationScope(EncryptorId id, EmulatorRequest request, SignatureVerifier.Verified verified) {
        ServerActivationRecord activation = verified.activation();
        ApplicationRecord app = activation.application();
        String version = verified.version();
        EncryptedRequest envelope = readRequest(Json.parseObject(request.body()), version);
        PrivateKey key = ProtocolVersions.usesTemporaryKeys(version)
                ? state.temporaryKey(envelope.getTemporaryKeyId(), app.appKey(), activation.activationId())
                        .keyPair().getPrivate()
                : activation.serverKeyPair().getPrivate();
        EncryptorParameters parameters = new EncryptorParameters(version, app.appKey(), activation.activationId(),
                envelope.getTemporaryKeyId());
        ServerEncryptorSecrets secrets = new ServerEncryptorSecrets(key, app.appSecret(),
                WultraCrypto.secretBytes(activation.transportKey()));
        checkFreshness(envelope, version);
        return open(id, parameters, secrets, envelope);
    }

    /** Decrypts with Wultra's server encryptor; a MAC or decryption failure is ERR_ENCRYPTION. */
    Opened open(EncryptorId id, EncryptorParameters parameters, ServerEncryptorSecrets secrets,
            EncryptedRequest request) {
        ServerEncryptor encryptor = WultraCrypto.client(() -> FACTORY.getServerEncryptor(id, parameters, secrets),
                EmulatorRejection::encryption);
        String version = parameters.getProtocolVersion();
        ServerEncryptorSecrets external = null;
        byte[] associatedData = null;
        if (ProtocolVersions.usesTimestamp(version)) {
            external = (ServerEncryptorSecrets) WultraCrypto.client(
                    () -> encryptor.calculateSecretsForExternalEncryptor(request), EmulatorRejection::encryption);
            associatedData = WultraCrypto.internal(() -> EciesUtils.deriveAssociatedData(id.scope(), version,
                    parameters.getApplicationKey(), parameters.getActivationIdentifier(),
                    parameters.getTemporaryKeyId()));
        }
        byte[] plaintext = WultraCrypto.client(() -> encryptor.decryptRequest(request),
                EmulatorRejection::encryption);
        byte[] ephemeral = request.getEphemeralPublicKey() == null ? null
                : Base64.getDecoder().decode(request.getEphemeralPublicKey());
        byte[] nonce = request.getNonce() == null ? null : Base64.getDecoder().decode(request.getNonce());
        return new Opened(encryptor, plaintext, version, external, ephemeral, associatedData, nonce);
    }

    /** Encrypts a response payload into the unwrapped envelope JSON; 3.2+ responses carry server time. */
    ObjectNode seal(Opened opened, byte[] plaintext) {
        EncryptedResponse response = opened.external() == null
                ? WultraCrypto.internal(() -> opened.encryptor().encryptResponse(plaintext))
                : sealAtServerTime(opened, plaintext);
        ObjectNode node = Json.object();
        node.put("encryptedData", response.getEncryptedData());
        node.put("mac", response.getMac());
        if (response.getNonce() != null) {
            node.put("nonce", response.getNonce());
        }
        if (response.getTimestamp() != null) {
            node.put("timestamp", response.getTimestamp());
        }
        return node;
    }

    private EncryptedResponse sealAtServerTime(Opened opened, byte[] plaintext) {
        long timestamp = state.serverTimeMs();
        byte[] nonce = responseNonce(opened.requestNonce());
        return WultraCrypto.internal(() -> {
            byte[] sharedInfo2 = EciesUtils.deriveSharedInfo2(opened.version(),
                    opened.external().getSharedInfo2Base(), null, nonce, timestamp, opened.associatedData());
            EciesEncryptor encryptor = new EciesEncryptor(
                    new EciesEnvelopeKey(opened.external().getEnvelopeKey(), opened.ephemeralPublicKey()),
                    sharedInfo2);
            EciesPayload payload = encryptor.encrypt(plaintext,
                    new EciesParameters(nonce, opened.associatedData(), timestamp));
            Base64.Encoder b64 = Base64.getEncoder();
            return new EncryptedResponse(b64.encodeToString(payload.getCryptogram().getEncryptedData()),
                    b64.encodeToString(payload.getCryptogram().getMac()), b64.encodeToString(nonce), timestamp);
        });
    }

    /** A fresh 16-byte response nonce, never equal to the request's. */
    private static byte[] responseNonce(byte[] requestNonce) {
        byte[] nonce;
        do {
            nonce = WultraCrypto.randomBytes(16);
        } while (requestNonce != null && Arrays.equals(nonce, requestNonce));
        return nonce;
    }
}
