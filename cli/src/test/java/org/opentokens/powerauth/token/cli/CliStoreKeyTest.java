package org.opentokens.powerauth.token.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --key-source key}: a raw 256-bit store key in {@code $POWERAUTH_TOKEN_STORE_KEY}. */
class CliStoreKeyTest {
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
        31, 32});

    @TempDir
    Path dir;

    private CliHarness cli;

    @BeforeEach
    void start() {
        cli = new CliHarness(dir);
        cli.keySource = "key";
        cli.env.remove(CliEnvironment.PASSPHRASE_ENV);
        cli.env.put(CliEnvironment.STORE_KEY_ENV, KEY);
    }

    @AfterEach
    void stop() {
        cli.close();
    }

    @Test
    void theKeyCreatesAndOpensTheStore() {
        cli.activate();
        assertThat(cli.run("token", "request", "t").exitCode()).isZero();

        String value = cli.run("token", "header", "t", "--value-only").line();

        assertThat(cli.useHeaderValue(value)).isEqualTo(200);
    }

    @Test
    void anotherKeyDoesNotOpenTheStoreAndChangesNothing() throws Exception {
        cli.activate();
        byte[] before = Files.readAllBytes(dir.resolve("tokens.db"));
        cli.env.put(CliEnvironment.STORE_KEY_ENV, Base64.getEncoder().encodeToString(new byte[32]));

        CliHarness.Result result = cli.run("token", "list");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.STORAGE);
        assertThat(result.err()).contains("POWERAUTH_TOKEN_STORE_KEY", "does not open").doesNotContain(KEY);
        assertThat(Files.readAllBytes(dir.resolve("tokens.db"))).isEqualTo(before);
    }

    @Test
    void aPassphraseStoreIsNotOpenedByAKey() {
        cli.keySource = "passphrase";
        cli.env.put(CliEnvironment.PASSPHRASE_ENV, CliHarness.PASSPHRASE);
        cli.activate();
        cli.keySource = "key";

        assertThat(cli.run("token", "list").exitCode()).isEqualTo(ExitCodes.STORAGE);
    }

    @Test
    void aMissingOrMalformedKeyIsAUsageErrorAndCreatesNothing() {
        cli.env.remove(CliEnvironment.STORE_KEY_ENV);
        assertThat(cli.run(cli.activateArgs(cli.emulator.initActivation(cli.app))).exitCode())
                .isEqualTo(ExitCodes.USAGE);
        for (String bad : new String[] {"not base64!", Base64.getEncoder().encodeToString(new byte[31]), "ääää"}) {
            cli.env.put(CliEnvironment.STORE_KEY_ENV, bad);
            CliHarness.Result result = cli.run(cli.activateArgs(cli.emulator.initActivation(cli.app)));
            assertThat(result.exitCode()).as(bad).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err()).contains("openssl rand -base64 32");
        }
        assertThat(dir.resolve("tokens.db")).doesNotExist();
    }
}
