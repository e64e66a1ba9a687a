package org.opentokens.powerauth.token.wiring.e2e;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.opentokens.powerauth.testkit.EmulatorApplication;
import org.opentokens.powerauth.testkit.PowerAuthEmulator;
import org.opentokens.powerauth.token.adapter.storage.inmemory.InMemorySecureStorage;
import org.opentokens.powerauth.token.application.internal.instance.InstanceStore;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.StorageNamespace;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.PowerAuthClientConfig;
import org.opentokens.powerauth.token.wiring.PowerAuthTokenModule;
import org.opentokens.powerauth.token.wiring.hygiene.SecretRegistry;
import org.opentokens.powerauth.token.wiring.testing.BedSteps;

/**
 * The end-to-end test bed: the testkit emulator serving real HTTP on 127.0.0.1 (on the system clock, as a real
 * server is), and clients built the way a host builds them, by Guice in {@link Stage#PRODUCTION} from
 * {@link PowerAuthTokenModule}, over one shared in-memory storage that the tests can inspect.
 *
 * <p>It also feeds the secret-hygiene scan ({@link SecretRegistry}): the passwords, the application secret, every
 * record written to storage, every header used, every failure seen, and at close the {@code toString} of
 * everything reachable from its clients. The passwords are long enough to be found in a log.
 */
final class EmulatorBed implements AutoCloseable {
    static final String PASSWORD = "e2e-pin-1234-Qx";
    static final String WRONG_PASSWORD = "e2e-pin-4321-Qx";

    static {
        SecretRegistry.password(PASSWORD);
        SecretRegistry.password(WRONG_PASSWORD);
    }

    final PowerAuthEmulator emulator;
    final URI baseUri;
    final EmulatorApplication application;
    final SecureStorage storage = SecretRegistry.recording(new InMemorySecureStorage());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<PowerAuthClient> clients = new ArrayList<>();
    private final List<PowerAuthClientConfig> configs = new ArrayList<>();

    EmulatorBed() {
        this(PowerAuthEmulator.create());
    }

    EmulatorBed(PowerAuthEmulator emulator) {
        this.emulator = emulator;
        this.baseUri = emulator.start();
        this.application = emulator.createApplication();
        SecretRegistry.applicationSecret(application.appSecret());
    }

    /** @return a config for this bed's server and application, with cheap PBKDF2 for fast tests */
    PowerAuthClientConfig.Builder config(String instanceId, ProtocolVersion version) {
        return BedSteps.config(baseUri, application, instanceId, version, Duration.ofSeconds(10));
    }

    /** @return the injector of one client over the shared storage, with the given extra modules */
    Injector injector(PowerAuthClientConfig config, Module... extra) {
        List<Module> modules = new ArrayList<>();
        modules.add(new PowerAuthTokenModule(config));
        modules.add(binder -> binder.bind(SecureStorage.class).toInstance(storage));
        modules.addAll(List.of(extra));
        Injector injector = Guice.createInjector(Stage.PRODUCTION, modules);
        configs.add(config);
        clients.add(injector.getInstance(PowerAuthClient.class));
        return injector;
    }

    PowerAuthClient client(PowerAuthClientConfig config, Module... extra) {
        return injector(config, extra).getInstance(PowerAuthClient.class);
    }

    PowerAuthClient client() {
        return client(config("default", ProtocolVersion.V3_3).build());
    }

    PowerAuthClient client(String instanceId, ProtocolVersion version) {
        return client(config(instanceId, version).build());
    }

    /** Creates, commits locally with {@link #PASSWORD} and lets the back office commit. @return the activation id */
    String activate(PowerAuthClient client) {
        return BedSteps.activate(emulator, application, client, "e2e device", PASSWORD);
    }

    static PowerAuthAuthentication password() {
        return PowerAuthAuthentication.possessionWithPassword(PASSWORD.toCharArray());
    }

    static PowerAuthAuthentication wrongPassword() {
        return PowerAuthAuthentication.possessionWithPassword(WRONG_PASSWORD.toCharArray());
    }

    /** @return the HTTP status the token-protected sample resource answers this header with, over real HTTP */
    int useHeader(PowerAuthAuthorizationHttpHeader header) {
        SecretRegistry.header(header.value());
        SecretRegistry.walk(header);
        return BedSteps.resourceStatus(http, baseUri, header.value(), Duration.ofSeconds(10));
    }

    /** @return every stored entry of the instance, as copies */
    Map<String, SecretBytes> snapshot(String instanceId) {
        return BedSteps.snapshot(storage, instanceId);
    }

    /** @return the instance's activation record, read straight from storage */
    ActivationRecord storedRecord(String instanceId) {
        return storage.get(StorageNamespace.of(instanceId), InstanceStore.ACTIVATION_ENTRY)
                .map(ActivationRecord::decode)
                .orElseThrow(() -> new AssertionError("no stored activation for " + instanceId));
    }

    /** @return what the future failed with, unwrapped; fails the test if it succeeds or hangs */
    static Throwable failure(CompletableFuture<?> future) {
        Throwable cause = BedSteps.failure(future, Duration.ofSeconds(30));
        SecretRegistry.exception(cause);
        return cause;
    }

    @Override
    public void close() {
        SecretRegistry.walk(clients.toArray());
        SecretRegistry.walk(configs.toArray());
        SecretRegistry.bedClosed();
        clients.forEach(PowerAuthClient::close);
        emulator.close();
    }
}
