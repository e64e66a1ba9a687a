package org.opentokens.powerauth.token.application.internal.recovery;

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.opentokens.powerauth.token.application.internal.ClientExecution;
import org.opentokens.powerauth.token.application.internal.PowerAuthConfiguration;
import org.opentokens.powerauth.token.application.internal.ServiceContext;
import org.opentokens.powerauth.token.application.internal.instance.InstanceState;
import org.opentokens.powerauth.token.application.internal.json.EnvelopeMaps;
import org.opentokens.powerauth.token.application.internal.json.JsonFields;
import org.opentokens.powerauth.token.application.internal.json.ServerData;
import org.opentokens.powerauth.token.application.internal.keystore.ActivationScopeKey;
import org.opentokens.powerauth.token.application.internal.keystore.TemporaryKeyProvider;
import org.opentokens.powerauth.token.application.internal.signature.ActivationSigner;
import org.opentokens.powerauth.token.application.internal.time.TimeSynchronizationService;
import org.opentokens.powerauth.token.domain.EciesEncryptedRequest;
import org.opentokens.powerauth.token.domain.EciesEncryptedResponse;
import org.opentokens.powerauth.token.domain.error.FeatureNotSupportedException;
import org.opentokens.powerauth.token.domain.error.InvalidServerResponseException;
import org.opentokens.powerauth.token.domain.internal.activation.ActivationCode;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPublicKey;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesEncryptor;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesEncryptorId;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesParameters;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesSecrets;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.RecoveryUseCase;
import org.opentokens.powerauth.token.port.internal.out.JsonCodec;
import org.opentokens.powerauth.token.port.internal.out.PowerAuthServer;
import org.opentokens.powerauth.token.port.out.RandomSource;

/**
 * Implements {@link RecoveryUseCase}: the recovery code encrypted in activation scope (a 3.3 temporary key, or
 * {@code KEY_SERVER_PUBLIC} before 3.3), signed over the encrypted body inside a signed call, and the answer
 * decrypted and checked. Thread-safe.
 */
public final class RecoveryService implements RecoveryUseCase {
    /** Signature URI id of {@code /pa/v3/recovery/confirm}. */
    public static final String CONFIRM_URI_ID = "/pa/recovery/confirm";

    private final PowerAuthConfiguration configuration;
    private final InstanceState state;
    private final PowerAuthServer server;
    private final JsonCodec json;
    private final RandomSource random;
    private final TimeSynchronizationService time;
    private final TemporaryKeyProvider temporaryKeys;
    private final ActivationSigner signer;
    private final Clock clock;
    private final Executor executor;

    /** @param context what the instance's services share */
    public RecoveryService(ServiceContext context) {
        Objects.requireNonNull(context, "context");
        this.configuration = context.configuration();
        this.state = context.state();
        this.server = context.server();
        this.json = context.json();
        this.random = context.random();
        this.time = context.time();
        this.temporaryKeys = context.temporaryKeys();
        this.signer = new ActivationSigner(configuration, random);
        this.clock = context.clock();
        this.executor = context.executor();
    }

    @Override
    public CompletableFuture<Boolean> confirmRecoveryCode(String recoveryCode, PowerAuthAuthentication authentication) {
        Objects.requireNonNull(authentication, "authentication");
        ActivationRecord activation;
        String code;
        try {
            Objects.requireNonNull(recoveryCode, "recoveryCode");
            code = ActivationCode.parse(recoveryCode).code();
            authentication.checkAlive();
            activation = state.snapshot().requireUsable();
            if (activation.isV4()) {
                throw FeatureNotSupportedException.forV4("confirmRecoveryCode");
            }
        } catch (RuntimeException e) {
            authentication.destroy();
            return CompletableFuture.failedFuture(e);
        }
        return ClientExecution.supplyAsync(() -> {
            try {
                return confirm(code, authentication, activation);
            } finally {
                authentication.destroy();
            }
        }, executor, authentication::destroy);
    }

    private boolean confirm(String code, PowerAuthAuthentication authentication, ActivationRecord activation) {
        return ActivationScopeKey.with(configuration, temporaryKeys, time, server, activation,
                (parameters, key) -> exchange(code, authentication, activation, parameters, key));
    }

    private boolean exchange(String code, PowerAuthAuthentication authentication, ActivationRecord activation,
            EciesParameters parameters, EcPublicKey key) {
        return state.signedCall(activation.activationId(), tx -> {
            SymmetricKey transport = activation.transportKey();
            EciesSecrets secrets;
            try {
                secrets = EciesSecrets.forActivation(key, configuration.applicationSecret(), transport);
            } finally {
                transport.destroy();
            }
            try {
                EciesEncryptor encryptor = EciesEncryptor.create(EciesEncryptorId.CONFIRM_RECOVERY_CODE, parameters,
                        secrets);
                EciesEncryptedRequest request = encryptor.encryptRequest(json.write(Map.of("recoveryCode", code)),
                        random.secureRandom(), time.estimatedServerTimeMs());
                long sent = clock.millis();
                EciesEncryptedResponse response = server.confirmRecoveryCode(request,
                        signer.signerFor(tx, authentication, CONFIRM_URI_ID));
                long received = clock.millis();
                byte[] plain = ServerData.orInvalidResponse("the recovery confirmation does not decrypt",
                        () -> encryptor.decryptResponse(response));
                EnvelopeMaps.applyResponseTimestamp(time, response, sent, received);
                JsonFields fields = JsonFields.parse(json, plain, "recovery confirmation");
                Arrays.fill(plain, (byte) 0);
                Object already = fields.raw("alreadyConfirmed");
                if (!(already instanceof Boolean confirmed)) {
                    throw new InvalidServerResponseException("the recovery confirmation has no alreadyConfirmed");
                }
                return confirmed;
            } finally {
                secrets.destroy();
            }
        });
    }

    @Override
    public String toString() {
        return "RecoveryService[" + configuration.protocolVersion().wireValue() + "]";
    }
}
