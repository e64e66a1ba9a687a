package org.opentokens.powerauth.testkit;

import com.wultra.security.powerauth.crypto.lib.v4.model.context.SharedSecretAlgorithm;
import io.getlime.security.powerauth.crypto.server.activation.PowerAuthServerActivation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** Everything the emulator remembers: applications, activations, tokens, temporary keys, replay stores, time. */
final class EmulatorState {

    private final EmulatorConfig config;
    private final AtomicReference<Duration> clockOffset = new AtomicReference<>(Duration.ZERO);
    private final Map<String, ApplicationRecord> applicationsById = new ConcurrentHashMap<>();
    private final Map<String, ApplicationRecord> applicationsByKey = new ConcurrentHashMap<>();
    private final Map<String, ServerActivationRecord> activations = new ConcurrentHashMap<>();
    private final Map<String, ServerActivationRecord> activationsByCode = new ConcurrentHashMap<>();
    private final Map<String, ServerTokenRecord> tokens = new ConcurrentHashMap<>();
    private final Map<String, RecoveryRecord> recoveryCodes = new ConcurrentHashMap<>();
    private final Map<String, TemporaryKeyRecord> temporaryKeys = new ConcurrentHashMap<>();
    private final ReplayStore eciesNonces = new ReplayStore();
    private final ReplayStore tokenNonces = new ReplayStore();
    private final Map<String, V4TemporaryKeyRecord> v4TemporaryKeys = new ConcurrentHashMap<>();
    private final ReplayStore aeadNonces = new ReplayStore();

    EmulatorState(EmulatorConfig config) {
        this.config = config;
    }

    EmulatorConfig config() {
        return config;
    }

    long serverTimeMs() {
        return config.clock().millis() + clockOffset.get().toMillis();
    }

    void clockOffset(Duration offset) {
        clockOffset.set(offset);
    }

    ApplicationRecord createApplication() {
        ApplicationRecord app = new ApplicationRecord(UUID.randomUUID().toString(),
                WultraCrypto.b64(WultraCrypto.randomBytes(16)), WultraCrypto.b64(WultraCrypto.randomBytes(16)),
                WultraCrypto.newKeyPair());
        applicationsById.put(app.applicationId(), app);
        applicationsByKey.put(app.appKey(), app);
        return app;
    }

    ApplicationRecord application(String applicationId) {
        ApplicationRecord app = applicationsById.get(applicationId);
        if (app == null) {
            throw new IllegalArgumentException("Unknown application: " + applicationId);
        }
        return app;
    }

    Optional<ApplicationRecord> applicationByKey(String appKey) {
        return appKey == null ? Optional.empty() : Optional.ofNullable(applicationsByKey.get(appKey));
    }

    EmulatorActivationCode initActivation(ApplicationRecord app) {
        return initActivation(app, EmulatorActivationOptions.defaults());
    }

    EmulatorActivationCode initActivation(ApplicationRecord app, EmulatorActivationOptions options) {
        PowerAuthServerActivation serverActivation = new PowerAuthServerActivation();
        ServerActivationRecord activation;
        do {
            String code = WultraCrypto.internal(serverActivation::generateActivationCode);
            activation = new ServerActivationRecord(serverActivation.generateActivationId(), app, code,
                    WultraCrypto.internal(serverActivation::generateServerKeyPair));
        } while (activationsByCode.putIfAbsent(activation.activationCode(), activation) != null);
        activation.options(options);
        activations.put(activation.activationId(), activation);
        String code = activation.activationCode();
        byte[] signature = WultraCrypto.internal(() -> serverActivation.generateActivationSignature(code,
                app.masterKeyPair().getPrivate()));
        String signatureBase64 = WultraCrypto.b64(signature);
        var v4 = V4Crypto.SERVER_ACTIVATION;
        String p384 = WultraCrypto.b64(WultraCrypto.internal(() -> v4.generateActivationSignatureEcdsa(code,
                app.masterEcP384().getPrivate())));
        String mlDsa65 = WultraCrypto.b64(WultraCrypto.internal(() -> v4.generateActivationSignatureMldsa(code,
                app.masterMlDsa(SharedSecretAlgorithm.EC_P384_ML_L3).getPrivate())));
        String mlDsa87 = WultraCrypto.b64(WultraCrypto.internal(() -> v4.generateActivationSignatureMldsa(code,
                app.masterMlDsa(SharedSecretAlgorithm.EC_P384_ML_L5).getPrivate())));
        return new EmulatorActivationCode(activation.activationId(), code, signatureBase64, code + "#" + signatureBase64,
                p384, mlDsa65, mlDsa87);
    }

