package org.opentokens.powerauth.token.port.out;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.opentokens.powerauth.testkit.EmulatorConnectionResetException;
import org.opentokens.powerauth.testkit.EmulatorRequest;
import org.opentokens.powerauth.testkit.EmulatorResponse;
import org.opentokens.powerauth.testkit.PowerAuthEmulator;
import org.opentokens.powerauth.token.application.internal.json.EnvelopeMaps;
import org.opentokens.powerauth.token.domain.EciesEncryptedRequest;
import org.opentokens.powerauth.token.domain.EciesEncryptedResponse;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.InvalidServerResponseException;
import org.opentokens.powerauth.token.domain.error.ServerRejectedException;
import org.opentokens.powerauth.token.domain.error.ServerUnreachableException;
import org.opentokens.powerauth.token.domain.internal.ecies.EncryptionHeader;
import org.opentokens.powerauth.token.domain.internal.signature.AuthorizationHeader;
import org.opentokens.powerauth.token.port.internal.out.ActivationStatusResponse;
import org.opentokens.powerauth.token.port.internal.out.PowerAuthServer;
import org.opentokens.powerauth.token.port.internal.out.RequestSigner;

/**
 * The {@link PowerAuthServer} double of the service tests: the real {@code /pa/v3} JSON shapes handed to the
 * testkit's in-process PowerAuth emulator (Wultra's server-side crypto), with no sockets. It counts the calls
 * per endpoint, and lets a test look at storage at the moment a signed request leaves.
 */
public final class EmulatorPowerAuthServer implements PowerAuthServer {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final PowerAuthEmulator emulator;
    private volatile Runnable beforeSignedSend = () -> { };

    /** @param emulator the emulator to talk to */
    public EmulatorPowerAuthServer(PowerAuthEmulator emulator) {
        this.emulator = Objects.requireNonNull(emulator, "emulator");
    }

    /** @param hook runs after a request was signed and before it is sent */
    public void beforeSignedSend(Runnable hook) {
        this.beforeSignedSend = Objects.requireNonNull(hook, "hook");
    }

    @Override
    public long fetchServerTime() {
        JsonNode response = object(call("/pa/v3/status", bytes(Map.of()), Map.of()));
        return requiredNumber(response, "serverTime");
    }

    @Override
    public String createTemporaryKey(String requestJwt) {
        JsonNode response = object(call("/pa/v3/keystore/create", bytes(Map.of("requestObject", Map.of("jwt", requestJwt))),
                Map.of()));
        return requiredText(response, "jwt");
    }

    @Override
    public EciesEncryptedResponse createActivation(EciesEncryptedRequest layer1, EncryptionHeader header) {
        return envelope(call("/pa/v3/activation/create", bytes(EnvelopeMaps.toMap(layer1)),
                Map.of(EncryptionHeader.HEADER_NAME, header.value())));
    }

    @Override
    public ActivationStatusResponse fetchActivationStatus(String activationId, String challengeBase64) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("activationId", activationId);
        if (challengeBase64 != null) {
            request.put("challenge", challengeBase64);
        }
        JsonNode response = object(call("/pa/v3/activation/status", bytes(Map.of("requestObject", request)),
                Map.of()));
        JsonNode nonce = response.get("nonce");
        return new ActivationStatusResponse(requiredText(response, "activationId"),
                requiredText(response, "encryptedStatusBlob"), nonce == null || nonce.isNull() ? null : nonce.asText());
    }

    @Override
    public String removeActivation(RequestSigner signer) {
        return requiredText(object(signed("/pa/v3/activation/remove", bytes(Map.of()), signer)), "activationId");
    }

    @Override
    public EciesEncryptedResponse createToken(EciesEncryptedRequest envelope, RequestSigner signer) {
        return envelope(signed("/pa/v3/token/create", bytes(EnvelopeMaps.toMap(envelope)), signer));
    }

    @Override
    public TokenId removeToken(TokenId tokenId, RequestSigner signer) {
        byte[] body = bytes(Map.of("requestObject", Map.of("tokenId", tokenId.value())));
        return TokenId.of(requiredText(object(signed("/pa/v3/token/remove", body, signer)), "tokenId"));
    }

    @Override
    public void validateSignature(String reason, RequestSigner signer) {
        byte[] body = bytes(Map.of("requestObject", Map.of("reason", reason)));
        JsonNode root = tree(signed("/pa/v3/signature/validate", body, signer));
        if (!"OK".equals(root.path("status").asText())) {
            throw new InvalidServerResponseException("response is not OK");
        }
    }

    @Override
    public EciesEncryptedResponse unlockVault(EciesEncryptedRequest envelope, RequestSigner signer) {
        return envelope(signed("/pa/v3/vault/unlock", bytes(EnvelopeMaps.toMap(envelope)), signer));
    }

    @Override
    public EciesEncryptedResponse confirmRecoveryCode(EciesEncryptedRequest envelope, RequestSigner signer) {
        return envelope(signed("/pa/v3/recovery/confirm", bytes(EnvelopeMaps.toMap(envelope)), signer));
    }

    private byte[] signed(String path, byte[] body, RequestSigner signer) {
        AuthorizationHeader header = signer.sign(body);
        beforeSignedSend.run();
        return call(path, body, Map.of(AuthorizationHeader.HEADER_NAME, header.value()));
    }

    private byte[] call(String path, byte[] body, Map<String, String> headers) {
        if (Thread.currentThread().isInterrupted()) {
            throw new ServerUnreachableException("interrupted before sending");
        }
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/json");
        EmulatorResponse response;
        try {
            response = emulator.handle(new EmulatorRequest("POST", path, all, body));
        } catch (EmulatorConnectionResetException e) {
            throw new ServerUnreachableException("connection reset", e);
        }
        if (response.status() / 100 != 2) {
            throw new ServerRejectedException(response.status(), errorCode(response.body()));
        }
        return response.body();
    }

    private static String errorCode(byte[] body) {
        try {
            JsonNode code = MAPPER.readTree(body).path("responseObject").path("code");
            return code.isTextual() ? code.asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static JsonNode object(byte[] body) {
        JsonNode root = tree(body);
        if (!"OK".equals(root.path("status").asText()) || !root.path("responseObject").isObject()) {
            throw new InvalidServerResponseException("response is not an OK responseObject");
        }
        return root.get("responseObject");
    }

    private static EciesEncryptedResponse envelope(byte[] body) {
        JsonNode root = tree(body);
        JsonNode timestamp = root.get("timestamp");
        JsonNode nonce = root.get("nonce");
        return new EciesEncryptedResponse(requiredText(root, "encryptedData"), requiredText(root, "mac"),
                nonce == null || nonce.isNull() ? null : nonce.asText(),
                timestamp == null || timestamp.isNull() ? null : timestamp.asLong());
    }

    private static JsonNode tree(byte[] body) {
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null || !root.isObject()) {
                throw new InvalidServerResponseException("response is not a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new InvalidServerResponseException("response is not JSON", e);
        }
    }

    /** Holds nothing to release: the emulator belongs to the test. */
    @Override
    public void close() {
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new InvalidServerResponseException("response lacks " + field);
        }
        return value.asText();
    }

    private static long requiredNumber(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong()) {
            throw new InvalidServerResponseException("response lacks " + field);
        }
        return value.asLong();
    }

    private static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
