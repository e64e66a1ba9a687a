package org.opentokens.powerauth.token.wiring;

import com.google.inject.Exposed;
import com.google.inject.PrivateModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import java.util.Objects;
import org.opentokens.powerauth.token.application.internal.PowerAuthConfiguration;
import org.opentokens.powerauth.token.application.internal.ServiceContext;
import org.opentokens.powerauth.token.application.internal.activation.ActivationService;
import org.opentokens.powerauth.token.application.internal.activation.PasswordService;
import org.opentokens.powerauth.token.application.internal.encryption.EncryptionService;
import org.opentokens.powerauth.token.application.internal.instance.InstanceState;
import org.opentokens.powerauth.token.application.internal.instance.InstanceStore;
import org.opentokens.powerauth.token.application.internal.instance.StoredTimeOffset;
import org.opentokens.powerauth.token.application.internal.keystore.TemporaryKeyProvider;
import org.opentokens.powerauth.token.application.internal.recovery.RecoveryService;
import org.opentokens.powerauth.token.application.internal.signature.SignatureService;
import org.opentokens.powerauth.token.application.internal.signature.VaultService;
import org.opentokens.powerauth.token.application.internal.time.ServerTimeFetch;
import org.opentokens.powerauth.token.application.internal.time.TimeSynchronizationService;
import org.opentokens.powerauth.token.application.internal.token.TokenStoreService;
import org.opentokens.powerauth.token.application.internal.v4.V4ClientProtocol;
import org.opentokens.powerauth.token.port.in.ActivationUseCase;
import org.opentokens.powerauth.token.port.in.EncryptionUseCase;
import org.opentokens.powerauth.token.port.in.PowerAuthPasswords;
import org.opentokens.powerauth.token.port.in.PowerAuthSignatures;
import org.opentokens.powerauth.token.port.in.PowerAuthTokenStore;
import org.opentokens.powerauth.token.port.in.PowerAuthVault;
import org.opentokens.powerauth.token.port.in.RecoveryUseCase;
import org.opentokens.powerauth.token.port.in.TimeSynchronization;
import org.opentokens.powerauth.token.port.internal.out.JsonCodec;
import org.opentokens.powerauth.token.port.internal.out.PowerAuthServer;
import org.opentokens.powerauth.token.port.internal.out.PowerAuthServerV4;
import org.opentokens.powerauth.token.port.out.MonotonicClock;
import org.opentokens.powerauth.token.port.out.RandomSource;
import org.opentokens.powerauth.token.port.out.SecureStorage;

/**
 * The service graph of one instance, private: the HTTP adapter, the instance state and temporary keys the
 * two services share, and the client's worker threads. Exposes the client facade and its three parts; the token
 * store and the activation API come wrapped so that their failures carry {@link FailureHints hints}. Requires
 * {@link SecureStorage}, {@code @PowerAuthClock Clock}, {@link MonotonicClock} and {@link RandomSource} from the
 * enclosing environment.
 */
final class ClientServicesModule extends PrivateModule {
    private final PowerAuthClientConfig config;

