package org.opentokens.powerauth.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptedRequest;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorId;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorParameters;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorScope;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.v3.ServerEncryptorSecrets;
import io.getlime.security.powerauth.crypto.lib.generator.HashBasedCounter;
import io.getlime.security.powerauth.http.PowerAuthEncryptionHttpHeader;
import io.getlime.security.powerauth.http.validator.PowerAuthEncryptionHttpHeaderValidator;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * {@code POST /pa/v3/activation/create} with an activation code ({@code type: CODE}) or a recovery code and PUK
 * ({@code type: RECOVERY}: the recovered activation is REMOVED and a new one of the same user takes its place):
 * two ECIES layers in application scope
 * ({@code /pa/generic/application} outside, {@code /pa/activation} inside), decrypted with the master key
 * (3.0 to 3.2) or an application-scope temporary key (3.3). The activation goes CREATED to PENDING_COMMIT,
 * or straight to ACTIVE with commit-on-key-exchange. An activation set up with an OTP needs the same
 * {@code activationOtp}; the answer carries the sent {@code customAttributes} back, {@code userInfo.sub}, and
 * with recovery codes on, a new recovery code and PUK in layer 2 {@code activationRecovery}.
 */
final class ActivationCreateEndpoint {

    private final EmulatorState state;
    private final Ecies ecies;

    ActivationCreateEndpoint(EmulatorState state, Ecies ecies) {
        this.state = state;
        this.ecies = ecies;
    }

    EmulatorResponse handle(EmulatorRequest request) {
        PowerAuthEncryptionHttpHeader header = encryptionHeader(request);
        String version = header.getVersion();
        ApplicationRecord app = state.applicationByKey(header.getApplicationKey())
                .orElseThrow(EmulatorRejection::encryption);
        JsonNode envelope = Json.parseObject(request.body());
        EncryptedRequest layer1 = ecies.readRequest(envelope, version);
        PrivateKey key = decryptionKey(app, layer1, version);
        EncryptorParameters parameters = new EncryptorParameters(version, app.appKey(), null,
                layer1.getTemporaryKeyId());
        ecies.checkFreshness(layer1, version);
        Ecies.Opened opened1 = ecies.open(EncryptorId.APPLICATION_SCOPE_GENERIC, parameters,
                new ServerEncryptorSecrets(key, app.appSecret()), layer1);
        JsonNode payload1 = parseDecrypted(opened1.plaintext());

        JsonNode identity = payload1.get("identityAttributes");
        String type = Json.optionalText(payload1, "type");
        ServerActivationRecord activation;
        RecoveryRecord recovery = null;
        if ("CODE".equals(type)) {
            String code = identity == null ? null : Json.optionalText(identity, "code");
            activation = state.activationByCode(code).filter(a -> a.application() == app)
                    .orElseThrow(EmulatorRejection::activation);
        } else if ("RECOVERY".equals(type)) {
            String recoveryCode = identity == null ? null : Json.optionalText(identity, "recoveryCode");
            String puk = identity == null ? null : Json.optionalText(identity, "puk");
            recovery = state.recoveryCode(recoveryCode)
                    .filter(r -> r.activation().application() == app && r.confirmed() && r.puk().equals(puk))
                    .orElseThrow(EmulatorRejection::activation);
            activation = null;
        } else {
            throw EmulatorRejection.activation();
        }

        EncryptedRequest layer2 = ecies.readRequest(payload1.get("activationData"), version);
        if (ProtocolVersions.usesTemporaryKeys(version)
                && !layer1.getTemporaryKeyId().equals(layer2.getTemporaryKeyId())) {
            throw EmulatorRejection.encryption();
        }
        ecies.checkFreshness(layer2, version);
        Ecies.Opened opened2 = ecies.open(EncryptorId.ACTIVATION_LAYER_2, parameters,
                new ServerEncryptorSecrets(key, app.appSecret()), layer2);
        JsonNode payload2 = parseDecrypted(opened2.plaintext());
        if (recovery != null) {
            if (!recovery.use()) {
                throw EmulatorRejection.activation();
            }
            // The lost device's activation ends; the user's new one takes its place.
            recovery.activation().state(EmulatorActivationState.REMOVED);
            activation = state.recoveryActivation(recovery.activation());
        }
        String otp = activation.options().otp();
        if (otp != null && !otp.equals(Json.optionalText(payload2, "activationOtp"))) {
            throw EmulatorRejection.activation();
        }
        String devicePublicBase64 = Json.optionalText(payload2, "devicePublicKey");
        PublicKey devicePublic = WultraCrypto.publicKey(
                WultraCrypto.unb64(devicePublicBase64, EmulatorRejection::activation), EmulatorRejection::activation);

        byte[] ctrData = WultraCrypto.internal(() -> new HashBasedCounter().init());
        synchronized (activation) {
            if (activation.state() != EmulatorActivationState.CREATED) {
                throw EmulatorRejection.activation();
            }
            ObjectNode layer2Response = Json.object();
            layer2Response.put("activationId", activation.activationId());
            layer2Response.put("serverPublicKey",
                    WultraCrypto.b64(WultraCrypto.publicKeyBytes(activation.serverKeyPair().getPublic())));
            layer2Response.put("ctrData", WultraCrypto.b64(ctrData));
            if (activation.options().recoveryCode()) {
                RecoveryRecord issued = state.issueRecoveryCode(activation, true);
                layer2Response.putObject("activationRecovery").put("recoveryCode", issued.recoveryCode())
                        .put("puk", issued.puk());
            }
            ObjectNode layer1Response = Json.object();
            layer1Response.set("activationData", ecies.seal(opened2, Json.bytes(layer2Response)));
            JsonNode sentAttributes = payload1.get("customAttributes");
            if (sentAttributes != null && sentAttributes.isObject()) {
                // The activation provider keeps what it was sent and answers it back.
                layer1Response.set("customAttributes", sentAttributes.deepCopy());
            } else {
                layer1Response.putObject("customAttributes");
            }
            layer1Response.putObject("userInfo").put("sub", activation.options().userId());
            ObjectNode body = ecies.seal(opened1, Json.bytes(layer1Response));
            activation.keyExchange(devicePublic, devicePublicBase64, ctrData, version,
                    state.config().commitOnKeyExchange() ? EmulatorActivationState.ACTIVE
                            : EmulatorActivationState.PENDING_COMMIT);
            return Json.response(200, body);
        }
    }

    private static PowerAuthEncryptionHttpHeader encryptionHeader(EmulatorRequest request) {
        String value = request.header(PowerAuthEncryptionHttpHeader.HEADER_NAME);
        if (value == null) {
            throw EmulatorRejection.encryption();
        }
        PowerAuthEncryptionHttpHeader header = new PowerAuthEncryptionHttpHeader().fromValue(value);
        WultraCrypto.client(() -> {
            PowerAuthEncryptionHttpHeaderValidator.validate(header, EncryptorScope.APPLICATION_SCOPE);
            return null;
        }, EmulatorRejection::encryption);
        return header;
    }

    private PrivateKey decryptionKey(ApplicationRecord app, EncryptedRequest layer1, String version) {
        if (ProtocolVersions.usesTemporaryKeys(version)) {
            return state.temporaryKey(layer1.getTemporaryKeyId(), app.appKey(), null).keyPair().getPrivate();
        }
        return app.masterKeyPair().getPrivate();
    }

    private static JsonNode parseDecrypted(byte[] plaintext) {
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
}
