package org.opentokens.powerauth.token.cli.demo;

import com.google.inject.Guice;
import com.google.inject.Stage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.opentokens.powerauth.testkit.EmulatorActivationCode;
import org.opentokens.powerauth.testkit.EmulatorActivationState;
import org.opentokens.powerauth.testkit.EmulatorApplication;
import org.opentokens.powerauth.testkit.EmulatorAuthFailure;
import org.opentokens.powerauth.testkit.EmulatorExchange;
import org.opentokens.powerauth.testkit.PowerAuthEmulator;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySource;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;
import org.opentokens.powerauth.token.adapter.storage.sqlite.SqliteSecureStorage;
import org.opentokens.powerauth.token.domain.error.TokenNotFoundException;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.in.LocalActivationState;
import org.opentokens.powerauth.token.port.in.PowerAuthActivation;
import org.opentokens.powerauth.token.port.in.PowerAuthActivationResult;
import org.opentokens.powerauth.token.port.in.PowerAuthActivationStatus;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;
import org.opentokens.powerauth.token.port.in.PowerAuthToken;
import org.opentokens.powerauth.token.port.in.PowerAuthTokenStore;
import org.opentokens.powerauth.token.port.out.RandomSource;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.PowerAuthClientConfig;
import org.opentokens.powerauth.token.wiring.PowerAuthTokenModule;

/**
 * The whole token story, printed for a newcomer: an embedded PowerAuth emulator on 127.0.0.1 plays the bank's
 * server and back office; a client built by Guice, with its keys in an encrypted SQLite file in a temporary
 * directory, activates, requests a token, sends headers to a protected API, sees a replay and a removed token
 * rejected, and removes its activation. Run by {@code mvn -B -q -Pdemo -DskipTests verify} and by
 * {@code powerauth-token demo}.
 */
public final class TokenDemo {
    private static final String TOKEN = "demo";
    private static final char[] PASSWORD = "1234".toCharArray();

    private final PrintStream out;

    private TokenDemo(PrintStream out) {
        this.out = out;
    }

