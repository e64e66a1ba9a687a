package org.opentokens.powerauth.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.testkit.EmulatorMain;

/**
 * A host's tests without an SLF4J back end (this module has none) see no SLF4J warning from the testkit. Runs the
 * emulator in a fresh JVM on this module's test class path, so that no earlier test has started SLF4J already.
 */
class NoSlf4jWarningTest {

    private static String emulatorStandardError(String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), EmulatorMain.class.getName(),
                "--exit-after-start"));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isZero();
        return err;
    }

    @Test
    void theEmulatorStartsWithoutSlf4jWarnings() throws Exception {
        assertThat(emulatorStandardError()).doesNotContain("SLF4J");
    }

    @Test
    void theWarningWouldBeThereIfTheHostAskedForIt() throws Exception {
        assertThat(emulatorStandardError("-Dslf4j.internal.verbosity=WARN")).contains("No SLF4J providers");
    }
}
