package org.opentokens.powerauth.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wultra.security.powerauth.crypto.lib.encryptor.model.EncryptorId;
import com.wultra.security.powerauth.crypto.lib.encryptor.model.EncryptorParameters;
import com.wultra.security.powerauth.crypto.lib.encryptor.model.EncryptorScope;
import com.wultra.security.powerauth.crypto.lib.generator.HashBasedCounter;
import com.wultra.security.powerauth.crypto.lib.v4.encryptor.model.request.AeadEncryptedRequest;
import com.wultra.security.powerauth.crypto.lib.v4.model.context.SharedSecretAlgorithm;
import com.wultra.security.powerauth.crypto.lib.v4.model.request.DefaultSharedSecretRequest;
import com.wultra.security.powerauth.crypto.lib.v4.model.response.DefaultSharedSecretResponse;
import com.wultra.security.powerauth.crypto.lib.v4.model.response.ResponseCryptogram;
import com.wultra.security.powerauth.crypto.lib.v4.sharedsecret.SharedSecretFactory;
import com.wultra.security.powerauth.http.PowerAuthEncryptionHttpHeader;
import com.wultra.security.powerauth.http.validator.PowerAuthEncryptionHttpHeaderValidator;
import java.io.IOException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /pa/v4/activation/create} with an activation code: two AEAD layers in application scope
 * ({@code /pa/generic/application} outside, {@code /pa/activation} inside), both under the same
 * application-scope temporary key. The inner layer's {@code sharedSecretRequest} is answered with Wultra's
 * {@code SharedSecretFactory}, whose secret becomes KEY_ACTIVATION_SECRET; the server makes its P-384 key pair
 * (and an ML-DSA one for the hybrids) and the initial 32-byte CTR_DATA. The activation goes CREATED to
 * PENDING_COMMIT (or straight to ACTIVE with commit-on-key-exchange), with the confirmation-pending flag set until
 * the client calls {@code /pa/v4/activation/confirm}. An activation set up with an OTP needs the same
 * {@code activationOtp} in the inner layer. Envelope failures are 400 {@code ERR_ENCRYPTION} (a temporary
 * key problem {@code ERR_TEMPORARY_KEY}), payload and code failures 400 {@code ERR_ACTIVATION}.
 */
final class V4ActivationCreateEndpoint {

    private final EmulatorState state;
    private final V4Aead aead;

    V4ActivationCreateEndpoint(EmulatorState state, V4Aead aead) {
        this.state = state;
        this.aead = aead;
    }

