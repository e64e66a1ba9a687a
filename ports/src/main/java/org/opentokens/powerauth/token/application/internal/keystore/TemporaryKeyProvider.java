package org.opentokens.powerauth.token.application.internal.keystore;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.opentokens.powerauth.token.application.internal.PowerAuthConfiguration;
import org.opentokens.powerauth.token.application.internal.json.JsonFields;
import org.opentokens.powerauth.token.application.internal.json.ServerData;
import org.opentokens.powerauth.token.application.internal.time.TimeSynchronizationService;
import org.opentokens.powerauth.token.domain.error.ServerRejectedException;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPublicKey;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.internal.keystore.SignedJwt;
import org.opentokens.powerauth.token.domain.internal.keystore.TemporaryKey;
import org.opentokens.powerauth.token.domain.internal.keystore.TemporaryKeyClaims;
import org.opentokens.powerauth.token.domain.internal.keystore.TemporaryKeyRequestJwt;
import org.opentokens.powerauth.token.domain.internal.keystore.TemporaryKeyResponseJwt;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;
import org.opentokens.powerauth.token.port.internal.out.JsonCodec;
import org.opentokens.powerauth.token.port.internal.out.PowerAuthServer;
import org.opentokens.powerauth.token.port.out.RandomSource;

/**
 * Fetches 3.3 temporary encryption keys ({@code /pa/v3/keystore/create}) and caches one per scope: the
 * application, and each activation. A key is used until {@code safety margin} before its expiry (server time),
 * and fetched again, once, when the server rejects it with {@value #TEMPORARY_KEY_ERROR}. Each response's
 * {@code iat_ms} also synchronizes time.
 *
 * <p>Thread-safe. Concurrent callers may fetch the same scope twice when the cache is cold; the later key wins,
 * and both are valid on the server.
 */
public final class TemporaryKeyProvider {
    /** The PowerAuth error code for an unknown or expired temporary key. */
    public static final String TEMPORARY_KEY_ERROR = "ERR_TEMPORARY_KEY";
    private static final String APPLICATION_SCOPE = "";

    private final PowerAuthConfiguration configuration;
    private final PowerAuthServer server;
    private final JsonCodec json;
    private final RandomSource random;
    private final TimeSynchronizationService time;
    private final Clock clock;
    private final Map<String, TemporaryKey> cache = new ConcurrentHashMap<>();

    /**
     * @param configuration instance settings
     * @param server the server port
     * @param json JSON codec for JWT claims
     * @param random challenge source
     * @param time time synchronization, fed from {@code iat_ms}
     * @param clock the local clock
     */
    public TemporaryKeyProvider(PowerAuthConfiguration configuration, PowerAuthServer server, JsonCodec json,
            RandomSource random, TimeSynchronizationService time, Clock clock) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.server = Objects.requireNonNull(server, "server");
        this.json = Objects.requireNonNull(json, "json");
        this.random = Objects.requireNonNull(random, "random");
        this.time = Objects.requireNonNull(time, "time");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs {@code action} with an application-scope key; on {@value #TEMPORARY_KEY_ERROR} fetches a new key and
     * runs it once more.
     *
     * @param action the encrypted call
     * @param <T> its result
     * @return its result
     */
    public <T> T withApplicationKey(Function<TemporaryKey, T> action) {
        return withKey(APPLICATION_SCOPE, null, action);
    }

    /**
     * Runs {@code action} with a key of the activation's scope, retrying once as for the application scope.
     *
     * @param activation the activation
     * @param action the encrypted call
     * @param <T> its result
     * @return its result
     */
    public <T> T withActivationKey(ActivationRecord activation, Function<TemporaryKey, T> action) {
        return withKey(activation.activationId(), activation, action);
    }

    /** Drops every cached key, for example when the activation changes. */
    public void clear() {
        cache.clear();
    }

    private <T> T withKey(String scope, ActivationRecord activation, Function<TemporaryKey, T> action) {
        TemporaryKey key = cached(scope, activation);
        try {
            return action.apply(key);
        } catch (ServerRejectedException e) {
            if (!e.hasErrorCode(TEMPORARY_KEY_ERROR)) {
                throw e;
            }
            cache.remove(scope, key);
            return action.apply(cached(scope, activation));
        }
    }

    private TemporaryKey cached(String scope, ActivationRecord activation) {
        TemporaryKey key = cache.get(scope);
        long margin = configuration.temporaryKeySafetyMargin().toMillis();
        if (key != null && key.isUsableAt(time.estimatedServerTimeMs(), margin)) {
            return key;
        }
        TemporaryKey fresh = fetch(activation);
        cache.put(scope, fresh);
        return fresh;
    }

    private TemporaryKey fetch(ActivationRecord activation) {
        String challenge = TemporaryKeyRequestJwt.newChallenge(random.secureRandom());
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("applicationKey", configuration.applicationKey());
        if (activation != null) {
            claims.put("activationId", activation.activationId());
        }
        claims.put("challenge", challenge);
        String requestJwt;
        SymmetricKey hmacKey = signingKey(activation);
        try {
            requestJwt = TemporaryKeyRequestJwt.sign(json.write(claims), hmacKey);
        } finally {
            hmacKey.destroy();
        }
        long start = clock.millis();
        String responseJwt = server.createTemporaryKey(requestJwt);
        long end = clock.millis();
        EcPublicKey signer = activation == null ? configuration.masterServerPublicKey() : activation.serverPublicKey();
        return ServerData.orInvalidResponse("the temporary key response was rejected", () -> {
            SignedJwt verified = TemporaryKeyResponseJwt.verifyEs256(responseJwt, signer);
            TemporaryKeyClaims parsed = claims(verified);
            time.processServerTime(parsed.issuedAtMs(), start, end);
            return TemporaryKey.validate(parsed, challenge, configuration.applicationKey(),
                    activation == null ? null : activation.activationId(), time.estimatedServerTimeMs());
        });
    }

    private SymmetricKey signingKey(ActivationRecord activation) {
        if (activation == null) {
            return TemporaryKeyRequestJwt.applicationScopeKey(configuration.applicationSecret());
        }
        SymmetricKey transport = activation.transportKey();
        try {
            return TemporaryKeyRequestJwt.activationScopeKey(transport, configuration.applicationSecret());
        } finally {
            transport.destroy();
        }
    }

    private TemporaryKeyClaims claims(SignedJwt jwt) {
        JsonFields header = JsonFields.parse(json, utf8(jwt.headerJson()), "temporary key JWT header");
        JsonFields body = JsonFields.parse(json, utf8(jwt.payloadJson()), "temporary key JWT claims");
        return new TemporaryKeyClaims(header.string("alg"), header.string("typ"), body.string("sub"),
                body.string("applicationKey"), body.optionalString("activationId"), body.string("challenge"),
                body.string("publicKey"), body.longValue("iat_ms"), body.longValue("exp_ms"));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
