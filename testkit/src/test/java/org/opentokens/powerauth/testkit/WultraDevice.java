package org.opentokens.powerauth.testkit;

import static org.opentokens.powerauth.testkit.WultraClient.B64;
import static org.opentokens.powerauth.testkit.WultraClient.UNB64;
import static org.opentokens.powerauth.testkit.WultraClient.call;

import com.fasterxml.jackson.databind.JsonNode;
import io.getlime.security.powerauth.crypto.client.activation.PowerAuthClientActivation;
import io.getlime.security.powerauth.crypto.client.keyfactory.PowerAuthClientKeyFactory;
import io.getlime.security.powerauth.crypto.client.signature.PowerAuthClientSignature;
import io.getlime.security.powerauth.crypto.client.token.ClientTokenGenerator;
import io.getlime.security.powerauth.crypto.lib.config.SignatureConfiguration;
import io.getlime.security.powerauth.crypto.lib.encryptor.ClientEncryptor;
import io.getlime.security.powerauth.crypto.lib.encryptor.EncryptorFactory;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptedRequest;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorId;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorParameters;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.v3.ClientEncryptorSecrets;
import io.getlime.security.powerauth.crypto.lib.enums.PowerAuthSignatureFormat;
import io.getlime.security.powerauth.crypto.lib.enums.PowerAuthSignatureTypes;
import io.getlime.security.powerauth.crypto.lib.generator.HashBasedCounter;
import io.getlime.security.powerauth.crypto.lib.generator.KeyGenerator;
import io.getlime.security.powerauth.crypto.lib.model.ActivationStatusBlobInfo;
import io.getlime.security.powerauth.crypto.lib.util.KeyConvertor;
import io.getlime.security.powerauth.http.PowerAuthHttpBody;
import io.getlime.security.powerauth.http.PowerAuthSignatureHttpHeader;
import io.getlime.security.powerauth.http.PowerAuthTokenHttpHeader;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;

/** An activated test device on Wultra's client classes: status, signatures, tokens. */
final class WultraDevice {

    final WultraClient client;
    final String version;
    final String activationId;
    final PublicKey serverPublicKey;
    final SecretKey possession;
    final SecretKey knowledge;
    final SecretKey biometry;
    final SecretKey transport;
    private byte[] ctrData;
    private int signaturesComputed;

    private WultraDevice(WultraClient client, String version, String activationId, PublicKey serverPublicKey,
            SecretKey master, byte[] ctrData) {
        PowerAuthClientKeyFactory keys = new PowerAuthClientKeyFactory();
        this.client = client;
        this.version = version;
        this.activationId = activationId;
        this.serverPublicKey = serverPublicKey;
        this.possession = call(() -> keys.generateClientSignaturePossessionKey(master));
        this.knowledge = call(() -> keys.generateClientSignatureKnowledgeKey(master));
        this.biometry = call(() -> keys.generateClientSignatureBiometryKey(master));
        this.transport = call(() -> keys.generateServerTransportKey(master));
        this.ctrData = ctrData;
    }

    static WultraDevice fromActivation(WultraClient client, String version, KeyPair deviceKeys, JsonNode layer2) {
        PublicKey serverPublic = call(() -> new KeyConvertor().convertBytesToPublicKey(
                UNB64.decode(layer2.path("serverPublicKey").asText())));
        SecretKey master = call(() -> new PowerAuthClientKeyFactory().generateClientMasterSecretKey(
                deviceKeys.getPrivate(), serverPublic));
        return new WultraDevice(client, version, layer2.path("activationId").asText(), serverPublic, master,
                UNB64.decode(layer2.path("ctrData").asText()));
    }

    /** The X-PowerAuth-Authorization value for this request; the counter advances as in the SDK. */
    String signatureHeader(String method, String uriId, byte[] body, PowerAuthSignatureTypes type) {
        return signatureHeader(method, uriId, body, type, knowledge);
    }

    /** The same with a wrong knowledge key: what a wrong PIN produces. */
    String signatureHeaderWithWrongPassword(String method, String uriId, byte[] body, PowerAuthSignatureTypes type) {
        return signatureHeader(method, uriId, body, type, call(() -> new KeyGenerator().generateRandomSecretKey()));
    }

    private String signatureHeader(String method, String uriId, byte[] body, PowerAuthSignatureTypes type,
            SecretKey knowledgeKey) {
        byte[] nonce = call(() -> new KeyGenerator().generateRandomBytes(16));
        String data = PowerAuthHttpBody.getSignatureBaseString(method, uriId, nonce, body) + "&"
                + client.app.appSecret();
        List<SecretKey> keys = new PowerAuthClientKeyFactory().keysForSignatureType(type, possession, knowledgeKey,
                biometry);
        SignatureConfiguration configuration = call(() -> SignatureConfiguration.forFormat(
                PowerAuthSignatureFormat.getFormatForSignatureVersion(version)));
        String signature = call(() -> new PowerAuthClientSignature().signatureForData(TestJson.utf8(data), keys,
                ctrData, configuration));
        skipSignatures(1);
        return new PowerAuthSignatureHttpHeader(activationId, client.app.appKey(), signature, type.toString(),
                B64.encodeToString(nonce), version).buildHttpHeader();
    }

    /** Advances the local counter as if signatures were computed and never sent. */
    void skipSignatures(int n) {
        for (int i = 0; i < n; i++) {
            ctrData = new HashBasedCounter().next(ctrData);
            signaturesComputed++;
        }
    }

