package org.opentokens.powerauth.token.wiring.hygiene;

import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.Stage;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.opentokens.powerauth.testkit.EmulatorApplication;
import org.opentokens.powerauth.testkit.PowerAuthEmulator;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.PowerAuthClientConfig;
import org.opentokens.powerauth.token.wiring.PowerAuthTokenModule;
import org.opentokens.powerauth.token.wiring.testing.BedSteps;

/**
 * The hygiene tests' own bed: the testkit emulator on 127.0.0.1 and Guice-built clients over a storage module the
 * test picks, feeding {@link SecretRegistry} like the e2e bed does.
 */
final class HygieneBed implements AutoCloseable {
    static final String PASSWORD = "hygiene-pin-5678-Wz";

    static {
        SecretRegistry.password(PASSWORD);
    }

    final PowerAuthEmulator emulator;
    final URI baseUri;
    final EmulatorApplication application;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<PowerAuthClient> clients = new ArrayList<>();

    HygieneBed() {
        this.emulator = PowerAuthEmulator.create();
        this.baseUri = emulator.start();
        this.application = emulator.createApplication();
        SecretRegistry.applicationSecret(application.appSecret());
    }

    PowerAuthClientConfig config(String instanceId, ProtocolVersion version) {
        return BedSteps.config(baseUri, application, instanceId, version, Duration.ofSeconds(20)).build();
    }

    /** @return a client built by Guice from the core module, the storage module and the extra modules */
    PowerAuthClient client(PowerAuthClientConfig config, Module storage, Module... extra) {
        List<Module> modules = new ArrayList<>(List.of(new PowerAuthTokenModule(config), storage));
        modules.addAll(List.of(extra));
        PowerAuthClient client = Guice.createInjector(Stage.PRODUCTION, modules).getInstance(PowerAuthClient.class);
        clients.add(client);
        return client;
    }

    /** @return a module binding the clock slot */
    static Module clock(Clock clock) {
        return binder -> PowerAuthTokenModule.clockBinder(binder).setBinding().toInstance(clock);
    }

    /** Creates, commits with {@link #PASSWORD} and lets the back office commit. @return the activation id */
    String activate(PowerAuthClient client) {
        return BedSteps.activate(emulator, application, client, "hygiene", PASSWORD);
    }

    static PowerAuthAuthentication password() {
        return PowerAuthAuthentication.possessionWithPassword(PASSWORD.toCharArray());
    }

    /** @return the status the sample resource answers the header with, over real HTTP */
    int useHeader(PowerAuthAuthorizationHttpHeader header) {
        SecretRegistry.header(header.value());
        return send(header.value());
    }

    /** @return the status the sample resource answers a raw header value with */
    int send(String headerValue) {
        return BedSteps.resourceStatus(http, baseUri, headerValue, Duration.ofSeconds(20));
    }

    /** @return what the future failed with (recorded for the scan); fails the test if it succeeds */
    static Throwable failure(CompletableFuture<?> future) {
        try {
            future.join();
        } catch (CompletionException e) {
            SecretRegistry.exception(e);
            return e.getCause();
        }
        throw new AssertionError("expected the future to fail, but it completed");
    }

    @Override
    public void close() {
        SecretRegistry.walk(clients.toArray());
        clients.forEach(PowerAuthClient::close);
        emulator.close();
    }
}
