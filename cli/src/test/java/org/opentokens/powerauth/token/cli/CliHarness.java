package org.opentokens.powerauth.token.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opentokens.powerauth.testkit.EmulatorActivationCode;
import org.opentokens.powerauth.testkit.EmulatorApplication;
import org.opentokens.powerauth.testkit.PowerAuthEmulator;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;
import org.opentokens.powerauth.token.adapter.storage.sqlite.SqliteSecureStorage;
import org.opentokens.powerauth.token.application.internal.instance.InstanceStore;
import org.opentokens.powerauth.token.port.out.RandomSource;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/**
 * Runs the CLI in-process against the testkit emulator on 127.0.0.1, with captured streams, no terminal, a store
 * in a temporary directory and the lowest PBKDF2 cost the store accepts.
 */
final class CliHarness implements AutoCloseable {
    static final String PASSWORD = "1234";
    static final String PASSPHRASE = "correct horse battery staple";

    final PowerAuthEmulator emulator = PowerAuthEmulator.create();
    final URI baseUri = emulator.start();
    final EmulatorApplication app = emulator.createApplication();
    final Path dataDir;
    final Map<String, String> env = new HashMap<>();
    String keySource = "passphrase";
    String keychainService = StoreOpener.KEYCHAIN_SERVICE + "-test";
    Optional<ConsoleInput> console = Optional.empty();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    CliHarness(Path dataDir) {
        this.dataDir = dataDir;
        env.put(CliEnvironment.PASSPHRASE_ENV, PASSPHRASE);
        env.put(CliEnvironment.PASSWORD_ENV, PASSWORD);
    }

    /** What one run printed and returned. */
    record Result(int exitCode, String out, String err) {
        String line() {
            return out.strip();
        }
    }

    Result run(String... args) {
        return runWithStdin("", args);
    }

    Result runWithStdin(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString(), "--key-source", keySource));
        all.addAll(List.of(args));
        CliEnvironment environment = new CliEnvironment(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env, SecretEnvironment.of(env), console, dataDir.resolve("unused-default"), 100_000, 10,
                keychainService);
        int code = PowerAuthTokenCli.run(environment, all.toArray(String[]::new));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** @return the arguments of {@code activate} for a fresh code of this harness's application */
    String[] activateArgs(EmulatorActivationCode code, String... extra) {
        List<String> args = new ArrayList<>(List.of("activate", "--server", baseUri.toString(),
                "--app-key", app.appKey(), "--app-secret", app.appSecret(),
                "--master-key", app.masterServerPublicKey(), "--code", code.activationCode()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** Activates through the CLI and lets the back office commit. @return the activation id */
    String activate(String... extra) {
        EmulatorActivationCode code = emulator.initActivation(app);
        Result result = run(activateArgs(code, extra));
        if (result.exitCode() != 0) {
            throw new AssertionError("activate failed: " + result);
        }
        emulator.commitActivation(code.activationId());
        return code.activationId();
    }

    /**
     * @return the HTTP status of the emulator's resource for any possession-based token (the CLI's default tokens
     *     are possession-only, which a bare {@code @PowerAuthToken} endpoint refuses) for this header value
     */
    int useHeaderValue(String value) {
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve(PowerAuthEmulator.POSSESSION_RESOURCE_PATH))
                .timeout(Duration.ofSeconds(10)).header("X-PowerAuth-Token", value).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Deletes an instance's stored server time offset, as a stale or untrusted one would be ignored: the next
     * command has to synchronize with the server. Opens the passphrase store directly.
     *
     * @param instance the instance id
     * @return whether an offset was stored
     */
    boolean forgetTimeOffset(String instance) {
        RandomSource random = RandomSource.of(new SecureRandom());
        try (SqliteSecureStorage storage = SqliteSecureStorage.builder(dataDir.resolve(CliSession.DB_FILE))
                .keySource(StorageKeySources.passphrase(PASSPHRASE.toCharArray(), random, 100_000))
                .randomSource(random).open()) {
            return storage.delete(StorageNamespace.of(instance), InstanceStore.TIME_OFFSET_ENTRY);
        }
    }

    @Override
    public void close() {
        emulator.close();
    }
}
