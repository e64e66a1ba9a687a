package org.opentokens.powerauth.token.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentokens.powerauth.testkit.EmulatorActivationCode;

/** A failed {@code activate} leaves no store behind, so a retry may choose its own passphrase. */
class CliActivateTest {
    @TempDir
    Path dir;

    private CliHarness cli;

    @BeforeEach
    void start() {
        cli = new CliHarness(dir);
    }

    @AfterEach
    void stop() {
        cli.close();
    }

    /** @return the arguments with the value of {@code option} replaced */
    private static String[] with(String[] args, String option, String value) {
        args[java.util.Arrays.asList(args).indexOf(option) + 1] = value;
        return args;
    }

    private String[] files() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void aMistypedCodeIsAUsageErrorThatCreatesNothing() throws IOException {
        EmulatorActivationCode code = cli.emulator.initActivation(cli.app);
        String typo = code.activationCode().substring(0, 22) + (code.activationCode().endsWith("A") ? "B" : "A");

        CliHarness.Result result = cli.run(with(cli.activateArgs(code), "--code", typo));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(files()).isEmpty();
        assertThat(cli.emulator.exchanges()).isEmpty();
    }

    @Test
    void everyOtherBadInputIsRefusedBeforeAnythingIsCreated() throws IOException {
        EmulatorActivationCode code = cli.emulator.initActivation(cli.app);

        assertThat(cli.run(with(cli.activateArgs(code), "--server", "https://bank example")).err())
                .contains("the server URL (baseUri) is not a valid URL");
        assertThat(cli.run(with(cli.activateArgs(code), "--app-secret", "AAAA")).exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run(cli.activateArgs(code, "--protocol", "2.1")).exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run(with(cli.activateArgs(code), "--code", code.activationCode() + "#AAAA")).exitCode())
                .isEqualTo(ExitCodes.USAGE);
        CliHarness.Result instance = cli.run(cli.activateArgs(code, "--instance", ""));
        assertThat(instance.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(instance.err()).contains("--instance: instance id must not be empty");
        cli.env.remove(CliEnvironment.PASSWORD_ENV);
        assertThat(cli.run(cli.activateArgs(code)).exitCode()).isEqualTo(ExitCodes.USAGE);

        assertThat(files()).isEmpty();
        assertThat(cli.emulator.exchanges()).isEmpty();
    }

    @Test
    void aCodeTheServerRefusesLeavesNoStoreAndARetryMayUseAnotherPassphrase(@TempDir Path elsewhere)
            throws IOException {
        EmulatorActivationCode used = cli.emulator.initActivation(cli.app);
        assertThat(cli.run(cli.activateArgs(used, "--db", elsewhere.resolve("x.db").toString())).exitCode()).isZero();

        CliHarness.Result refused = cli.run(cli.activateArgs(used));

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.SERVER_REJECTED);
        assertThat(files()).isEmpty();
        cli.env.put(CliEnvironment.PASSPHRASE_ENV, "another passphrase entirely");
        assertThat(cli.run(cli.activateArgs(cli.emulator.initActivation(cli.app))).exitCode()).isZero();
        assertThat(cli.run("status", "--local").exitCode()).isZero();
    }

    @Test
    void aFailureInAStoreThatExistedBeforeKeepsItAndItsOtherInstances() {
        String activationId = cli.activate();
        EmulatorActivationCode used = cli.emulator.initActivation(cli.app);
        cli.run(cli.activateArgs(used, "--instance", "second"));

        CliHarness.Result refused = cli.run(cli.activateArgs(used, "--instance", "third"));

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.SERVER_REJECTED);
        CliHarness.Result status = cli.run("status", "--local");
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains(activationId);
        assertThat(cli.run("--instance", "second", "status", "--local").exitCode()).isZero();
        assertThat(cli.run("--instance", "third", "status", "--local").exitCode()).isEqualTo(ExitCodes.ACTIVATION);
    }
}
