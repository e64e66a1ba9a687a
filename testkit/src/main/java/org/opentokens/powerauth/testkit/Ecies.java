package org.opentokens.powerauth.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.getlime.security.powerauth.crypto.lib.encryptor.EncryptorFactory;
import io.getlime.security.powerauth.crypto.lib.encryptor.ServerEncryptor;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptedRequest;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptedResponse;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorId;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorParameters;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.v3.ServerEncryptorSecrets;
import java.time.Duration;

/**
 * ECIES on the server side, through Wultra's {@code ServerEncryptor}, plus the replay rules around it.
 *
 * <p>Checks, in order, each failing with HTTP 400 {@code ERR_ENCRYPTION}: the envelope has the fields its
 * version needs (Wultra's request validator); for 3.2 and 3.3 the request {@code timestamp} lies within
 * the request expiration (default 60 s) on either side of server time; for 3.1 and later the request
 * {@code nonce} was not used before (kept twice the expiration for 3.2+, the extended expiration for 3.1);
 * then the MAC and decryption.
 */
final class Ecies {

    private static final EncryptorFactory FACTORY = new EncryptorFactory();

    private final EmulatorState state;

    Ecies(EmulatorState state) {
        this.state = state;
    }

    /** A decrypted request with the encryptor that must encrypt its response. */
    record Opened(ServerEncryptor encryptor, byte[] plaintext) {
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

    /** Decrypts with Wultra's server encryptor; a MAC or decryption failure is ERR_ENCRYPTION. */
    Opened open(EncryptorId id, EncryptorParameters parameters, ServerEncryptorSecrets secrets,
            EncryptedRequest request) {
        ServerEncryptor encryptor = WultraCrypto.client(() -> FACTORY.getServerEncryptor(id, parameters, secrets),
                EmulatorRejection::encryption);
        byte[] plaintext = WultraCrypto.client(() -> encryptor.decryptRequest(request),
                EmulatorRejection::encryption);
        return new Opened(encryptor, plaintext);
    }

    /** Encrypts a response payload into the unwrapped envelope JSON. */
    static ObjectNode seal(ServerEncryptor encryptor, byte[] plaintext) {
        EncryptedResponse response = WultraCrypto.internal(() -> encryptor.encryptResponse(plaintext));
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
}
