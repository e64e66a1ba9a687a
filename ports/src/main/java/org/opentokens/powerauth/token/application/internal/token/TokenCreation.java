package org.opentokens.powerauth.token.application.internal.token;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.opentokens.powerauth.token.application.internal.PowerAuthConfiguration;
import org.opentokens.powerauth.token.application.internal.instance.InstanceState;
import org.opentokens.powerauth.token.application.internal.instance.InstanceTransaction;
import org.opentokens.powerauth.token.application.internal.json.EnvelopeMaps;
import org.opentokens.powerauth.token.application.internal.json.JsonFields;
import org.opentokens.powerauth.token.application.internal.json.ServerData;
import org.opentokens.powerauth.token.application.internal.keystore.ActivationScopeKey;
import org.opentokens.powerauth.token.application.internal.keystore.TemporaryKeyProvider;
import org.opentokens.powerauth.token.application.internal.signature.ActivationSigner;
import org.opentokens.powerauth.token.application.internal.time.TimeSynchronizationService;
import org.opentokens.powerauth.token.application.internal.v4.V4ClientProtocol;
import org.opentokens.powerauth.token.domain.EciesEncryptedRequest;
import org.opentokens.powerauth.token.domain.EciesEncryptedResponse;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPublicKey;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesEncryptor;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesEncryptorId;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesParameters;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesSecrets;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;
import org.opentokens.powerauth.token.domain.internal.record.TokenRecord;
import org.opentokens.powerauth.token.domain.internal.token.TokenSecret;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.internal.out.JsonCodec;
import org.opentokens.powerauth.token.port.internal.out.PowerAuthServer;
import org.opentokens.powerauth.token.port.out.RandomSource;

/**
 * The client side of {@code /pa/v3/token/create}: {@code {}} encrypted in activation scope (through a 3.3
 * temporary key, or {@code KEY_SERVER_PUBLIC} before 3.3), signed over the encrypted body, and the answer
 * decrypted, checked and stored, all in one signed call. A token of the same name that another process stored
 * meanwhile is returned instead of creating a second one.
 */
final class TokenCreation {
    /** Signature URI id of {@code /pa/v3/token/create}. */
    static final String CREATE_URI_ID = "/pa/token/create";
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

    private final PowerAuthConfiguration configuration;
    private final InstanceState state;
    private final PowerAuthServer server;
    private final JsonCodec json;
    private final RandomSource random;
    private final TimeSynchronizationService time;
    private final TemporaryKeyProvider temporaryKeys;
    private final ActivationSigner signer;
    private final Clock clock;
    private final V4ClientProtocol v4;

    TokenCreation(PowerAuthConfiguration configuration, InstanceState state, PowerAuthServer server, JsonCodec json,
            RandomSource random, TimeSynchronizationService time, TemporaryKeyProvider temporaryKeys,
            ActivationSigner signer, Clock clock, V4ClientProtocol v4) {
        this.v4 = v4;
        this.configuration = configuration;
        this.state = state;
        this.server = server;
        this.json = json;
        this.random = random;
        this.time = time;
        this.temporaryKeys = temporaryKeys;
        this.signer = signer;
        this.clock = clock;
    }

    /**
     * @param tokenName the name
     * @param authentication the factors
     * @param activation the activation the request started under
     * @param abandoned true once every caller has cancelled: an answer arriving then is not stored
     * @return the stored token: the new one, or one of this name that another process stored meanwhile
     */
    TokenRecord create(String tokenName, PowerAuthAuthentication authentication, ActivationRecord activation,
            BooleanSupplier abandoned) {
        if (activation.isV4()) {
            if (v4 == null) {
                throw new IllegalStateException("this instance was set up without the 4.0 server port");
            }
            return v4.withTokenKey(activation, key -> exchange(tokenName, activation, abandoned,
                    tx -> v4.createTokenLocked(tx, tokenName, authentication, activation, key)));
        }
        return ActivationScopeKey.with(configuration, temporaryKeys, time, server, activation,
                (parameters, key) -> exchange(tokenName, authentication, activation, abandoned, parameters, key));
    }

    private TokenRecord exchange(String tokenName, PowerAuthAuthentication authentication,
            ActivationRecord activation, BooleanSupplier abandoned, EciesParameters parameters,
            EcPublicKey encryptionKey) {
        return exchange(tokenName, activation, abandoned, tx -> exchangeLocked(tx, tokenName, authentication,
                activation, parameters, encryptionKey));
    }

    /** The signed call around either protocol's exchange: an existing token wins, an abandoned answer is dropped. */
    private TokenRecord exchange(String tokenName, ActivationRecord activation, BooleanSupplier abandoned,
            java.util.function.Function<InstanceTransaction, TokenRecord> locked) {
        return state.signedCall(activation.activationId(), tx -> {
            Optional<TokenRecord> existing = tx.token(tokenName)
                    .filter(stored -> stored.activationId().equals(activation.activationId()));
            if (existing.isPresent()) {
                tx.keepToken(existing.get());
                return existing.get();
            }
            TokenRecord created = locked.apply(tx);
            if (abandoned.getAsBoolean()) {
                created.destroy();
                throw new CancellationException("every caller cancelled the token request");
            }
            tx.putToken(created);
            return created;
        });
    }

    private TokenRecord exchangeLocked(InstanceTransaction tx, String tokenName,
            PowerAuthAuthentication authentication, ActivationRecord activation, EciesParameters parameters,
            EcPublicKey encryptionKey) {
        SymmetricKey transport = activation.transportKey();
        EciesSecrets secrets;
        try {
            secrets = EciesSecrets.forActivation(encryptionKey, configuration.applicationSecret(), transport);
        } finally {
            transport.destroy();
        }
        try {
            EciesEncryptor encryptor = EciesEncryptor.create(EciesEncryptorId.CREATE_TOKEN, parameters, secrets);
            EciesEncryptedRequest request = encryptor.encryptRequest(EMPTY_OBJECT, random.secureRandom(),
                    time.estimatedServerTimeMs());
            long sent = clock.millis();
            EciesEncryptedResponse response = server.createToken(request,
                    signer.signerFor(tx, authentication, CREATE_URI_ID));
            long received = clock.millis();
            byte[] plain = ServerData.orInvalidResponse("the token response does not decrypt",
                    () -> encryptor.decryptResponse(response));
            // Only an authenticated (MAC-checked) response timestamp may move the clock.
            EnvelopeMaps.applyResponseTimestamp(time, response, sent, received);
            JsonFields fields = JsonFields.parse(json, plain, "token response");
            java.util.Arrays.fill(plain, (byte) 0);
            return record(tokenName, authentication, activation, fields);
        } finally {
            secrets.destroy();
        }
    }

    private TokenRecord record(String tokenName, PowerAuthAuthentication authentication, ActivationRecord activation,
            JsonFields fields) {
        TokenId tokenId = ServerData.orInvalidResponse("the token response has an invalid field",
                () -> TokenId.of(fields.string("tokenId")));
        TokenSecret secret = ServerData.orInvalidResponse("the token response has an invalid field",
                () -> TokenSecret.fromBase64(fields.string("tokenSecret")));
        try {
            return TokenRecord.of(tokenName, tokenId, secret, activation.activationId(),
                    authentication.signatureType(), clock.millis());
        } finally {
            secret.destroy();
        }
    }
}
