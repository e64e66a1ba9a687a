package org.opentokens.powerauth.token.application.internal.v4;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.opentokens.powerauth.token.application.internal.PowerAuthConfiguration;
import org.opentokens.powerauth.token.application.internal.V4Settings;
import org.opentokens.powerauth.token.application.internal.json.JsonFields;
import org.opentokens.powerauth.token.application.internal.json.ServerData;
import org.opentokens.powerauth.token.application.internal.keystore.TemporaryKeyProvider;
import org.opentokens.powerauth.token.application.internal.time.TimeSynchronizationService;
import org.opentokens.powerauth.token.domain.SharedSecretAlgorithm;
import org.opentokens.powerauth.token.domain.error.InvalidServerResponseException;
import org.opentokens.powerauth.token.domain.error.ServerRejectedException;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;
import org.opentokens.powerauth.token.domain.internal.record.V4ActivationData;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.MlDsaPublicKey;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.P384PublicKey;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;
import org.opentokens.powerauth.token.domain.internal.v4.kdf.V4KeyFactory;
import org.opentokens.powerauth.token.domain.internal.v4.kem.SharedSecretContext;
import org.opentokens.powerauth.token.domain.internal.v4.keystore.JwsSignature;
import org.opentokens.powerauth.token.domain.internal.v4.keystore.V4TemporaryKey;
import org.opentokens.powerauth.token.domain.internal.v4.keystore.V4TemporaryKeyClaims;
import org.opentokens.powerauth.token.domain.internal.v4.keystore.V4TemporaryKeyRequestJwt;
import org.opentokens.powerauth.token.domain.internal.v4.keystore.V4TemporaryKeyResponseJws;
import org.opentokens.powerauth.token.port.internal.out.JsonCodec;
import org.opentokens.powerauth.token.port.internal.out.PowerAuthServerV4;
import org.opentokens.powerauth.token.port.out.RandomSource;

/**
 * Fetches 4.0 temporary keys ({@code /pa/v4/keystore/create}: an HS384 request JWT with a KEM request, a JWS JSON
 * answer signed with ES384 and, for the hybrids, ML-DSA) and caches one per scope, like the 3.3
 * {@link TemporaryKeyProvider}: used until the safety margin before expiry, fetched again once on
 * {@value TemporaryKeyProvider#TEMPORARY_KEY_ERROR}; {@code iat_ms} synchronizes time. Thread-safe.
 */
final class V4TemporaryKeys {
    private static final String APPLICATION_SCOPE = "";

    private final PowerAuthConfiguration configuration;
    private final PowerAuthServerV4 server;
    private final JsonCodec json;
    private final RandomSource random;
    private final TimeSynchronizationService time;
    private final Clock clock;
    private final Map<String, V4TemporaryKey> cache = new ConcurrentHashMap<>();

    V4TemporaryKeys(PowerAuthConfiguration configuration, PowerAuthServerV4 server, JsonCodec json,
            RandomSource random, TimeSynchronizationService time, Clock clock) {
        this.configuration = configuration;
        this.server = server;
        this.json = json;
        this.random = random;
        this.time = time;
        this.clock = clock;
    }

    <T> T withApplicationKey(Function<V4TemporaryKey, T> action) {
        return withKey(APPLICATION_SCOPE, null, action);
    }

    <T> T withActivationKey(ActivationRecord activation, Function<V4TemporaryKey, T> action) {
        return withKey(activation.activationId(), activation, action);
    }

    void clear() {
        cache.clear();
    }

    private <T> T withKey(String scope, ActivationRecord activation, Function<V4TemporaryKey, T> action) {
        V4TemporaryKey key = cached(scope, activation);
        try {
            return action.apply(key);
        } catch (ServerRejectedException e) {
            if (!e.hasErrorCode(TemporaryKeyProvider.TEMPORARY_KEY_ERROR)) {
                throw e;
            }
            cache.remove(scope, key);
            return action.apply(cached(scope, activation));
        }
    }

    private V4TemporaryKey cached(String scope, ActivationRecord activation) {
        V4TemporaryKey key = cache.get(scope);
        long margin = configuration.temporaryKeySafetyMargin().toMillis();
        if (key != null && key.isUsableAt(time.estimatedServerTimeMs(), margin)) {
            return key;
        }
        V4TemporaryKey fresh = fetch(activation);
        cache.put(scope, fresh);
        return fresh;
    }

