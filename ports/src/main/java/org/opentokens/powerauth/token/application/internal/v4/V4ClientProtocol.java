package org.opentokens.powerauth.token.application.internal.v4;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;
import org.opentokens.powerauth.token.application.internal.PowerAuthConfiguration;
import org.opentokens.powerauth.token.application.internal.instance.InstanceState;
import org.opentokens.powerauth.token.application.internal.instance.InstanceTransaction;
import org.opentokens.powerauth.token.application.internal.json.JsonFields;
import org.opentokens.powerauth.token.application.internal.json.ServerData;
import org.opentokens.powerauth.token.application.internal.signature.FactorSecrets;
import org.opentokens.powerauth.token.application.internal.time.TimeSynchronizationService;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.internal.activation.ActivationCode;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.internal.keys.KnowledgeKeyProtection;
import org.opentokens.powerauth.token.domain.internal.keys.V4FactorKeyProtection;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;
import org.opentokens.powerauth.token.domain.internal.record.TokenRecord;
import org.opentokens.powerauth.token.domain.internal.record.V4ActivationData;
import org.opentokens.powerauth.token.domain.internal.v4.activation.V4ActivationResult;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptedRequest;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptedResponse;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptor;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptorId;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadSecrets;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;
import org.opentokens.powerauth.token.domain.internal.v4.kdf.V4KeyFactory;
import org.opentokens.powerauth.token.domain.internal.v4.keystore.V4TemporaryKey;
import org.opentokens.powerauth.token.domain.internal.v4.token.V4TokenSecret;
import org.opentokens.powerauth.token.port.in.PowerAuthActivation;
import org.opentokens.powerauth.token.port.in.PowerAuthActivationStatus;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.internal.out.JsonCodec;
import org.opentokens.powerauth.token.port.internal.out.PowerAuthServerV4;
import org.opentokens.powerauth.token.port.out.RandomSource;

/**
 * The protocol 4.0 operations of one instance, for the version-neutral activation and token services, which call
 * it when the stored activation (or, for a new one, the configuration) is 4.0: create, commit and confirm, status,
 * authentication codes, token create and remove, activation remove. The rules around them (single flight, the
 * exclusive section, counter persistence before sending, activation loss) stay in those services and
 * {@link InstanceState}, shared by both protocols. Thread-safe.
 */
public final class V4ClientProtocol {
    /** Authentication URI id of {@code /pa/v4/activation/confirm}. */
    public static final String CONFIRM_URI_ID = "/pa/activation/confirm";
    /** Authentication URI id of {@code /pa/v4/activation/remove}. */
    public static final String REMOVE_ACTIVATION_URI_ID = "/pa/activation/remove";
    /** Authentication URI id of {@code /pa/v4/token/create}. */
    public static final String CREATE_TOKEN_URI_ID = "/pa/token/create";
    /** Authentication URI id of {@code /pa/v4/token/remove}. */
    public static final String REMOVE_TOKEN_URI_ID = "/pa/token/remove";
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

    private final PowerAuthConfiguration configuration;
    private final InstanceState state;
    private final PowerAuthServerV4 server;
    private final JsonCodec json;
    private final RandomSource random;
    private final TimeSynchronizationService time;
    private final Clock clock;
    private final V4TemporaryKeys temporaryKeys;
    private final V4Signer signer;
    private final V4ActivationCreation creation;
    private final V4StatusCheck statusCheck;

