package org.opentokens.powerauth.token.application.internal.v4;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.opentokens.powerauth.token.application.internal.PowerAuthConfiguration;
import org.opentokens.powerauth.token.application.internal.V4Settings;
import org.opentokens.powerauth.token.application.internal.json.JsonFields;
import org.opentokens.powerauth.token.application.internal.json.ServerData;
import org.opentokens.powerauth.token.application.internal.time.TimeSynchronizationService;
import org.opentokens.powerauth.token.domain.error.InvalidActivationCodeException;
import org.opentokens.powerauth.token.domain.error.InvalidServerResponseException;
import org.opentokens.powerauth.token.domain.error.PowerAuthClientException;
import org.opentokens.powerauth.token.domain.internal.activation.ActivationCode;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.v4.activation.V4Activation;
import org.opentokens.powerauth.token.domain.internal.v4.activation.V4ActivationCodeSignature;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptedRequest;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptedResponse;
import org.opentokens.powerauth.token.domain.internal.v4.aead.V4EncryptionHeader;
import org.opentokens.powerauth.token.domain.internal.v4.kem.SharedSecretResponse;
import org.opentokens.powerauth.token.domain.internal.v4.keystore.V4TemporaryKey;
import org.opentokens.powerauth.token.port.in.PowerAuthActivation;
import org.opentokens.powerauth.token.port.internal.out.JsonCodec;
import org.opentokens.powerauth.token.port.internal.out.PowerAuthServerV4;
import org.opentokens.powerauth.token.port.out.RandomSource;

/**
 * The client side of {@code /pa/v4/activation/create}: device keys and a KEM request for
 * {@code KEY_ACTIVATION_SECRET} in the layer-2 payload, inside the layer-1 payload, both sealed with one
 * application-scope temporary key; the two-layer answer opened and the key exchange completed.
 */
final class V4ActivationCreation {
    private final PowerAuthConfiguration configuration;
    private final PowerAuthServerV4 server;
    private final JsonCodec json;
    private final RandomSource random;
    private final TimeSynchronizationService time;
    private final V4TemporaryKeys temporaryKeys;
    private final Clock clock;

    V4ActivationCreation(PowerAuthConfiguration configuration, PowerAuthServerV4 server, JsonCodec json,
            RandomSource random, TimeSynchronizationService time, V4TemporaryKeys temporaryKeys, Clock clock) {
        this.configuration = configuration;
        this.server = server;
        this.json = json;
        this.random = random;
        this.time = time;
        this.temporaryKeys = temporaryKeys;
        this.clock = clock;
    }

    /**
     * Parses the code; a QR payload {@code CODE#SIGNATURE} must carry an ECDSA P-384 signature (Base64 DER) by the
     * application's 4.0 master key.
     */
    ActivationCode parseCode(String text) {
        Objects.requireNonNull(text, "activationCode");
        int hash = text.indexOf('#');
        if (hash < 0) {
            return ActivationCode.parse(text);
        }
        ActivationCode code = ActivationCode.parse(text.substring(0, hash));
        String signature = text.substring(hash + 1);
        try {
            V4ActivationCodeSignature.verifyEcdsa(code.code(), B64.decode(signature, "activation code signature"),
                    settings().masterEcKey());
        } catch (InvalidActivationCodeException e) {
            throw e;
        } catch (PowerAuthClientException e) {
            throw new InvalidActivationCodeException(InvalidActivationCodeException.Reason.SIGNATURE,
                    "activation code signature is not valid", e);
        }
        return code;
    }

    V4PendingActivation create(ActivationCode code, PowerAuthActivation request) {
        // 4.0 envelopes carry timestamps the server checks within a minute: the clock must be synchronized.
        time.ensureSynchronized(server::fetchServerTime);
        return temporaryKeys.withApplicationKey(key -> exchange(key, code, request));
    }

    private V4PendingActivation exchange(V4TemporaryKey key, ActivationCode code, PowerAuthActivation request) {
        V4Activation activation = V4Activation.start(settings().algorithm(), configuration.applicationKey(),
                key.keyId(), key.envelopeKey(), configuration.applicationSecret(), random.secureRandom());
        try {
            long timestamp = time.estimatedServerTimeMs();
            AeadEncryptedRequest inner = activation.encryptLayer2(json.write(layer2(activation, request)),
                    random.secureRandom(), timestamp);
            Map<String, Object> outer = new LinkedHashMap<>();
            outer.put("type", "CODE");
            outer.put("identityAttributes", Map.of("code", code.code()));
            outer.put("activationData", V4Envelopes.toMap(inner));
            AeadEncryptedRequest envelope = activation.encryptLayer1(json.write(outer), random.secureRandom(),
                    timestamp);
            long start = clock.millis();
            AeadEncryptedResponse response = server.createActivation(envelope,
                    V4EncryptionHeader.of(key.aeadParameters()));
            long end = clock.millis();
            byte[] layer1Plain = ServerData.orInvalidResponse("the activation response does not decrypt",
                    () -> activation.decryptLayer1(response));
            V4Envelopes.applyResponseTimestamp(time, response, start, end);
            JsonFields layer1 = JsonFields.parse(json, layer1Plain, "activation layer 1 response");
            AeadEncryptedResponse innerResponse = V4Envelopes.responseFrom(layer1.object("activationData"));
            byte[] layer2Plain = ServerData.orInvalidResponse("the activation layer 2 response does not decrypt",
                    () -> activation.decryptLayer2(innerResponse));
            JsonFields layer2 = JsonFields.parse(json, layer2Plain, "activation layer 2 response");
            return complete(activation, layer2);
        } finally {
            activation.destroy();
        }
    }

    private V4PendingActivation complete(V4Activation activation, JsonFields response) {
        String activationId = response.string("activationId");
        if (activationId.isBlank() || activationId.length() > 64) {
            throw new InvalidServerResponseException("activation layer 2 response has an invalid activationId");
        }
        JsonFields kem = response.object("sharedSecretResponse");
        JsonFields keys = response.object("serverPublicKeys");
        SharedSecretResponse shared = new SharedSecretResponse(kem.string("salt"),
                V4Envelopes.strings(kem.raw("encapsulatedKeys"), "encapsulatedKeys"));
        return ServerData.orInvalidResponse("activation layer 2 response has an invalid field",
                () -> new V4PendingActivation(activation.complete(activationId, shared, keys.string("ecdsa"),
                        keys.optionalString("mldsa"), response.string("ctrData"))));
    }

    private Map<String, Object> layer2(V4Activation activation, PowerAuthActivation request) {
        Map<String, Object> kem = new LinkedHashMap<>();
        kem.put("algorithm", activation.algorithm().name());
        kem.put("encapsulationKeys", new ArrayList<>(activation.sharedSecretRequest().encapsulationKeys()));
        Map<String, Object> deviceKeys = new LinkedHashMap<>();
        deviceKeys.put("ecdsa", activation.deviceEcPublicKeyBase64());
        if (activation.deviceMlDsaPublicKeyBase64() != null) {
            deviceKeys.put("mldsa", activation.deviceMlDsaPublicKeyBase64());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sharedSecretRequest", kem);
        body.put("devicePublicKeys", deviceKeys);
        body.put("activationName", request.activationName());
        request.otp().ifPresent(otp -> body.put("activationOtp", otp));
        body.put("platform", request.platform());
        body.put("deviceInfo", request.deviceInfo());
        request.extras().ifPresent(extras -> body.put("extras", extras));
        return body;
    }

    private V4Settings settings() {
        return configuration.v4().orElseThrow(() -> new IllegalStateException(
                "4.0 activations need the instance's 4.0 settings"));
    }
}