    /**
     * A new activation for a recovery: the same application and user, a new id and server key pair, in state
     * CREATED, reachable by id only.
     */
    ServerActivationRecord recoveryActivation(ServerActivationRecord lost) {
        PowerAuthServerActivation serverActivation = new PowerAuthServerActivation();
        ServerActivationRecord activation = new ServerActivationRecord(serverActivation.generateActivationId(),
                lost.application(), null, WultraCrypto.internal(serverActivation::generateServerKeyPair));
        EmulatorActivationOptions before = lost.options();
        activation.options(new EmulatorActivationOptions(before.userId(), null, before.recoveryCode()));
        activations.put(activation.activationId(), activation);
        return activation;
    }

    /**
     * @param confirmed false for a postcard code, which the activation confirms before it counts
     * @return a new recovery code and 10-digit PUK for the activation, remembered
     */
    RecoveryRecord issueRecoveryCode(ServerActivationRecord activation, boolean confirmed) {
        PowerAuthServerActivation serverActivation = new PowerAuthServerActivation();
        RecoveryRecord record;
        do {
            String code = WultraCrypto.internal(serverActivation::generateActivationCode);
            StringBuilder puk = new StringBuilder();
            for (byte b : WultraCrypto.randomBytes(10)) {
                puk.append(Math.floorMod(b, 10));
            }
            record = new RecoveryRecord(code, puk.toString(), activation, confirmed);
        } while (recoveryCodes.putIfAbsent(record.recoveryCode(), record) != null);
        return record;
    }

