package org.opentokens.powerauth.token.application.internal.activation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.opentokens.powerauth.token.application.internal.PowerAuthConfiguration;
import org.opentokens.powerauth.token.application.internal.json.EnvelopeMaps;
import org.opentokens.powerauth.token.application.internal.json.JsonFields;
import org.opentokens.powerauth.token.application.internal.json.ServerData;
import org.opentokens.powerauth.token.application.internal.keystore.TemporaryKeyProvider;
import org.opentokens.powerauth.token.application.internal.time.TimeSynchronizationService;
import org.opentokens.powerauth.token.domain.EciesEncryptedRequest;
import org.opentokens.powerauth.token.domain.EciesEncryptedResponse;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.InvalidActivationCodeException;
import org.opentokens.powerauth.token.domain.error.InvalidServerResponseException;
import org.opentokens.powerauth.token.domain.internal.activation.ActivationCode;
import org.opentokens.powerauth.token.domain.internal.activation.ActivationFingerprint;
import org.opentokens.powerauth.token.domain.internal.counter.HashCounter;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.crypto.EcKeyPair;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPublicKey;
import org.opentokens.powerauth.token.domain.internal.crypto.P256;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesEncryptor;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesEncryptorId;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesParameters;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesSecrets;
import org.opentokens.powerauth.token.domain.internal.ecies.EncryptionHeader;
import org.opentokens.powerauth.token.port.in.PowerAuthActivation;
import org.opentokens.powerauth.token.port.in.PowerAuthRecoveryData;
import org.opentokens.powerauth.token.port.internal.out.JsonCodec;
import org.opentokens.powerauth.token.port.internal.out.PowerAuthServer;
import org.opentokens.powerauth.token.port.out.RandomSource;

/**
 * The client side of {@code /pa/v3/activation/create}: a new device key pair, the layer-2 request inside the
 * layer-1 request, both encrypted in application scope, and the two-layer answer decrypted and checked.
 */
final class ActivationCreation {
    private final PowerAuthConfiguration configuration;
    private final PowerAuthServer server;
    private final JsonCodec json;
    private final RandomSource random;
    private final TimeSynchronizationService time;
    private final TemporaryKeyProvider temporaryKeys;
    private final Clock clock;

    ActivationCreation(PowerAuthConfiguration configuration, PowerAuthServer server, JsonCodec json,
            RandomSource random, TimeSynchronizationService time, TemporaryKeyProvider temporaryKeys, Clock clock) {
        this.configuration = configuration;
        this.server = server;
        this.json = json;
        this.random = random;
        this.time = time;
        this.temporaryKeys = temporaryKeys;
        this.clock = clock;
    }

    /**
     * Parses the code, verifying its signature when the QR payload carries one; a recovery code has the same
     * form, and its PUK must be 10 digits.
     */
    ActivationCode parseCode(PowerAuthActivation activation) {
        if (activation.isRecovery()) {
            String puk = activation.recoveryPuk().orElseThrow();
            if (!puk.matches("[0-9]{10}")) {
                throw new InvalidActivationCodeException(InvalidActivationCodeException.Reason.FORMAT,
                        "a recovery PUK is 10 digits");
            }
            return ActivationCode.parse(activation.activationCode());
        }
        return parseCode(activation.activationCode());
    }

    /** Parses the code, verifying its signature when the QR payload carries one. */
    ActivationCode parseCode(String text) {
        Objects.requireNonNull(text, "activationCode");
        return text.indexOf('#') >= 0
                ? ActivationCode.parseWithSignature(text, configuration.masterServerPublicKey())
                : ActivationCode.parse(text);
    }

    PendingActivation create(ActivationCode code, PowerAuthActivation request) {
        EcKeyPair deviceKeys = P256.generateKeyPair(random.secureRandom());
        ProtocolVersion version = configuration.protocolVersion();
        byte[] layer2 = json.write(layer2Request(deviceKeys.publicKey(), request));
        if (version.usesTemporaryKeys()) {
            return temporaryKeys.withApplicationKey(key -> exchange(key.eciesParameters(), key.publicKey(), code,
                    request, layer2, deviceKeys));
        }
        if (version.usesEciesTimestamp()) {
            time.ensureSynchronized(server::fetchServerTime);
        }
        EciesParameters parameters = new EciesParameters(version, configuration.applicationKey(), null, null);
        return exchange(parameters, configuration.masterServerPublicKey(), code, request, layer2, deviceKeys);
    }