    /**
     * @param configuration the instance settings
     * @param state the instance's state, shared by its services
     * @param server the {@code /pa/v4} port
     * @param json the JSON codec
     * @param random keys, nonces, challenges
     * @param time time synchronization, shared with the 3.x side
     * @param clock the local clock
     */
    public V4ClientProtocol(PowerAuthConfiguration configuration, InstanceState state, PowerAuthServerV4 server,
            JsonCodec json, RandomSource random, TimeSynchronizationService time, Clock clock) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.state = Objects.requireNonNull(state, "state");
        this.server = Objects.requireNonNull(server, "server");
        this.json = Objects.requireNonNull(json, "json");
        this.random = Objects.requireNonNull(random, "random");
        this.time = Objects.requireNonNull(time, "time");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.temporaryKeys = new V4TemporaryKeys(configuration, server, json, random, time, clock);
        this.signer = new V4Signer(configuration, random);
        this.creation = new V4ActivationCreation(configuration, server, json, random, time, temporaryKeys, clock);
        this.statusCheck = new V4StatusCheck(configuration, state, server, json, random, time, temporaryKeys, clock);
        state.addLossListener(temporaryKeys::clear);
    }

    /** @return the server time from {@code /pa/v4/status} */
    public long fetchServerTime() {
        return server.fetchServerTime();
    }

    /**
     * @param text the activation code, or a QR payload {@code CODE#SIGNATURE}
     * @return the parsed (and, with a signature, verified) code
     */
    public ActivationCode parseCode(String text) {
        return creation.parseCode(text);
    }

    /**
     * @param code the code
     * @param request the activation's details
     * @return the activation created on the server, to be committed locally
     */
    public V4PendingActivation create(ActivationCode code, PowerAuthActivation request) {
        return creation.create(code, request);
    }

    /**
     * Builds the record to store for a created activation: derived keys, knowledge (and biometry) key protected,
     * the initial counter.
     *
     * @param pending the created activation (not destroyed here)
     * @param authentication the commit factors, with the password
     * @return the record
     */
    public ActivationRecord record(V4PendingActivation pending, PowerAuthAuthentication authentication) {
        V4ActivationResult result = pending.result();
        V4SymmetricKey knowledge = V4KeyFactory.knowledgeKey(result.activationSecret());
        V4SymmetricKey biometry = null;
        V4ActivationData data = V4ActivationData.from(result);
        char[] password = authentication.copyPassword().orElseThrow();
        try {
            byte[] salt = random.nextBytes(KnowledgeKeyProtection.SALT_LENGTH);
            int iterations = configuration.knowledgeKeyIterations();
            byte[] protectedKnowledge = V4FactorKeyProtection.protectKnowledge(knowledge, password, salt, iterations);
            byte[] protectedBiometry = null;
            if (authentication.signatureType() == PowerAuthSignatureType.POSSESSION_KNOWLEDGE_BIOMETRY) {
                biometry = V4KeyFactory.biometryKey(result.activationSecret());
                SymmetricKey host = FactorSecrets.biometryKey(authentication).orElseThrow();
                try {
                    protectedBiometry = V4FactorKeyProtection.protectBiometry(biometry, host);
                } finally {
                    host.destroy();
                }
            }
            return ActivationRecord.builder()
                    .activationId(result.activationId())
                    .v4(data)
                    .knowledge(protectedKnowledge, salt, iterations)
                    .biometry(protectedBiometry)
                    .counter(pending.counter())
                    .build();
        } finally {
            Arrays.fill(password, '\0');
            knowledge.destroy();
            if (biometry != null) {
                biometry.destroy();
            }
            data.destroy();
        }
    }

    /**
     * {@code /pa/v4/activation/confirm} for the stored activation, signed {@code possession_knowledge} with the
     * commit's password, as a signed call.
     *
     * @param activationId the stored activation
     * @param authentication the commit factors (password, and biometry if it was set up); not destroyed here
     */
    public void confirm(String activationId, PowerAuthAuthentication authentication) {
        char[] password = authentication.copyPassword().orElseThrow();
        PowerAuthAuthentication knowledge = PowerAuthAuthentication.possessionWithPassword(password);
        Arrays.fill(password, '\0');
        try {
            boolean biometry = authentication.signatureType().usesBiometry();
            state.signedCall(activationId, tx -> {
                server.confirmActivation(biometry, signer.signerFor(tx, knowledge, CONFIRM_URI_ID));
                return null;
            });
        } finally {
            knowledge.destroy();
        }
    }

    /**
     * @param activation a stored 4.0 activation
     * @return its status, after the counter and server state were applied
     */
    public PowerAuthActivationStatus fetchStatus(ActivationRecord activation) {
        return statusCheck.fetch(activation);
    }

    /**
     * Removes the activation on the server, inside the caller's signed call.
     *
     * @param tx the signed call's transaction
     * @param authentication the factors
     */
    public void removeActivation(InstanceTransaction tx, PowerAuthAuthentication authentication) {
        server.removeActivation(signer.signerFor(tx, authentication, REMOVE_ACTIVATION_URI_ID));
    }

    /**
     * Removes a token on the server, inside the caller's signed call.
     *
     * @param tx the signed call's transaction
     * @param tokenId the token
     * @param authentication the factors
     */
    public void removeToken(InstanceTransaction tx, TokenId tokenId, PowerAuthAuthentication authentication) {
        server.removeToken(tokenId, signer.signerFor(tx, authentication, REMOVE_TOKEN_URI_ID));
    }

    /**
     * Runs a token creation with an activation-scope temporary key (time synchronized first); on an expired key
     * it runs once more with a new one.
     *
     * @param activation the activation
     * @param action the creation, typically a signed call that ends in {@link #createTokenLocked}
     * @param <T> its result
     * @return its result
     */
    public <T> T withTokenKey(ActivationRecord activation, Function<V4TemporaryKey, T> action) {
        time.ensureSynchronized(server::fetchServerTime);
        return temporaryKeys.withActivationKey(activation, action);
    }

    /**
     * {@code /pa/v4/token/create} inside the caller's signed call: {@code {}} sealed with {@code CREATE_TOKEN},
     * authenticated over the sealed body, the answer opened and turned into a record (not stored here).
     *
     * @param tx the signed call's transaction
     * @param tokenName the local name
     * @param authentication the factors
     * @param activation the activation
     * @param key the activation-scope temporary key
     * @return the new token's record
     */
    public TokenRecord createTokenLocked(InstanceTransaction tx, String tokenName,
            PowerAuthAuthentication authentication, ActivationRecord activation, V4TemporaryKey key) {
        V4SymmetricKey sh2 = activation.v4().sharedInfo2Key();
        AeadSecrets secrets;
        try {
            secrets = AeadSecrets.forActivation(key.envelopeKey(), configuration.applicationSecret(), sh2);
        } finally {
            sh2.destroy();
        }
        try {
            AeadEncryptor encryptor = AeadEncryptor.create(AeadEncryptorId.CREATE_TOKEN, key.aeadParameters(),
                    secrets);
            AeadEncryptedRequest request = encryptor.encryptRequest(EMPTY_OBJECT, random.secureRandom(),
                    time.estimatedServerTimeMs());
            long sent = clock.millis();
            AeadEncryptedResponse response = server.createToken(request,
                    signer.signerFor(tx, authentication, CREATE_TOKEN_URI_ID));
            long received = clock.millis();
            byte[] plain = ServerData.orInvalidResponse("the token response does not decrypt",
                    () -> encryptor.decryptResponse(response));
            V4Envelopes.applyResponseTimestamp(time, response, sent, received);
            JsonFields fields = JsonFields.parse(json, plain, "token response");
            Arrays.fill(plain, (byte) 0);
            TokenId tokenId = ServerData.orInvalidResponse("the token response has an invalid field",
                    () -> TokenId.of(fields.string("tokenId")));
            V4TokenSecret secret = ServerData.orInvalidResponse("the token response has an invalid field",
                    () -> V4TokenSecret.fromBase64(fields.string("tokenSecret")));
            try {
                return TokenRecord.ofV4(tokenName, tokenId, secret, activation.activationId(),
                        authentication.signatureType(), clock.millis());
            } finally {
                secret.destroy();
            }
        } finally {
            secrets.destroy();
        }
    }

    /** Drops every cached temporary key. */
    public void clearKeys() {
        temporaryKeys.clear();
    }
}