    /**
     * Runs the demo on standard output; exits with status 1 if a step did not end as expected.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        if (!run(System.out).asExpected()) {
            System.exit(1);
        }
    }

    /**
     * Runs the demo; everything it creates (server, files) is gone when it returns.
     *
     * @param out where the narration goes
     * @return what each step observed
     */
    public static DemoResult run(PrintStream out) {
        Path dir;
        try {
            dir = Files.createTempDirectory("powerauth-token-demo-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
        try (PowerAuthEmulator emulator = PowerAuthEmulator.create()) {
            return new TokenDemo(out).story(emulator, dir.resolve("tokens.db"));
        } finally {
            deleteRecursively(dir);
        }
    }

    private DemoResult story(PowerAuthEmulator emulator, Path file) {
        URI server = emulator.start();
        RandomSource random = RandomSource.of(new SecureRandom());
        out.println("PowerAuth token demo");
        out.println("====================");
        out.println("An embedded PowerAuth server emulator runs at " + server + ";");
        out.println("it plays the bank's enrollment server and its back office. The client keeps its keys and");
        out.println("tokens encrypted (AES-256-GCM) in a SQLite file, deleted at the end:");
        out.println("  " + file);
        out.println();

        EmulatorApplication app = emulator.createApplication();
        EmulatorActivationCode code = emulator.initActivation(app);
        step(1, "Back office: registered an application and issued the activation code " + code.activationCode());
        detail("the app embeds the app key " + app.appKey() + ", the app secret and the master server public key");

        StorageKeySource key = StorageKeySources.rawKey(
                SecretBytes.takeOwnership(random.nextBytes(StorageKeySource.KEY_BYTES)));
        try (SqliteSecureStorage storage = SqliteSecureStorage.builder(file).keySource(key).randomSource(random).open();
                PowerAuthClient client = Guice.createInjector(Stage.PRODUCTION,
                        new PowerAuthTokenModule(PowerAuthClientConfig.builder(server, app.appKey(), app.appSecret(),
                                app.masterServerPublicKey()).instanceId("demo").build()),
                        binder -> binder.bind(SecureStorage.class).toInstance(storage))
                        .getInstance(PowerAuthClient.class)) {
            return withClient(emulator, code, client, new ProtectedResource(server));
        }
    }

    private DemoResult withClient(PowerAuthEmulator emulator, EmulatorActivationCode code, PowerAuthClient client,
            ProtectedResource resource) {
        PowerAuthActivationResult created = client.activation()
                .createActivation(PowerAuthActivation.builder(code.activationCode(), "demo laptop").build()).join();
        client.activation().commitActivation(PowerAuthAuthentication.commitWithPassword(PASSWORD));
        LocalActivationState afterCommit = client.activation().localState();
        step(2, "Client: activated with that code: activation " + created.activationId() + ", fingerprint "
                + created.activationFingerprint());
        detail("committed locally with the user's password: keys derived and stored, state "
                + afterCommit);

        emulator.commitActivation(created.activationId());
        step(3, "Back office: the user confirmed the fingerprint; the activation is committed on the server");

        PowerAuthActivationStatus status = client.activation().fetchActivationStatus().join();
        step(4, "Client: status -> " + status.state() + " (" + status.failedAttempts() + " of "
                + status.maxFailedAttempts() + " failed attempts used)");

        PowerAuthTokenStore tokens = client.tokenStore();
        PowerAuthToken token = tokens.requestAccessToken(TOKEN, PowerAuthAuthentication.possessionWithPassword(PASSWORD))
                .join();
        step(5, "Client: requested token \"" + TOKEN + "\", signed with " + token.signatureType() + " -> token id "
                + token.tokenIdentifier().value());
        detail("two factors (the device key and the password), because the demo API, like an endpoint with a bare");
        detail("@PowerAuthToken, accepts no possession-only token; the token's secret never leaves the client,");
        detail("headers are computed locally from it");

        step(6, "Client: three X-PowerAuth-Token headers, each with a new nonce and the server-synchronized time:");
        List<PowerAuthAuthorizationHttpHeader> headers = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            PowerAuthAuthorizationHttpHeader header = tokens.generateHeaderForToken(TOKEN);
            headers.add(header);
            detail("#" + i + " " + header.asHeaderLine());
        }

        step(7, "Client: GET " + PowerAuthEmulator.RESOURCE_PATH + " with each header");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            ProtectedResource.Answer answer = resource.call(headers.get(i));
            statuses.add(answer.status());
            detail("#" + (i + 1) + " -> " + answer);
        }

        ProtectedResource.Answer replay = resource.call(headers.get(0));
        EmulatorAuthFailure replayReason = lastReason(emulator);
        step(8, "Client: replays header #1 -> " + replay);
        detail("a real server gives every failed check this same answer and keeps the reason in its log;");
        detail("the emulator's log says " + replayReason + ". A server remembers a used header for about a");
        detail("minute, so a client never sends one twice: each header is single-use");

        PowerAuthAuthorizationHttpHeader beforeRemoval = tokens.generateHeaderForToken(TOKEN);
        tokens.removeAccessToken(TOKEN).join();
        ProtectedResource.Answer removed = resource.call(beforeRemoval);
        EmulatorAuthFailure removedReason = lastReason(emulator);
        boolean refused = refusesHeader(tokens);
        step(9, "Client: removed token \"" + TOKEN + "\" on the server and locally");
        detail("a header made just before the removal -> " + removed + " (the emulator's log: " + removedReason
                + ")");
        detail(refused ? "a new header is refused: the client holds no token \"" + TOKEN + "\" any more"
                : "unexpected: the client still made a header");

        client.activation().removeActivation(PowerAuthAuthentication.possessionWithPassword(PASSWORD)).join();
        EmulatorActivationState serverState = emulator.activation(created.activationId()).state();
        step(10, "Client: removed the activation (signed with possession and the password) -> server state "
                + serverState + ", local state " + client.activation().localState());

        DemoResult result = new DemoResult(created.activationId(), afterCommit, status.state(),
                token.signatureType(), statuses, replay.status(), replay.code(), replayReason,
                removed.status(), removedReason, refused, serverState, client.activation().localState());
        out.println();
        out.println(result.asExpected() ? "Every step behaved as expected." : "Some step did not behave as expected.");
        return result;
    }

    private static EmulatorAuthFailure lastReason(PowerAuthEmulator emulator) {
        List<EmulatorExchange> exchanges = emulator.exchanges();
        return exchanges.isEmpty() ? null : exchanges.get(exchanges.size() - 1).reason();
    }

    private static boolean refusesHeader(PowerAuthTokenStore tokens) {
        try {
            tokens.generateHeaderForToken(TOKEN);
            return false;
        } catch (TokenNotFoundException e) {
            return true;
        }
    }

    private void step(int number, String text) {
        out.printf("[%d] %s%n", number, text);
    }

    private void detail(String text) {
        out.println("     " + text);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }
}