    private V4TemporaryKey fetch(ActivationRecord activation) {
        SharedSecretAlgorithm algorithm;
        P384PublicKey ecKey;
        MlDsaPublicKey mlDsaKey;
        V4SymmetricKey macKey;
        if (activation == null) {
            V4Settings settings = configuration.v4().orElseThrow(() -> new IllegalStateException(
                    "application-scope 4.0 keys need the instance's 4.0 settings"));
            algorithm = settings.algorithm();
            ecKey = settings.masterEcKey();
            mlDsaKey = settings.masterMlDsaKey();
            macKey = V4KeyFactory.applicationTemporaryKeyMacKey(configuration.applicationSecret());
        } else {
            V4ActivationData data = activation.v4();
            algorithm = data.algorithm();
            ecKey = data.serverEcKey();
            mlDsaKey = data.serverMlDsaKey();
            macKey = data.temporaryKeyMacKey();
        }
        String challenge = V4TemporaryKeyRequestJwt.newChallenge(random.secureRandom());
        SharedSecretContext context = SharedSecretContext.create(algorithm, random.secureRandom());
        try {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("applicationKey", configuration.applicationKey());
            if (activation != null) {
                claims.put("activationId", activation.activationId());
            }
            claims.put("challenge", challenge);
            Map<String, Object> kem = new LinkedHashMap<>();
            kem.put("algorithm", algorithm.name());
            kem.put("encapsulationKeys", List.copyOf(context.request().encapsulationKeys()));
            claims.put("sharedSecretRequest", kem);
            String requestJwt = V4TemporaryKeyRequestJwt.sign(json.write(claims), macKey);
            long start = clock.millis();
            String response = server.createTemporaryKey(requestJwt);
            long end = clock.millis();
            return ServerData.orInvalidResponse("the temporary key response was rejected", () -> {
                V4TemporaryKeyClaims parsed = verify(response, ecKey, mlDsaKey);
                time.processServerTime(parsed.issuedAtMs(), start, end);
                return V4TemporaryKey.validate(parsed, context, challenge, configuration.applicationKey(),
                        activation == null ? null : activation.activationId(), time.estimatedServerTimeMs());
            });
        } finally {
            macKey.destroy();
            context.destroy();
        }
    }

    private V4TemporaryKeyClaims verify(String jwsJson, P384PublicKey ecKey, MlDsaPublicKey mlDsaKey) {
        JsonFields document = JsonFields.parse(json, utf8(jwsJson), "temporary key JWS");
        Object rawSignatures = document.raw("signatures");
        if (!(rawSignatures instanceof List<?> list)) {
            throw new InvalidServerResponseException("temporary key JWS lacks a valid 'signatures' field");
        }
        List<JwsSignature> signatures = new ArrayList<>();
        for (Object entry : list) {
            if (!(entry instanceof Map<?, ?>)) {
                throw new InvalidServerResponseException("temporary key JWS has an invalid signature entry");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) entry;
            Object protectedHeader = map.get("protected");
            Object signature = map.get("signature");
            if (!(protectedHeader instanceof String p) || !(signature instanceof String s)) {
                throw new InvalidServerResponseException("temporary key JWS has an incomplete signature entry");
            }
            signatures.add(new JwsSignature(p, alg(p), s));
        }
        String claimsJson = V4TemporaryKeyResponseJws.verify(document.string("payload"), signatures, ecKey,
                mlDsaKey);
        JsonFields claims = JsonFields.parse(json, utf8(claimsJson), "temporary key claims");
        JsonFields kem = claims.object("sharedSecretResponse");
        return new V4TemporaryKeyClaims(claims.string("sub"), claims.string("applicationKey"),
                claims.optionalString("activationId"), claims.string("challenge"), kem.string("salt"),
                V4Envelopes.strings(kem.raw("encapsulatedKeys"), "encapsulatedKeys"), claims.longValue("iat_ms"), claims.longValue("exp_ms"));
    }

    private String alg(String protectedHeader) {
        byte[] header;
        try {
            header = Base64.getUrlDecoder().decode(protectedHeader);
        } catch (IllegalArgumentException e) {
            throw new InvalidServerResponseException("temporary key JWS has a protected header that is not base64url");
        }
        return JsonFields.parse(json, header, "temporary key JWS protected header").string("alg");
    }

    private static byte[] utf8(String text) {
        return Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8);
    }
}
