package org.opentokens.powerauth.token.wiring.reliability;

import com.google.inject.Guice;
import com.google.inject.Stage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.opentokens.powerauth.testkit.EmulatorApplication;
import org.opentokens.powerauth.testkit.EmulatorRequest;
import org.opentokens.powerauth.testkit.PowerAuthEmulator;
import org.opentokens.powerauth.token.adapter.storage.inmemory.InMemorySecureStorage;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.PowerAuthClientConfig;
import org.opentokens.powerauth.token.wiring.PowerAuthTokenModule;
import org.opentokens.powerauth.token.wiring.testing.BedSteps;

/**
 * The reliability test bed: the testkit emulator on 127.0.0.1 over real HTTP, and clients built by Guice in
 * {@link Stage#PRODUCTION} from {@link PowerAuthTokenModule} over one shared in-memory storage the tests inspect.
 */
final class ReliabilityBed implements AutoCloseable {
    static final String PASSWORD = "1234";

    final PowerAuthEmulator emulator = PowerAuthEmulator.create();
    final URI baseUri = emulator.start();
    final EmulatorApplication application = emulator.createApplication();
    final SecureStorage storage;
    private final List<PowerAuthClient> clients = new ArrayList<>();

    ReliabilityBed() {
        this(UnaryOperator.identity());
    }

    /** @param wrap decorates the in-memory storage the clients share (to observe it) */
    ReliabilityBed(UnaryOperator<SecureStorage> wrap) {
        this.storage = wrap.apply(new InMemorySecureStorage());
    }

    /** @return a 3.3 config for this bed's server, cheap PBKDF2, the given request timeout */
    PowerAuthClientConfig.Builder config(String instanceId, Duration requestTimeout) {
        return BedSteps.config(baseUri, application, instanceId, ProtocolVersion.V3_3, requestTimeout);
    }

    /** @return a new client over the shared storage; closed with the bed unless closed before */
    synchronized PowerAuthClient client(PowerAuthClientConfig config) {
        PowerAuthClient client = Guice.createInjector(Stage.PRODUCTION, new PowerAuthTokenModule(config),
                binder -> binder.bind(SecureStorage.class).toInstance(storage)).getInstance(PowerAuthClient.class);
        clients.add(client);
        return client;
    }

    /** Creates, commits locally with {@link #PASSWORD} and lets the back office commit. @return the activation id */
    String activate(PowerAuthClient client) {
        return BedSteps.activate(emulator, application, client, "reliability", PASSWORD);
    }

    static PowerAuthAuthentication password() {
        return PowerAuthAuthentication.possessionWithPassword(PASSWORD.toCharArray());
    }

    /**
     * Asks the emulator's token-protected resource in process (the same code that serves HTTP, without a socket).
     *
     * @return the HTTP status it answers the header with
     */
    int verify(PowerAuthAuthorizationHttpHeader header) {
        return emulator.handle(new EmulatorRequest("GET", PowerAuthEmulator.POSSESSION_RESOURCE_PATH,
                Map.of(header.key(), header.value()),
                new byte[0])).status();
    }

    /** @return the token id a header names (not secret: the server lists it too) */
    static String tokenIdOf(PowerAuthAuthorizationHttpHeader header) {
        String value = header.value();
        int start = value.indexOf("token_id=\"") + "token_id=\"".length();
        return value.substring(start, value.indexOf('"', start));
    }

    /** @return every stored entry of the instance, as copies */
    Map<String, SecretBytes> snapshot(String instanceId) {
        return BedSteps.snapshot(storage, instanceId);
    }

    /** @return what the future failed with, unwrapped; fails the test if it succeeds or hangs */
    static Throwable failure(CompletableFuture<?> future) {
        return BedSteps.failure(future, Duration.ofSeconds(60));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        clients.forEach(PowerAuthClient::close);
        emulator.close();
    }
}
