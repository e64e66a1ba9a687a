package org.opentokens.powerauth.token.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's key in the OS keychain (the Secret Service on Linux). Runs in CI, where a headless gnome-keyring is
 * up; on a developer machine without a session bus it is skipped. Each run leaves one key item in the keychain.
 */
class CliKeychainTest {
    @TempDir
    Path dir;

    private CliHarness cli;

    @BeforeEach
    void start() {
        if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
            String bus = System.getenv("DBUS_SESSION_BUS_ADDRESS");
            assumeTrue(bus != null && !bus.isBlank(), "no D-Bus session bus here (and CI is not set)");
        }
        cli = new CliHarness(dir);
        cli.env.remove(CliEnvironment.PASSPHRASE_ENV);
    }

    @AfterEach
    void stop() {
        if (cli != null) {
            cli.close();
        }
    }

    @Test
    void aKeychainStoreNeedsNoPassphraseAndAutoFindsIt() {
        cli.keySource = "keychain";
        String activationId = cli.activate();

        cli.keySource = "auto";
        CliHarness.Result status = cli.run("status");

        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains(activationId, "Server says: ACTIVE");
    }

    @Test
    void aKeychainItemThatIsGoneIsAStorageErrorThatSaysHowToRecover() throws Exception {
        requireSecretTool();
        cli.keychainService = "powerauth-token-cli-test-" + java.util.UUID.randomUUID();
        cli.keySource = "keychain";
        cli.activate();
        clearKeychainService(cli.keychainService);

        cli.keySource = "auto";
        CliHarness.Result result = cli.run("status", "--local");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.STORAGE);
        assertThat(result.err()).contains("is kept in the OS keychain", "No passphrase can open this store",
                "restore it from a backup of the keychain", "move " + dir.resolve(CliSession.DB_FILE),
                "powerauth-token activate");
        cli.keySource = "keychain";
        assertThat(cli.run("status", "--local").exitCode()).isEqualTo(ExitCodes.STORAGE);
    }

    @Test
    void aFailedActivateTakesBackTheKeychainItemItCreated() throws Exception {
        requireSecretTool();
        cli.keychainService = "powerauth-token-cli-test-" + java.util.UUID.randomUUID();
        cli.keySource = "keychain";
        org.opentokens.powerauth.testkit.EmulatorActivationCode used = cli.emulator.initActivation(cli.app);
        cli.run(cli.activateArgs(used, "--db", dir.resolve("first.db").toString()));
        assertThat(keychainItems(cli.keychainService)).isEqualTo(1);

        CliHarness.Result refused = cli.run(cli.activateArgs(used));

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.SERVER_REJECTED);
        assertThat(dir.resolve(CliSession.DB_FILE)).doesNotExist();
        assertThat(keychainItems(cli.keychainService)).isEqualTo(1);
    }

    /** CI installs libsecret-tools; a developer machine without {@code secret-tool} skips. */
    private static void requireSecretTool() {
        boolean present = java.util.stream.Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(d -> java.nio.file.Files.isExecutable(Path.of(d, "secret-tool")));
        if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
            assumeTrue(present, "secret-tool (libsecret-tools) is not installed");
        }
        assertThat(present).as("secret-tool on the PATH").isTrue();
    }

    /** Deletes every item of a test-only service with libsecret's own tool, as a user could by mistake. */
    private static void clearKeychainService(String service) throws Exception {
        Process clear = new ProcessBuilder("secret-tool", "clear", "service", service).inheritIO().start();
        assertThat(clear.waitFor()).isZero();
        assertThat(keychainItems(service)).isZero();
    }

    private static long keychainItems(String service) throws Exception {
        Process search = new ProcessBuilder("secret-tool", "search", "--all", "service", service)
                .redirectErrorStream(true).start();
        String out = new String(search.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        search.waitFor();
        return out.lines().filter(line -> line.startsWith("[/")).count();
    }

    @Test
    void aPassphraseDoesNotOpenAKeychainStore() {
        cli.keySource = "keychain";
        cli.activate();
        cli.keySource = "passphrase";
        cli.env.put(CliEnvironment.PASSPHRASE_ENV, CliHarness.PASSPHRASE);

        CliHarness.Result result = cli.run("status", "--local");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.STORAGE);
        assertThat(result.err()).contains("keychain");
    }
}