    private PendingActivation exchange(EciesParameters parameters, EcPublicKey encryptionKey, ActivationCode code,
            PowerAuthActivation request, byte[] layer2Plain, EcKeyPair deviceKeys) {
        EciesSecrets secrets = EciesSecrets.forApplication(encryptionKey, configuration.applicationSecret());
        try {
            EciesEncryptor layer2 = EciesEncryptor.create(EciesEncryptorId.ACTIVATION_LAYER_2, parameters, secrets);
            EciesEncryptor layer1 = EciesEncryptor.create(EciesEncryptorId.APPLICATION_SCOPE_GENERIC, parameters,
                    secrets);
            long timestamp = time.estimatedServerTimeMs();
            EciesEncryptedRequest inner = layer2.encryptRequest(layer2Plain, random.secureRandom(), timestamp);
            Map<String, Object> outer = new LinkedHashMap<>();
            if (request.isRecovery()) {
                outer.put("type", "RECOVERY");
                Map<String, Object> identity = new LinkedHashMap<>();
                identity.put("recoveryCode", code.code());
                identity.put("puk", request.recoveryPuk().orElseThrow());
                outer.put("identityAttributes", identity);
            } else {
                outer.put("type", "CODE");
                outer.put("identityAttributes", Map.of("code", code.code()));
            }
            if (!request.customAttributes().isEmpty()) {
                outer.put("customAttributes", request.customAttributes());
            }
            outer.put("activationData", EnvelopeMaps.toMap(inner));
            EciesEncryptedRequest envelope = layer1.encryptRequest(json.write(outer), random.secureRandom(),
                    timestamp);
            long start = clock.millis();
            EciesEncryptedResponse response = server.createActivation(envelope, EncryptionHeader.of(parameters));
            long end = clock.millis();
            byte[] layer1Plain = decrypt(layer1, response);
            // Only an authenticated (MAC-checked) response timestamp may move the clock.
            EnvelopeMaps.applyResponseTimestamp(time, response, start, end);
            JsonFields layer1Response = JsonFields.parse(json, layer1Plain, "activation layer 1 response");
            EciesEncryptedResponse innerResponse = EnvelopeMaps.responseFrom(layer1Response.object("activationData"));
            JsonFields layer2Response = JsonFields.parse(json, decrypt(layer2, innerResponse),
                    "activation layer 2 response");
            return pending(layer2Response, deviceKeys).withAnswer(jsonObject(layer1Response, "customAttributes"),
                    jsonObject(layer1Response, "userInfo"), recovery(layer2Response));
        } finally {
            secrets.destroy();
        }
    }

    private PendingActivation pending(JsonFields response, EcKeyPair deviceKeys) {
        String activationId = response.string("activationId");
        return ServerData.orInvalidResponse("activation layer 2 response has an invalid field", () -> {
            EcPublicKey serverKey = EcPublicKey.fromBase64(response.string("serverPublicKey"));
            HashCounter counter = HashCounter.fromBase64(response.string("ctrData"));
            if (activationId.isBlank() || activationId.length() > 64) {
                throw new InvalidServerResponseException("activation layer 2 response has an invalid activationId");
            }
            String fingerprint = ActivationFingerprint.compute(deviceKeys.publicKey(), serverKey, activationId);
            return new PendingActivation(activationId, deviceKeys, serverKey, counter, fingerprint);
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonObject(JsonFields fields, String name) {
        Object value = fields.raw(name);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidServerResponseException("activation layer 1 response field " + name
                    + " is not an object");
        }
        return (Map<String, Object>) map;
    }

    private static PowerAuthRecoveryData recovery(JsonFields layer2) {
        if (layer2.raw("activationRecovery") == null) {
            return null;
        }
        JsonFields recovery = layer2.object("activationRecovery");
        return ServerData.orInvalidResponse("activation layer 2 response has an invalid activationRecovery",
                () -> new PowerAuthRecoveryData(recovery.string("recoveryCode"), recovery.string("puk")));
    }

    private static byte[] decrypt(EciesEncryptor encryptor, EciesEncryptedResponse response) {
        return ServerData.orInvalidResponse("the activation response does not decrypt",
                () -> encryptor.decryptResponse(response));
    }

    private Map<String, Object> layer2Request(EcPublicKey devicePublicKey, PowerAuthActivation request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("devicePublicKey", B64.encode(devicePublicKey.uncompressed()));
        body.put("activationName", request.activationName());
        request.otp().ifPresent(otp -> body.put("activationOtp", otp));
        body.put("platform", request.platform());
        body.put("deviceInfo", request.deviceInfo());
        request.extras().ifPresent(extras -> body.put("extras", extras));
        return body;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
