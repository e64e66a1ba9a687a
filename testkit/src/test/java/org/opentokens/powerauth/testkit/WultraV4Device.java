package org.opentokens.powerauth.testkit;

import static org.opentokens.powerauth.testkit.WultraClient.B64;
import static org.opentokens.powerauth.testkit.WultraClient.UNB64;
import static org.opentokens.powerauth.testkit.WultraClient.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wultra.security.powerauth.crypto.client.v4.activation.PowerAuthClientActivation;
import com.wultra.security.powerauth.crypto.client.v4.authentication.PowerAuthClientAuthentication;
import com.wultra.security.powerauth.crypto.client.v4.keyfactory.PowerAuthClientKeyFactory;
import com.wultra.security.powerauth.crypto.client.v4.token.ClientTokenGenerator;
import com.wultra.security.powerauth.crypto.lib.config.AuthenticationCodeConfiguration;
import com.wultra.security.powerauth.crypto.lib.encryptor.model.EncryptorId;
import com.wultra.security.powerauth.crypto.lib.encryptor.model.EncryptorParameters;
import com.wultra.security.powerauth.crypto.lib.enums.PowerAuthCodeType;
import com.wultra.security.powerauth.crypto.lib.enums.ProtocolVersion;
import com.wultra.security.powerauth.crypto.lib.generator.HashBasedCounter;
import com.wultra.security.powerauth.crypto.lib.model.ActivationStatusBlobInfo;
import com.wultra.security.powerauth.crypto.lib.v4.encryptor.aead.ClientAeadEncryptor;
import com.wultra.security.powerauth.crypto.lib.v4.encryptor.model.request.AeadEncryptedRequest;
import com.wultra.security.powerauth.crypto.lib.v4.model.context.SharedSecretAlgorithm;
import com.wultra.security.powerauth.http.PowerAuthAuthorizationHttpHeader;
import com.wultra.security.powerauth.http.PowerAuthEncryptionHttpHeader;
import com.wultra.security.powerauth.http.PowerAuthHttpBody;
import com.wultra.security.powerauth.http.PowerAuthTokenHttpHeader;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** One 4.0 activation on the Wultra 2.0.1 client side: its secret, counter and server keys. */
final class WultraV4Device {

    private static final PowerAuthClientKeyFactory KEYS = new PowerAuthClientKeyFactory();

    final WultraV4Client client;
    final String activationId;
    final SecretKey activationSecret;
    final KeyPair deviceEc;
    final KeyPair deviceMl;
    final PublicKey serverEc;
    final PublicKey serverMl;
    private byte[] ctrData;

    WultraV4Device(WultraV4Client client, String activationId, SecretKey activationSecret, byte[] ctrData,
            KeyPair deviceEc, KeyPair deviceMl, PublicKey serverEc, PublicKey serverMl) {
        this.client = client;
        this.activationId = activationId;
        this.activationSecret = activationSecret;
        this.ctrData = ctrData;
        this.deviceEc = deviceEc;
        this.deviceMl = deviceMl;
        this.serverEc = serverEc;
        this.serverMl = serverMl;
    }

    /** A token the server issued. */
    record IssuedToken(String tokenId, byte[] secret) {
    }

    byte[] ctrData() {
        return ctrData.clone();
    }

    /** The activation-scope temporary key, verified with the activation's server keys. */
    WultraV4Client.TemporaryKey activationTemporaryKey() {
        SecretKey macKey = call(() -> KEYS.generateKeyMacGetActTempKey(activationSecret));
        return client.temporaryKey(activationId, macKey, serverEc, serverMl);
    }

    /** The fingerprint the Wultra client shows for this activation. */
    String fingerprint() {
        PowerAuthClientActivation activation = new PowerAuthClientActivation();
        return client.algorithm == SharedSecretAlgorithm.EC_P384
                ? call(() -> activation.computeActivationEcFingerprint(deviceEc.getPublic(), serverEc, activationId))
                : call(() -> activation.computeActivationHybridFingerprint(client.algorithm, deviceEc.getPublic(),
                        deviceMl.getPublic(), serverEc, serverMl, activationId));
    }

    /** Status over the AEAD, its MAC checked; the blob as Wultra's client reads it. */
    ActivationStatusBlobInfo status() {
        WultraV4Client.TemporaryKey key = activationTemporaryKey();
        ClientAeadEncryptor encryptor = client.encryptor(EncryptorId.ACTIVATION_SCOPE_GENERIC, parameters(key),
                key.envelopeKey(), call(() -> KEYS.generateSharedInfo2Key(activationSecret)).getEncoded());
        AeadEncryptedRequest request = call(() -> encryptor.encryptRequest(TestJson.utf8("{}")));
        EmulatorResponse response = client.post("/pa/v4/activation/status", Map.of(
                PowerAuthEncryptionHttpHeader.HEADER_NAME, new PowerAuthEncryptionHttpHeader(client.app.appKey(),
                        activationId, WultraV4Client.VERSION).buildHttpHeader()),
                TestJson.bytes(WultraV4Client.envelope(request)));
        if (response.status() != 200) {
            throw new IllegalStateException("activation/status: " + response.status() + " " + response.bodyText());
        }
        JsonNode payload = TestJson.read(call(() -> encryptor.decryptResponse(
                WultraV4Client.response(TestJson.read(response)))));
        byte[] both = UNB64.decode(payload.path("activationStatus").asText());
        byte[] blob = Arrays.copyOfRange(both, 0, 48);
        byte[] mac = Arrays.copyOfRange(both, 48, 80);
        PowerAuthClientActivation activation = new PowerAuthClientActivation();
        boolean macOk = call(() -> activation.verifyStatusMac(blob, mac, KEYS.generateKeyMacStatus(activationSecret),
                ProtocolVersion.V40));
        if (both.length != 80 || !macOk) {
            throw new IllegalStateException("status MAC does not verify");
        }
        return activation.getStatusFromBlob(blob);
    }

