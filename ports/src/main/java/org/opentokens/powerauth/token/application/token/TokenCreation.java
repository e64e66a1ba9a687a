package org.opentokens.powerauth.token.application.token;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.opentokens.powerauth.token.application.PowerAuthConfiguration;
import org.opentokens.powerauth.token.application.json.EnvelopeMaps;
import org.opentokens.powerauth.token.application.json.JsonFields;
import org.opentokens.powerauth.token.application.json.ServerData;
import org.opentokens.powerauth.token.application.keystore.TemporaryKeyProvider;
import org.opentokens.powerauth.token.application.session.ActivationSession;
import org.opentokens.powerauth.token.application.session.ActivationSigner;
import org.opentokens.powerauth.token.application.time.TimeSynchronizationService;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.crypto.EcPublicKey;
import org.opentokens.powerauth.token.domain.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.ecies.EciesEncryptedRequest;
import org.opentokens.powerauth.token.domain.ecies.EciesEncryptedResponse;
import org.opentokens.powerauth.token.domain.ecies.EciesEncryptor;
import org.opentokens.powerauth.token.domain.ecies.EciesEncryptorId;
import org.opentokens.powerauth.token.domain.ecies.EciesParameters;
import org.opentokens.powerauth.token.domain.ecies.EciesSecrets;
import org.opentokens.powerauth.token.domain.record.ActivationRecord;
import org.opentokens.powerauth.token.domain.record.TokenRecord;
import org.opentokens.powerauth.token.domain.token.TokenId;
import org.opentokens.powerauth.token.domain.token.TokenSecret;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.out.JsonCodec;
import org.opentokens.powerauth.token.port.out.PowerAuthServer;
import org.opentokens.powerauth.token.port.out.RandomSource;

/**
 * The client side of {@code /pa/v3/token/create}: {@code {}} encrypted in activation scope (through a 3.3
 * temporary key, or {@code KEY_SERVER_PUBLIC} before 3.3), signed over the encrypted body, and the answer
 * decrypted and checked.
 */
final class TokenCreation {
    /** Signature URI id of {@code /pa/v3/token/create}. */
    static final String CREATE_URI_ID = "/pa/token/create";
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

    private final ActivationSession session;
    private final PowerAuthServer server;
    private final JsonCodec json;
    private final RandomSource random;
    private final TimeSynchronizationService time;
    private final TemporaryKeyProvider temporaryKeys;
    private final ActivationSigner signer;
    private final Clock clock;

    TokenCreation(ActivationSession session, PowerAuthServer server, JsonCodec json, RandomSource random,
            TimeSynchronizationService time, TemporaryKeyProvider temporaryKeys, ActivationSigner signer,
            Clock clock) {
        this.session = session;
        this.server = server;
        this.json = json;
        this.random = random;
        this.time = time;
        this.temporaryKeys = temporaryKeys;
        this.signer = signer;
        this.clock = clock;
    }

    TokenRecord create(String tokenName, PowerAuthAuthentication authentication, ActivationRecord activation,
            long generation) {
        PowerAuthConfiguration configuration = session.configuration();
        ProtocolVersion version = configuration.protocolVersion();
        if (version.usesTemporaryKeys()) {
            return temporaryKeys.withActivationKey(activation, key -> exchange(tokenName, authentication, activation,
                    generation, key.eciesParameters(), key.publicKey()));
        }
        if (version.usesEciesTimestamp()) {
            time.ensureSynchronized(server::fetchServerTime);
        }
        EciesParameters parameters = new EciesParameters(version, configuration.applicationKey(),
                activation.activationId(), null);
        return exchange(tokenName, authentication, activation, generation, parameters, activation.serverPublicKey());
    }

    private TokenRecord exchange(String tokenName, PowerAuthAuthentication authentication,
            ActivationRecord activation, long generation, EciesParameters parameters, EcPublicKey encryptionKey) {
        SymmetricKey transport = activation.transportKey();
        EciesSecrets secrets;
        try {
            secrets = EciesSecrets.forActivation(encryptionKey, session.configuration().applicationSecret(), transport);
        } finally {
            transport.destroy();
        }
        try {
            EciesEncryptor encryptor = EciesEncryptor.create(EciesEncryptorId.CREATE_TOKEN, parameters, secrets);
            long[] window = new long[2];
            EciesEncryptedResponse response = session.signedCall(() -> {
                EciesEncryptedRequest request = encryptor.encryptRequest(EMPTY_OBJECT, random.secureRandom(),
                        time.estimatedServerTimeMs());
                window[0] = clock.millis();
                EciesEncryptedResponse answer = server.createToken(request,
                        signer.signerFor(authentication, CREATE_URI_ID, generation));
                window[1] = clock.millis();
                return answer;
            });
            byte[] plain = ServerData.check("the token response does not decrypt",
                    () -> encryptor.decryptResponse(response));
            // Only an authenticated (MAC-checked) response timestamp may move the clock.
            EnvelopeMaps.syncTime(time, response, window[0], window[1]);
            JsonFields fields = JsonFields.parse(json, plain, "token response");
            java.util.Arrays.fill(plain, (byte) 0);
            return record(tokenName, authentication, activation, fields);
        } finally {
            secrets.destroy();
        }
    }

    private TokenRecord record(String tokenName, PowerAuthAuthentication authentication, ActivationRecord activation,
            JsonFields fields) {
        TokenId tokenId = ServerData.check("the token response has an invalid field",
                () -> TokenId.of(fields.string("tokenId")));
        TokenSecret secret = ServerData.check("the token response has an invalid field",
                () -> TokenSecret.fromBase64(fields.string("tokenSecret")));
        try {
            return TokenRecord.of(tokenName, tokenId, secret, activation.activationId(),
                    authentication.signatureType(), clock.millis());
        } finally {
            secret.destroy();
        }
    }
}
