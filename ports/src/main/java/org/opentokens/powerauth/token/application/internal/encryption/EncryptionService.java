package org.opentokens.powerauth.token.application.internal.encryption;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.opentokens.powerauth.token.application.internal.ClientExecution;
import org.opentokens.powerauth.token.application.internal.ServiceContext;
import org.opentokens.powerauth.token.application.internal.keystore.ActivationScopeKey;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.FeatureNotSupportedException;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPublicKey;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesEncryptor;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesEncryptorId;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesParameters;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesSecrets;
import org.opentokens.powerauth.token.domain.internal.ecies.EncryptionHeader;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.in.EncryptionUseCase;
import org.opentokens.powerauth.token.port.in.PowerAuthEciesEncryptor;

/**
 * Implements {@link EncryptionUseCase}: picks the key the version encrypts to (a 3.3 temporary key of the scope,
 * else the master or the activation's server public key), derives the scope's secrets and hands out a fresh
 * single-use encryptor. Server calls (temporary key, time) run on the executor. Thread-safe.
 */
public final class EncryptionService implements EncryptionUseCase {
    private final ServiceContext context;

    /** @param context what the instance's services share (the state for activation scope, the server for time) */
    public EncryptionService(ServiceContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public CompletableFuture<PowerAuthEciesEncryptor> eciesEncryptorForApplicationScope() {
        return async(this::applicationScope);
    }

    @Override
    public CompletableFuture<PowerAuthEciesEncryptor> eciesEncryptorForActivationScope() {
        ActivationRecord activation;
        try {
            activation = context.state().snapshot().requireUsable();
            if (activation.isV4()) {
                throw FeatureNotSupportedException.forV4("eciesEncryptorForActivationScope");
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return async(() -> activationScope(activation));
    }

    @Override
    public PowerAuthEciesEncryptor resumeEciesEncryptor(SecretBytes context) {
        return SessionEciesEncryptor.resume(Objects.requireNonNull(context, "context"), this.context.json());
    }

    private CompletableFuture<PowerAuthEciesEncryptor> async(Supplier<PowerAuthEciesEncryptor> work) {
        return ClientExecution.supplyAsync(work, context.executor());
    }

    private PowerAuthEciesEncryptor applicationScope() {
        ProtocolVersion version = context.configuration().protocolVersion();
        if (version.usesTemporaryKeys()) {
            return context.temporaryKeys().withApplicationKey(key -> build(EciesEncryptorId.APPLICATION_SCOPE_GENERIC,
                    key.eciesParameters(), EciesSecrets.forApplication(key.publicKey(),
                            context.configuration().applicationSecret())));
        }
        synchronizeTime(version);
        EcPublicKey master = context.configuration().masterServerPublicKey();
        return build(EciesEncryptorId.APPLICATION_SCOPE_GENERIC,
                new EciesParameters(version, context.configuration().applicationKey(), null, null),
                EciesSecrets.forApplication(master, context.configuration().applicationSecret()));
    }

    private PowerAuthEciesEncryptor activationScope(ActivationRecord activation) {
        return ActivationScopeKey.with(context, activation,
                (parameters, key) -> build(EciesEncryptorId.ACTIVATION_SCOPE_GENERIC, parameters,
                        activationSecrets(key, activation)));
    }

    private EciesSecrets activationSecrets(EcPublicKey key, ActivationRecord activation) {
        SymmetricKey transport = activation.transportKey();
        try {
            return EciesSecrets.forActivation(key, context.configuration().applicationSecret(), transport);
        } finally {
            transport.destroy();
        }
    }

    private void synchronizeTime(ProtocolVersion version) {
        if (version.usesEciesTimestamp()) {
            context.time().ensureSynchronized(context.server()::fetchServerTime);
        }
    }

    private PowerAuthEciesEncryptor build(EciesEncryptorId id, EciesParameters parameters, EciesSecrets secrets) {
        return new SessionEciesEncryptor(EciesEncryptor.create(id, parameters, secrets), secrets,
                EncryptionHeader.of(parameters), context.json(), context.random(),
                context.time()::estimatedServerTimeMs);
    }

    @Override
    public String toString() {
        return "EncryptionService[" + context.configuration().protocolVersion().wireValue() + "]";
    }
}