    /** @return whether the status blob's counter hash is the hash of this client's current CTR_DATA */
    boolean counterMatches(ActivationStatusBlobInfo info) {
        return call(() -> new PowerAuthClientActivation().verifyHashForHashBasedCounter(info.getCtrDataHash(),
                ctrData, KEYS.generateKeyMacCtrData(activationSecret), ProtocolVersion.V40));
    }

    /** {@code X-PowerAuth-Authorization} over the body; advances the counter. A wrong knowledge key if asked. */
    String authorization(String method, String uriId, PowerAuthCodeType type, byte[] body, boolean wrongKnowledge) {
        byte[] nonce = WultraCrypto.randomBytes(16);
        String data = PowerAuthHttpBody.getAuthenticationBaseString(method, uriId, nonce, body) + "&"
                + client.app.appSecret();
        List<SecretKey> keys = wrongKnowledge
                ? KEYS.keysForAuthenticationCodeType(type, call(() -> KEYS.generatePossessionFactorKey(activationSecret)),
                        new SecretKeySpec(WultraCrypto.randomBytes(32), "AES"),
                        call(() -> KEYS.generateBiometryFactorKey(activationSecret)))
                : call(() -> KEYS.keysForAuthenticationCodeType(type, activationSecret));
        byte[] counter = ctrData;
        String code = call(() -> new PowerAuthClientAuthentication().computeAuthCode(
                data.getBytes(StandardCharsets.UTF_8), keys, counter, AuthenticationCodeConfiguration.base64()));
        ctrData = call(() -> new HashBasedCounter(WultraV4Client.VERSION).next(counter));
        // Wultra's constructor order: activation ID, application key, code, code type, nonce, version.
        return new PowerAuthAuthorizationHttpHeader(activationId, client.app.appKey(), code,
                type.toString().toLowerCase(java.util.Locale.ROOT), B64.encodeToString(nonce), WultraV4Client.VERSION)
                .buildHttpHeader();
    }

    /** A signed POST with a wrapped body. */
    EmulatorResponse signed(String path, String uriId, PowerAuthCodeType type, ObjectNode requestObject,
            boolean wrongKnowledge) {
        byte[] body = TestJson.wrapped(requestObject);
        return client.post(path, Map.of(PowerAuthAuthorizationHttpHeader.HEADER_NAME,
                authorization("POST", uriId, type, body, wrongKnowledge)), body);
    }

    EmulatorResponse confirm() {
        return signed("/pa/v4/activation/confirm", "/pa/activation/confirm", PowerAuthCodeType.POSSESSION_KNOWLEDGE,
                TestJson.object().put("enableBiometry", false), false);
    }

    EmulatorResponse validate(PowerAuthCodeType type, boolean wrongKnowledge) {
        return signed("/pa/v4/auth/validate", "/pa/auth/validate", type, TestJson.object(), wrongKnowledge);
    }

    /** Token create: activation-scope AEAD, signed over the encrypted body. */
    IssuedToken createToken(PowerAuthCodeType type) {
        WultraV4Client.TemporaryKey key = activationTemporaryKey();
        ClientAeadEncryptor encryptor = client.encryptor(EncryptorId.CREATE_TOKEN, parameters(key), key.envelopeKey(),
                call(() -> KEYS.generateSharedInfo2Key(activationSecret)).getEncoded());
        AeadEncryptedRequest request = call(() -> encryptor.encryptRequest(TestJson.utf8("{}")));
        byte[] body = TestJson.bytes(WultraV4Client.envelope(request));
        EmulatorResponse response = client.post("/pa/v4/token/create", Map.of(
                PowerAuthAuthorizationHttpHeader.HEADER_NAME, authorization("POST", "/pa/token/create", type, body,
                        false)), body);
        if (response.status() != 200) {
            throw new IllegalStateException("token/create: " + response.status() + " " + response.bodyText());
        }
        JsonNode payload = TestJson.read(call(() -> encryptor.decryptResponse(
                WultraV4Client.response(TestJson.read(response)))));
        return new IssuedToken(payload.path("tokenId").asText(), UNB64.decode(payload.path("tokenSecret").asText()));
    }

    /** A 4.0 token header built by Wultra's client generator at this timestamp. */
    static String tokenHeader(IssuedToken token, long timestampMs) {
        ClientTokenGenerator generator = new ClientTokenGenerator();
        byte[] nonce = call(generator::generateTokenNonce);
        return tokenHeader(token, timestampMs, nonce);
    }

    static String tokenHeader(IssuedToken token, long timestampMs, byte[] nonce) {
        ClientTokenGenerator generator = new ClientTokenGenerator();
        byte[] timestamp = String.valueOf(timestampMs).getBytes(StandardCharsets.UTF_8);
        byte[] digest = call(() -> generator.computeTokenDigest(nonce, timestamp, WultraV4Client.VERSION,
                token.secret()));
        return new PowerAuthTokenHttpHeader(token.tokenId(), B64.encodeToString(digest), B64.encodeToString(nonce),
                String.valueOf(timestampMs), WultraV4Client.VERSION).buildHttpHeader();
    }

    EmulatorResponse getResource(String path, String tokenHeader) {
        return client.transport.exchange(new EmulatorRequest("GET", path,
                Map.of(PowerAuthTokenHttpHeader.HEADER_NAME, tokenHeader), null));
    }

    private EncryptorParameters parameters(WultraV4Client.TemporaryKey key) {
        return new EncryptorParameters(WultraV4Client.VERSION, client.app.appKey(), activationId, key.keyId());
    }
}