    Optional<RecoveryRecord> recoveryCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(recoveryCodes.get(code));
    }

    Optional<ServerActivationRecord> findActivation(String activationId) {
        return activationId == null ? Optional.empty() : Optional.ofNullable(activations.get(activationId));
    }

    ServerActivationRecord activation(String activationId) {
        return findActivation(activationId)
                .orElseThrow(() -> new IllegalArgumentException("Unknown activation: " + activationId));
    }

    /**
     * Moves an activation to {@code target} if it is in one of {@code from}; going to ACTIVE also resets the
     * failed attempts (commit and unblock).
     */
    void transition(String activationId, EmulatorActivationState target, EmulatorActivationState... from) {
        ServerActivationRecord activation = activation(activationId);
        synchronized (activation) {
            EmulatorActivationState current = activation.state();
            if (!List.of(from).contains(current)) {
                throw new IllegalStateException("Activation " + activationId + " is " + current);
            }
            if (target == EmulatorActivationState.ACTIVE) {
                activation.activate();
            } else {
                activation.state(target);
            }
        }
    }

    Optional<ServerActivationRecord> activationByCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(activationsByCode.get(code));
    }

    ServerTokenRecord addToken(ServerTokenRecord token) {
        tokens.put(token.tokenId(), token);
        return token;
    }

    Optional<ServerTokenRecord> token(String tokenId) {
        return tokenId == null ? Optional.empty() : Optional.ofNullable(tokens.get(tokenId));
    }

    boolean removeToken(String tokenId, String activationId) {
        ServerTokenRecord token = tokens.get(tokenId);
        return token != null && token.activationId().equals(activationId) && tokens.remove(tokenId, token);
    }

    List<EmulatorToken> tokensOf(String activationId) {
        activation(activationId);
        return tokens.values().stream().filter(t -> t.activationId().equals(activationId))
                .map(ServerTokenRecord::toApi).sorted(Comparator.comparing(EmulatorToken::tokenId)).toList();
    }

    TemporaryKeyRecord addTemporaryKey(String appKey, String activationId) {
        long now = serverTimeMs();
        temporaryKeys.values().removeIf(k -> k.expiresAtMs() <= now);
        TemporaryKeyRecord key = new TemporaryKeyRecord(UUID.randomUUID().toString(), WultraCrypto.newKeyPair(),
                appKey, activationId, now, now + config.temporaryKeyValidity().toMillis());
        temporaryKeys.put(key.keyId(), key);
        return key;
    }

    /** The temporary key for this scope, or ERR_TEMPORARY_KEY when unknown, expired or of another scope. */
    TemporaryKeyRecord temporaryKey(String keyId, String appKey, String activationId) {
        TemporaryKeyRecord key = keyId == null ? null : temporaryKeys.get(keyId);
        if (key == null || !key.matches(appKey, activationId, serverTimeMs())) {
            throw EmulatorRejection.temporaryKey();
        }
        return key;
    }

    /** Stores a 4.0 temporary key (its envelope key) and drops expired ones. */
    V4TemporaryKeyRecord addV4TemporaryKey(byte[] envelopeKey, SharedSecretAlgorithm algorithm, String appKey,
            String activationId) {
        long now = serverTimeMs();
        v4TemporaryKeys.values().removeIf(k -> k.expiresAtMs() <= now);
        V4TemporaryKeyRecord key = new V4TemporaryKeyRecord(UUID.randomUUID().toString(), envelopeKey, algorithm,
                appKey, activationId, now, now + config.temporaryKeyValidity().toMillis());
        v4TemporaryKeys.put(key.keyId(), key);
        return key;
    }

    /** The 4.0 temporary key for this scope, or ERR_TEMPORARY_KEY when unknown, expired or of another scope. */
    V4TemporaryKeyRecord v4TemporaryKey(String keyId, String appKey, String activationId) {
        V4TemporaryKeyRecord key = keyId == null ? null : v4TemporaryKeys.get(keyId);
        if (key == null || !key.matches(appKey, activationId, serverTimeMs())) {
            throw EmulatorRejection.temporaryKey();
        }
        return key;
    }

    /**
     * Registers a 4.0 AEAD request nonce for its temporary key, remembered for twice the request expiration.
     *
     * @return false on replay
     */
    boolean registerAeadNonce(String temporaryKeyId, String nonce) {
        long now = serverTimeMs();
        return aeadNonces.register(temporaryKeyId + "&" + nonce,
                now + config.v4RequestExpiration().multipliedBy(2).toMillis(), now);
    }

    /**
     * Registers a 4.0 token nonce for this token, remembered for twice the request expiration: the whole window in
     * which its timestamp could pass.
     *
     * @return false on replay
     */
    boolean registerV4TokenNonce(String tokenId, String nonce) {
        long now = serverTimeMs();
        return tokenNonces.register("4.0&" + tokenId + "&" + nonce,
                now + config.v4RequestExpiration().multipliedBy(2).toMillis(), now);
    }

    /** Registers an ECIES request nonce; false if it was seen within its retention time. */
    boolean registerEciesNonce(String nonce, Duration retention) {
        long now = serverTimeMs();
        return eciesNonces.register(nonce, now + retention.toMillis(), now);
    }

    /**
     * Registers a token nonce for this token: it is remembered for the replay memory (60 s by default, as on a
     * real deployment) or, in the stricter mode, for the version's whole timestamp window.
     *
     * @return false on replay
     */
    boolean registerTokenNonce(String tokenId, String nonce, String version) {
        long now = serverTimeMs();
        long retention = config.tokenReplayRetention(version).toMillis();
        return tokenNonces.register(tokenId + "&" + nonce, now + retention, now);
    }

    /**
     * @param reason why a token check failed
     * @return the uniform 401 of a real deployment, or with {@code revealAuthenticationReasons} the emulator's
     *     earlier bodies ({@code ERR0030}, {@code ERR0044}, otherwise {@code POWERAUTH_AUTH_FAIL})
     */
    EmulatorRejection tokenFailure(EmulatorAuthFailure reason) {
        if (!config.revealAuthenticationReasons()) {
            return EmulatorRejection.authentication(reason);
        }
        return switch (reason) {
            case TOKEN_TIMESTAMP_TOO_OLD -> EmulatorRejection.revealed(ErrorCodes.TOKEN_TOO_OLD,
                    "Token timestamp is too old", reason);
            case TOKEN_TIMESTAMP_IN_FUTURE -> EmulatorRejection.revealed(ErrorCodes.TOKEN_IN_FUTURE,
                    "Token timestamp is too far in the future", reason);
            default -> EmulatorRejection.revealed(ErrorCodes.TOKEN_AUTH_FAIL, ErrorCodes.TOKEN_AUTH_FAIL_MESSAGE,
                    reason);
        };
    }

    /**
     * @param reason why a signature check failed
     * @return the uniform 401 of a real deployment, or with {@code revealAuthenticationReasons} an
     *     {@code ERR_AUTHENTICATION} body whose message says request invalid, type invalid or signature invalid
     */
    EmulatorRejection signatureFailure(EmulatorAuthFailure reason) {
        if (!config.revealAuthenticationReasons()) {
            return EmulatorRejection.authentication(reason);
        }
        String message = switch (reason) {
            case HEADER_MISSING, HEADER_MALFORMED -> ErrorCodes.REQUEST_INVALID;
            case SIGNATURE_TYPE_NOT_ALLOWED -> ErrorCodes.SIGNATURE_TYPE_INVALID;
            default -> ErrorCodes.SIGNATURE_INVALID;
        };
        return EmulatorRejection.revealed(ErrorCodes.AUTHENTICATION, message, reason);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
