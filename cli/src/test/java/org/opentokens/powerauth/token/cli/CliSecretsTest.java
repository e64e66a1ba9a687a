package org.opentokens.powerauth.token.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Passwords and passphrases from the terminal (without echo), and where the store lives by default. */
class CliSecretsTest {
    @TempDir
    Path dir;

    private CliHarness cli;
    private final Deque<String> typed = new ArrayDeque<>();
    private final List<String> prompts = new ArrayList<>();

    @BeforeEach
    void start() {
        cli = new CliHarness(dir);
        cli.console = Optional.of(prompt -> {
            prompts.add(prompt);
            return Optional.ofNullable(typed.poll()).map(String::toCharArray);
        });
    }

    @AfterEach
    void stop() {
        cli.close();
    }

    @Test
    void aNewStoreAsksForThePassphraseTwiceAndThenThePassword() {
        cli.env.clear();
        typed.addAll(List.of("secret words", "secret words", "1234"));

        CliHarness.Result result = cli.run(cli.activateArgs(cli.emulator.initActivation(cli.app)));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(prompts).containsExactly("Storage passphrase: ", "Repeat the passphrase: ", "New password: ");
    }

    @Test
    void anExistingStoreAsksForThePassphraseOnce() {
        cli.activate();
        cli.env.clear();
        typed.add(CliHarness.PASSPHRASE);

        assertThat(cli.run("status", "--local").exitCode()).isZero();
        assertThat(prompts).containsExactly("Storage passphrase: ");
    }

    @Test
    void twoDifferentPassphrasesForANewStoreAreAUsageErrorAndCreateNothing() {
        cli.env.clear();
        typed.addAll(List.of("one", "two"));

        CliHarness.Result result = cli.run(cli.activateArgs(cli.emulator.initActivation(cli.app)));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("the two passphrases differ");
        assertThat(dir.resolve(CliSession.DB_FILE)).doesNotExist();
        assertThat(cli.emulator.exchanges()).isEmpty();
    }

    @Test
    void aPassphraseTypedInTheTerminalIsNormalizedToNfc() {
        cli.env.remove(CliEnvironment.PASSPHRASE_ENV);
        typed.addAll(List.of("cafe\u0301", "cafe\u0301"));
        assertThat(cli.run(cli.activateArgs(cli.emulator.initActivation(cli.app))).exitCode()).isZero();

        typed.add("caf\u00e9");
        assertThat(cli.run("status", "--local").exitCode()).isZero();
    }

    @Test
    void textTheTerminalCouldNotDecodeIsRefused() {
        cli.env.remove(CliEnvironment.PASSPHRASE_ENV);
        typed.addAll(List.of("\ufffd\ufffd\ufffd", "\ufffd\ufffd\ufffd"));

        CliHarness.Result result = cli.run(cli.activateArgs(cli.emulator.initActivation(cli.app)));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("passphrase typed in the terminal is not valid UTF-8 text");
        assertThat(dir.resolve(CliSession.DB_FILE)).doesNotExist();
    }

    @Test
    void theDefaultStoreIsInThePerUserDataDirectoryOfEachSystem() {
        Path home = Path.of("/home/ann");

        assertThat(CliEnvironment.userDataDir(Map.of(), "Linux", home))
                .isEqualTo(Path.of("/home/ann/.local/share/powerauth-token"));
        assertThat(CliEnvironment.userDataDir(Map.of("XDG_DATA_HOME", "/data"), "Linux", home))
                .isEqualTo(Path.of("/data/powerauth-token"));
        assertThat(CliEnvironment.userDataDir(Map.of(), "Mac OS X", home))
                .isEqualTo(Path.of("/home/ann/Library/Application Support/powerauth-token"));
        assertThat(CliEnvironment.userDataDir(Map.of("APPDATA", "/roaming"), "Windows 11", home))
                .isEqualTo(Path.of("/roaming/powerauth-token"));
    }

    @Test
    void dbOverridesDataDir() {
        Path file = dir.resolve("elsewhere").resolve("mine.db");
        cli.activate("--db", file.toString());

        assertThat(file).exists();
        assertThat(dir.resolve(CliSession.DB_FILE)).doesNotExist();
        assertThat(cli.run("--db", file.toString(), "status", "--local").exitCode()).isZero();
    }
}
