package org.opentokens.powerauth.token.wiring.cli;

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
