package org.opentokens.powerauth.token.application.internal.flow;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.opentokens.powerauth.testkit.EmulatorActivationCode;
import org.opentokens.powerauth.testkit.EmulatorApplication;
import org.opentokens.powerauth.testkit.EmulatorRequest;
import org.opentokens.powerauth.testkit.EmulatorResponse;
import org.opentokens.powerauth.testkit.PowerAuthEmulator;
import org.opentokens.powerauth.token.application.internal.PowerAuthConfiguration;
import org.opentokens.powerauth.token.application.internal.ServiceContext;
import org.opentokens.powerauth.token.application.internal.activation.ActivationService;
import org.opentokens.powerauth.token.application.internal.activation.PasswordService;
import org.opentokens.powerauth.token.application.internal.instance.InstanceState;
import org.opentokens.powerauth.token.application.internal.instance.InstanceStore;
import org.opentokens.powerauth.token.application.internal.keystore.TemporaryKeyProvider;
import org.opentokens.powerauth.token.application.internal.signature.SignatureService;
import org.opentokens.powerauth.token.application.internal.signature.VaultService;
import org.opentokens.powerauth.token.application.internal.time.TimeSynchronizationService;
import org.opentokens.powerauth.token.application.internal.token.TokenStoreService;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.in.PowerAuthActivation;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;
import org.opentokens.powerauth.token.port.internal.out.PowerAuthServer;
import org.opentokens.powerauth.token.port.out.EmulatorPowerAuthServer;
import org.opentokens.powerauth.token.port.out.FakeJsonCodec;
import org.opentokens.powerauth.token.port.out.FakeSecureStorage;
import org.opentokens.powerauth.token.port.out.SeededRandomSource;
import org.opentokens.powerauth.token.testing.MutableClock;

/**
 * The service graph of one or more client instances, wired by hand over fakes that pass the port contracts and a
 * protocol-accurate in-process emulator (Wultra's server-side crypto).
 *
 * <p>The emulator keeps real time, as a server does (Wultra's ECIES layer stamps responses with the system clock).
 * The clients run on a {@link MutableClock} fixed in 2023, years away from the server, so every flow depends on
 * time synchronization actually working; tests move the client clock, or the emulator's offset, explicitly.
 */
public final class Testbed implements AutoCloseable {
    static final char[] PASSWORD = "1234".toCharArray();

    final MutableClock clock = new MutableClock();
    final PowerAuthEmulator emulator = PowerAuthEmulator.create();
    final EmulatorApplication application = emulator.createApplication();
    final FakeSecureStorage storage = new FakeSecureStorage();
    final EmulatorPowerAuthServer server = new EmulatorPowerAuthServer(emulator);
    final PowerAuthServer port;
    final ExecutorService executor = Executors.newCachedThreadPool();

    /** A testbed whose clients talk to the emulator through {@link EmulatorPowerAuthServer}. */
    public Testbed() {
        this(null);
    }

    /**
     * @param serverFactory builds the server port the clients use, from the running emulator; null for the
     *     in-process {@link EmulatorPowerAuthServer}
     */
    public Testbed(java.util.function.Function<PowerAuthEmulator, PowerAuthServer> serverFactory) {
        this.port = serverFactory == null ? server : serverFactory.apply(emulator);
    }

    /** One client instance. */
    final class Client {
        final PowerAuthConfiguration configuration;
        final TimeSynchronizationService time = new TimeSynchronizationService(clock);
        final InstanceState state;
        final TemporaryKeyProvider temporaryKeys;
        final ActivationService activation;
        final TokenStoreService tokens;
        final SignatureService signatures;
        final PasswordService passwords;
        final VaultService vault;

        Client(String instanceId, ProtocolVersion version, long seed) {
            this(instanceId, version, seed, UnaryOperator.identity());
        }

        /** @param tune changes to the default settings */
        Client(String instanceId, ProtocolVersion version, long seed, UnaryOperator<PowerAuthConfiguration.Builder> tune) {
            configuration = tune.apply(PowerAuthConfiguration.builder(application.appKey(), application.appSecret(),
                            application.masterServerPublicKey())
                    .instanceId(instanceId).protocolVersion(version).knowledgeKeyIterations(100)).build();
            SeededRandomSource random = new SeededRandomSource(seed);
            FakeJsonCodec json = new FakeJsonCodec();
            state = new InstanceState(new InstanceStore(storage, configuration.namespace(),
                    configuration.instanceLockTimeout()), configuration.headerRefreshInterval(), clock);
            temporaryKeys = new TemporaryKeyProvider(configuration, port, json, random, time, clock);
            ServiceContext context = new ServiceContext(configuration, state, port, json, random, time, temporaryKeys,
                    clock, executor);
            activation = new ActivationService(context);
            tokens = new TokenStoreService(context);
            signatures = new SignatureService(context);
            passwords = new PasswordService(context);
            vault = new VaultService(context);
        }

        /** Creates, commits locally and commits on the server. @return the activation id */
        String activate() {
            EmulatorActivationCode code = emulator.initActivation(application);
            activation.createActivation(PowerAuthActivation.builder(code.activationCode(), "test device").build())
                    .join();
            activation.commitActivation(PowerAuthAuthentication.commitWithPassword(PASSWORD));
            emulator.commitActivation(code.activationId());
            return code.activationId();
        }

        /** @return the persisted activation record, read straight from storage */
        ActivationRecord storedRecord() {
            SecretBytes raw = storage.snapshot(configuration.namespace()).get(InstanceStore.ACTIVATION_ENTRY);
            return raw == null ? null : ActivationRecord.decode(raw);
        }
    }

    Client client() {
        return client("default", ProtocolVersion.V3_3);
    }

    /**
     * @param of a client
     * @param seed its randomness, different from the other's
     * @param tune changes to the default settings
     * @return another client of the same instance and storage, as a second process would be: it shares nothing
     *     in memory with {@code of} (only the test's clock)
     */
    Client peer(Client of, long seed, UnaryOperator<PowerAuthConfiguration.Builder> tune) {
        return new Client(of.configuration.instanceId(), of.configuration.protocolVersion(), seed, tune);
    }

    Client client(String instanceId, ProtocolVersion version) {
        return new Client(instanceId, version, instanceId.hashCode() * 31L + version.ordinal());
    }

    /** @return the HTTP status the emulator's resource for any possession-based token gives this header */
    int useHeader(PowerAuthAuthorizationHttpHeader header) {
        return protectedResource(header).status();
    }

    EmulatorResponse protectedResource(PowerAuthAuthorizationHttpHeader header) {
        return emulator.handle(new EmulatorRequest("GET", PowerAuthEmulator.POSSESSION_RESOURCE_PATH,
                Map.of(header.key(), header.value()),
                new byte[0]));
    }

    /** @return what the future failed with, unwrapped; fails the test if it succeeds */
    static Throwable failure(java.util.concurrent.CompletableFuture<?> future) {
        try {
            future.join();
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause();
        } catch (java.util.concurrent.CancellationException e) {
            return e;
        }
        throw new AssertionError("expected the future to fail, but it completed");
    }

    static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
        emulator.close();
    }

    static Duration minutes(long n) {
        return Duration.ofMinutes(n);
    }
}
