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
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * A header without the network: once a {@code token header} process (a separate JVM) synchronized time with a
 * status call, later ones trust the stored offset and make none. Linux only, where the boot identifier that
 * makes the stored monotonic reading comparable between processes exists.
 */
@EnabledOnOs(OS.LINUX)
class CliStoredTimeOffsetTest extends CliEmulatorBase {
    private static final String STATUS = "/pa/v3/status";

    @Test
    void theSecondHeaderProcessMakesNoStatusCall() throws Exception {
        cli.activate();
        assertThat(cli.run("token", "request", "balance").exitCode()).isZero();
        assertThat(cli.forgetTimeOffset("default")).as("activate stored the offset of its ECIES responses").isTrue();
        long before = cli.emulator.count(STATUS);

        String first = header("first");
        assertThat(cli.emulator.count(STATUS)).as("the first header process synchronizes").isEqualTo(before + 1);
        String second = header("second");
        String third = header("third");

        assertThat(cli.emulator.count(STATUS)).as("status calls of the later header processes")
                .isEqualTo(before + 1);
        assertThat(List.of(first, second, third)).doesNotHaveDuplicates();
        assertThat(cli.useHeaderValue(first)).isEqualTo(200);
        assertThat(cli.useHeaderValue(second)).isEqualTo(200);
        assertThat(cli.useHeaderValue(third)).isEqualTo(200);
    }

    /** Runs {@code token header balance --value-only} in its own JVM. @return the value it printed */
    private String header(String label) throws IOException, InterruptedException {
        Path output = dir.resolve(label + ".out");
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                PowerAuthTokenCli.class.getName(), "--data-dir", dir.toString(), "--key-source", cli.keySource,
                "token", "header", "balance", "--value-only"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(dir.resolve(label + ".err").toFile());
        builder.environment().putAll(cli.env);
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s header process ended", label).isTrue();
        assertThat(process.exitValue()).as("%s: %s", label, Files.readString(dir.resolve(label + ".err")))
                .isZero();
        return Files.readString(output).strip();
    }
}