    EmulatorResponse handle(EmulatorRequest request) {
        PowerAuthEncryptionHttpHeader header = encryptionHeader(request,
                EncryptorScope.APPLICATION_SCOPE);
        ApplicationRecord app = state.applicationByKey(header.getApplicationKey())
                .orElseThrow(EmulatorRejection::encryption);
        AeadEncryptedRequest layer1 = V4Aead.readRequest(Json.parseObject(request.body()));
        V4TemporaryKeyRecord key = state.v4TemporaryKey(layer1.getTemporaryKeyId(), app.appKey(), null);
        EncryptorParameters parameters = new EncryptorParameters(V4Crypto.VERSION, app.appKey(), null,
                key.keyId());
        aead.checkFreshness(layer1);
        V4Aead.Opened opened1 = aead.open(EncryptorId.APPLICATION_SCOPE_GENERIC, parameters, key.envelopeKey(),
                app.appSecret(), null, layer1);
        JsonNode payload1 = parseDecrypted(opened1.plaintext());

        JsonNode identity = payload1.get("identityAttributes");
        String code = identity == null ? null : Json.optionalText(identity, "code");
        if (!"CODE".equals(Json.optionalText(payload1, "type")) || code == null) {
            throw EmulatorRejection.activation();
        }
        ServerActivationRecord activation = state.activationByCode(code).filter(a -> a.application() == app)
                .orElseThrow(EmulatorRejection::activation);

        AeadEncryptedRequest layer2 = V4Aead.readRequest(payload1.get("activationData"));
        if (!key.keyId().equals(layer2.getTemporaryKeyId())) {
            throw EmulatorRejection.encryption();
        }
        aead.checkFreshness(layer2);
        V4Aead.Opened opened2 = aead.open(EncryptorId.ACTIVATION_LAYER_2, parameters, key.envelopeKey(),
                app.appSecret(), null, layer2);
        JsonNode payload2 = parseDecrypted(opened2.plaintext());

        JsonNode kemRequest = payload2.get("sharedSecretRequest");
        SharedSecretAlgorithm algorithm = kemRequest == null ? null
                : V4Crypto.offeredAlgorithm(Json.optionalText(kemRequest, "algorithm"));
        List<String> encapsulationKeys = kemRequest == null ? null : texts(kemRequest.get("encapsulationKeys"));
        JsonNode deviceKeys = payload2.get("devicePublicKeys");
        if (algorithm == null || encapsulationKeys == null || deviceKeys == null || !deviceKeys.isObject()) {
            throw EmulatorRejection.activation();
        }
        String otp = activation.options().otp();
        if (otp != null && !otp.equals(Json.optionalText(payload2, "activationOtp"))) {
            throw EmulatorRejection.activation();
        }
        String deviceEc = Json.optionalText(deviceKeys, "ecdsa");
        V4Crypto.ecPublicKey(WultraCrypto.unb64(deviceEc, EmulatorRejection::activation),
                EmulatorRejection::activation);
        String deviceMl = Json.optionalText(deviceKeys, "mldsa");
        if (V4Crypto.hybrid(algorithm)) {
            V4Crypto.mlDsaPublicKey(WultraCrypto.unb64(deviceMl, EmulatorRejection::activation),
                    EmulatorRejection::activation);
        } else {
            deviceMl = null;
        }
        ResponseCryptogram cryptogram = WultraCrypto.client(() -> SharedSecretFactory.forAlgorithm(algorithm)
                .generateResponseCryptogram(new DefaultSharedSecretRequest(algorithm, encapsulationKeys)),
                EmulatorRejection::activation);
        DefaultSharedSecretResponse kemResponse = (DefaultSharedSecretResponse) cryptogram.getSharedSecretResponse();
        KeyPair serverEc = V4Crypto.newEcKeyPair();
        KeyPair serverMl = V4Crypto.hybrid(algorithm) ? V4Crypto.newMlDsaKeyPair(algorithm) : null;
        byte[] ctrData = WultraCrypto.internal(() -> new HashBasedCounter(V4Crypto.VERSION).init());

        synchronized (activation) {
            if (activation.state() != EmulatorActivationState.CREATED) {
                throw EmulatorRejection.activation();
            }
            ObjectNode layer2Response = Json.object();
            layer2Response.put("activationId", activation.activationId());
            ObjectNode kem = layer2Response.putObject("sharedSecretResponse");
            kem.put("salt", kemResponse.getSalt());
            kemResponse.getEncapsulatedKeys().forEach(kem.putArray("encapsulatedKeys")::add);
            ObjectNode serverKeys = layer2Response.putObject("serverPublicKeys");
            serverKeys.put("ecdsa", WultraCrypto.b64(V4Crypto.ecPublicKeyBytes(serverEc.getPublic())));
            if (serverMl != null) {
                serverKeys.put("mldsa", WultraCrypto.b64(serverMl.getPublic().getEncoded()));
            }
            layer2Response.put("ctrData", WultraCrypto.b64(ctrData));
            ObjectNode layer1Response = Json.object();
            layer1Response.set("activationData", aead.seal(opened2, Json.bytes(layer2Response)));
            layer1Response.putObject("customAttributes");
            layer1Response.putNull("userInfo");
            ObjectNode body = aead.seal(opened1, Json.bytes(layer1Response));
            activation.keyExchangeV4(new V4ActivationKeys(algorithm, cryptogram.getSecretKey(), serverEc, serverMl,
                    deviceEc, deviceMl), ctrData, state.config().commitOnKeyExchange()
                            ? EmulatorActivationState.ACTIVE : EmulatorActivationState.PENDING_COMMIT);
            return Json.response(200, body);
        }
    }

    /** The {@code X-PowerAuth-Encryption} header of a 4.0 request, checked by Wultra's validator for the scope. */
    static PowerAuthEncryptionHttpHeader encryptionHeader(EmulatorRequest request, EncryptorScope scope) {
        String value = request.header(PowerAuthEncryptionHttpHeader.HEADER_NAME);
        if (value == null) {
            throw EmulatorRejection.encryption();
        }
        PowerAuthEncryptionHttpHeader header = new PowerAuthEncryptionHttpHeader().fromValue(value);
        WultraCrypto.client(() -> {
            PowerAuthEncryptionHttpHeaderValidator.validate(header, scope);
            return null;
        }, EmulatorRejection::encryption);
        if (!V4Crypto.VERSION.equals(header.getVersion())) {
            throw EmulatorRejection.encryption();
        }
        return header;
    }

    static JsonNode parseDecrypted(byte[] plaintext) {
        try {
            JsonNode node = Json.MAPPER.readTree(plaintext);
            if (node == null || !node.isObject()) {
                throw EmulatorRejection.activation();
            }
            return node;
        } catch (IOException e) {
            throw EmulatorRejection.activation();
        }
    }

    static List<String> texts(JsonNode array) {
        if (array == null || !array.isArray() || array.isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                return null;
            }
            out.add(item.asText());
        }
        return out;
    }
}
