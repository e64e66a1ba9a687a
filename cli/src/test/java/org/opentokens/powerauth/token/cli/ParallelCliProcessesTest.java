package org.opentokens.powerauth.token.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The reproduction, as separate JVMs: ten {@code token request --factors possession_knowledge} runs at
 * once on one store. Each process signs with the shared activation's counter; the exclusive section makes them
 * take turns, so every one succeeds and the server counts no failed attempt.
 */
class ParallelCliProcessesTest extends CliEmulatorBase {
    private static final int RUNS = 10;

    @Test
    void tenParallelPasswordTokenRequestsAllSucceedWithoutAFailedAttempt() throws Exception {
        String id = cli.activate();
        long countersBefore = cli.emulator.activation(id).counter();
        List<Process> runs = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            Path output = dir.resolve("run-" + i + ".out");
            outputs.add(output);
            runs.add(cliProcess(output, "token", "request", "k" + i, "--factors", "possession_knowledge"));
        }

        for (int i = 0; i < RUNS; i++) {
            assertThat(runs.get(i).waitFor(180, TimeUnit.SECONDS)).as("run %d ended (hang guard)", i).isTrue();
            assertThat(runs.get(i).exitValue()).as("run %d: %s", i, Files.readString(outputs.get(i))).isZero();
        }

        CliHarness.Result list = cli.run("token", "list");
        for (int i = 0; i < RUNS; i++) {
            assertThat(list.out()).contains("k" + i);
        }
        System.out.println("[multiprocess] " + RUNS + " parallel CLI runs: failed attempts "
                + cli.emulator.activation(id).failedAttempts() + ", server counter steps "
                + (cli.emulator.activation(id).counter() - countersBefore));
        assertThat(cli.emulator.tokens(id)).hasSize(RUNS);
        assertThat(cli.emulator.activation(id).failedAttempts()).isZero();
        assertThat(cli.emulator.activation(id).counter() - countersBefore).as("one counter step per signature")
                .isEqualTo(RUNS);
        assertThat(cli.run("status").out()).doesNotContain("BLOCKED");
    }

    /** Starts the CLI's main class in its own JVM, with the harness's store, key source and secrets. */
    private Process cliProcess(Path output, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                PowerAuthTokenCli.class.getName(), "--data-dir", dir.toString(), "--key-source", cli.keySource));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(cli.env);
        return builder.start();
    }

}