    ClientServicesModule(PowerAuthClientConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    protected void configure() {
        install(new JavaHttpServerModule(config.httpServerConfig()));
    }

    @Provides
    @Singleton
    @ClientInternal
    ClientExecutor executor() {
        return new ClientExecutor(config.instanceId());
    }

    @Provides
    @Singleton
    @ClientInternal
    InstanceStore store(SecureStorage storage) {
        return new InstanceStore(storage, configuration().namespace(), configuration().instanceLockTimeout());
    }

    @Provides
    @Singleton
    @ClientInternal
    InstanceState state(@ClientInternal InstanceStore store, @PowerAuthClock Clock clock) {
        return new InstanceState(store, configuration().headerRefreshInterval(), clock);
    }

    @Provides
    @Singleton
    @ClientInternal
    TimeSynchronizationService timeSynchronization(@ClientInternal InstanceStore store, @PowerAuthClock Clock clock,
            MonotonicClock monotonic) {
        return new TimeSynchronizationService(clock, new StoredTimeOffset(store, clock, monotonic));
    }

    @Provides
    @Singleton
    @ClientInternal
    TemporaryKeyProvider temporaryKeys(@ClientInternal PowerAuthServer server, @ClientInternal JsonCodec json,
            RandomSource random, @ClientInternal TimeSynchronizationService time, @PowerAuthClock Clock clock) {
        return new TemporaryKeyProvider(configuration(), server, json, random, time, clock);
    }

    @Provides
    @Singleton
    @ClientInternal
    V4ClientProtocol v4(@ClientInternal InstanceState state, @ClientInternal PowerAuthServerV4 server,
            @ClientInternal JsonCodec json, RandomSource random, @ClientInternal TimeSynchronizationService time,
            @PowerAuthClock Clock clock) {
        return new V4ClientProtocol(configuration(), state, server, json, random, time, clock);
    }

    @Provides
    @Singleton
    @ClientInternal
    ServiceContext services(@ClientInternal InstanceState state, @ClientInternal PowerAuthServer server,
            @ClientInternal JsonCodec json, RandomSource random, @ClientInternal TimeSynchronizationService time,
            @ClientInternal TemporaryKeyProvider temporaryKeys, @PowerAuthClock Clock clock,
            @ClientInternal ClientExecutor executor) {
        return new ServiceContext(configuration(), state, server, json, random, time, temporaryKeys, clock, executor);
    }

    @Provides
    @Singleton
    @ClientInternal
    ActivationUseCase activationService(@ClientInternal ServiceContext services,
            @ClientInternal V4ClientProtocol v4) {
        return new ActivationService(services, v4);
    }

    @Provides
    @Singleton
    @ClientInternal
    FailureHints failureHints(@ClientInternal ActivationUseCase activation) {
        return new FailureHints(activation::fetchActivationStatus);
    }

    @Provides
    @Singleton
    @Exposed
    ActivationUseCase activation(@ClientInternal ActivationUseCase activation, @ClientInternal FailureHints hints) {
        return new HintingActivation(activation, hints);
    }

    @Provides
    @Singleton
    @Exposed
    PowerAuthTokenStore tokenStore(@ClientInternal ServiceContext services, @ClientInternal FailureHints hints,
            @ClientInternal V4ClientProtocol v4) {
        return new HintingTokenStore(new TokenStoreService(services, v4), hints);
    }

    @Provides
    @Singleton
    @Exposed
    PowerAuthSignatures signatures(@ClientInternal ServiceContext services) {
        return new SignatureService(services);
    }

    @Provides
    @Singleton
    @Exposed
    EncryptionUseCase encryption(@ClientInternal ServiceContext services) {
        return new EncryptionService(services);
    }

    @Provides
    @Singleton
    @Exposed
    PowerAuthPasswords passwords(@ClientInternal ServiceContext services) {
        return new PasswordService(services);
    }

    @Provides
    @Singleton
    @Exposed
    PowerAuthVault vault(@ClientInternal ServiceContext services, @ClientInternal FailureHints hints) {
        return new HintingVault(new VaultService(services), hints);
    }

    @Provides
    @Singleton
    @Exposed
    RecoveryUseCase recovery(@ClientInternal ServiceContext services, @ClientInternal FailureHints hints) {
        return new HintingRecovery(new RecoveryService(services), hints);
    }

    @Provides
    @Singleton
    @Exposed
    PowerAuthClient client(PowerAuthTokenStore tokenStore, ActivationUseCase activation,
            @ClientInternal TimeSynchronizationService time, @ClientInternal ClientExecutor executor,
            @ClientInternal PowerAuthServer server, @ClientInternal PowerAuthServerV4 serverV4,
            PowerAuthSignatures signatures, PowerAuthPasswords passwords, PowerAuthVault vault,
            EncryptionUseCase encryption, RecoveryUseCase recovery) {
        ServerTimeFetch fetch = configuration().v4().isPresent() ? serverV4::fetchServerTime
                : server::fetchServerTime;
        return new PowerAuthClient(config.instanceId(), tokenStore, activation, time, fetch, executor,
                server::close, signatures, passwords, vault, encryption, recovery);
    }

    @Provides
    @Singleton
    @Exposed
    TimeSynchronization timeSynchronizationPort(PowerAuthClient client) {
        return client.timeSynchronization();
    }

    private PowerAuthConfiguration configuration() {
        return config.powerAuthConfiguration();
    }
}