    byte[] ctrData() {
        return ctrData.clone();
    }

    int signaturesComputed() {
        return signaturesComputed;
    }

    EmulatorResponse signedPost(String path, String uriId, byte[] body, PowerAuthSignatureTypes type) {
        String header = signatureHeader("POST", uriId, body, type);
        return client.post(path, Map.of(PowerAuthSignatureHttpHeader.HEADER_NAME, header), body);
    }

    /** Fetches and decrypts the status blob; 3.0 sends no challenge. */
    ActivationStatusBlobInfo status() {
        byte[] challenge = "3.0".equals(version) ? null : call(() -> new KeyGenerator().generateRandomBytes(16));
        EmulatorResponse response = statusRaw(challenge);
        if (response.status() != 200) {
            throw new IllegalStateException("status failed: " + response.bodyText());
        }
        JsonNode responseObject = TestJson.read(response).path("responseObject");
        byte[] blob = UNB64.decode(responseObject.path("encryptedStatusBlob").asText());
        byte[] nonce = responseObject.hasNonNull("nonce") ? UNB64.decode(responseObject.get("nonce").asText()) : null;
        return call(() -> new PowerAuthClientActivation().getStatusFromEncryptedBlob(blob, challenge, nonce,
                transport));
    }

    EmulatorResponse statusRaw(byte[] challenge) {
        var requestObject = TestJson.object().put("activationId", activationId);
        if (challenge != null) {
            requestObject.put("challenge", B64.encodeToString(challenge));
        }
        return client.post("/pa/v3/activation/status", Map.of(), TestJson.wrapped(requestObject));
    }

    /** A token issued to this device. */
    record IssuedToken(String tokenId, byte[] secret) {
    }

    /** Encrypts {@code {}} for token create (activation scope; 3.3 through a temporary key). */
    ClientEncryptor tokenEncryptor() {
        String temporaryKeyId = null;
        PublicKey encryptionKey = serverPublicKey;
        if ("3.3".equals(version)) {
            WultraClient.TemporaryKey key = client.temporaryKey(activationId, transport, serverPublicKey);
            temporaryKeyId = key.keyId();
            encryptionKey = key.publicKey();
        }
        EncryptorParameters parameters = new EncryptorParameters(version, client.app.appKey(), activationId,
                temporaryKeyId);
        ClientEncryptorSecrets secrets = new ClientEncryptorSecrets(encryptionKey, client.app.appSecret(),
                new KeyConvertor().convertSharedSecretKeyToBytes(transport));
        return call(() -> new EncryptorFactory().getClientEncryptor(EncryptorId.CREATE_TOKEN, parameters, secrets));
    }

    EmulatorResponse createTokenRaw(ClientEncryptor encryptor, PowerAuthSignatureTypes type) {
        EncryptedRequest request = call(() -> encryptor.encryptRequest(TestJson.utf8("{}")));
        byte[] body = TestJson.bytes(TestJson.envelope(request));
        return signedPost("/pa/v3/token/create", "/pa/token/create", body, type);
    }

    IssuedToken createToken(PowerAuthSignatureTypes type) {
        ClientEncryptor encryptor = tokenEncryptor();
        EmulatorResponse response = createTokenRaw(encryptor, type);
        if (response.status() != 200) {
            throw new IllegalStateException("token create failed: " + response.status() + " " + response.bodyText());
        }
        JsonNode payload = TestJson.read(call(() -> encryptor.decryptResponse(
                TestJson.encryptedResponse(TestJson.read(response)))));
        return new IssuedToken(payload.path("tokenId").asText(), UNB64.decode(payload.path("tokenSecret").asText()));
    }

    EmulatorResponse removeToken(String tokenId) {
        byte[] body = TestJson.wrapped(TestJson.object().put("tokenId", tokenId));
        return signedPost("/pa/v3/token/remove", "/pa/token/remove", body, PowerAuthSignatureTypes.POSSESSION);
    }

    EmulatorResponse removeActivation(PowerAuthSignatureTypes type) {
        return signedPost("/pa/v3/activation/remove", "/pa/activation/remove", TestJson.utf8("{}"), type);
    }

    EmulatorResponse validateSignature(PowerAuthSignatureTypes type) {
        return signedPost("/pa/v3/signature/validate", "/pa/signature/validate", TestJson.utf8("{}"), type);
    }

    /** An X-PowerAuth-Token header computed by Wultra's client token generator. */
    static String tokenHeader(IssuedToken token, String version, long timestampMs) {
        ClientTokenGenerator generator = new ClientTokenGenerator();
        byte[] nonce = call(generator::generateTokenNonce);
        byte[] timestamp = TestJson.utf8(Long.toString(timestampMs));
        byte[] digest = call(() -> generator.computeTokenDigest(nonce, timestamp, version, token.secret()));
        return new PowerAuthTokenHttpHeader(token.tokenId(), B64.encodeToString(digest), B64.encodeToString(nonce),
                Long.toString(timestampMs), version).buildHttpHeader();
    }

    /** GET of the resource that accepts any possession-based token. */
    EmulatorResponse getResource(String tokenHeader) {
        return getResource(PowerAuthEmulator.POSSESSION_RESOURCE_PATH, tokenHeader);
    }

    EmulatorResponse getResource(String path, String tokenHeader) {
        return client.transport.exchange(new EmulatorRequest("GET", path,
                Map.of(PowerAuthTokenHttpHeader.HEADER_NAME, tokenHeader), null));
    }
}
