package org.opentokens.powerauth.token.wiring.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The capture the scan relies on catches what the most verbose levels log: a marker logged through
 * {@code System.Logger} at TRACE, JUL at FINEST and SLF4J at TRACE is found in the capture files by the scanner.
 * The marker is not registered as a secret, so the final scan does not count it.
 */
class TraceCaptureTest {

    @Test
    void aMarkerLoggedAtTheMostVerboseLevelsReachesTheScannedFiles() throws IOException {
        String viaSystemLogger = marker();
        String viaJul = marker();
        String viaSlf4j = marker();
        System.getLogger("org.opentokens.powerauth.token.adapter.http.internal.Probe").log(System.Logger.Level.TRACE,
                "system logger {0}", viaSystemLogger);
        java.util.logging.Logger.getLogger("com.google.inject.Probe").finest("jul " + viaJul);
        LoggerFactory.getLogger("org.jdbi.v3.Probe").trace("slf4j {}", viaSlf4j);
        TraceLogCapture.flush();
        Path jul = TraceLogCapture.julLogFile();
        Path slf4j = TraceLogCapture.slf4jLogFile();

        assertThat(TraceLogCapture.installed()).isTrue();
        assertThat(scanner(viaSystemLogger).scan("JUL", jul)).as("System.Logger at TRACE").isNotEmpty();
        assertThat(scanner(viaJul).scan("JUL", jul)).as("JUL at FINEST").isNotEmpty();
        assertThat(slf4j).isNotNull();
        assertThat(scanner(viaSlf4j).scan("SLF4J", slf4j)).as("SLF4J at TRACE").hasSize(1);
    }

    private static SecretScanner scanner(String marker) {
        return new SecretScanner(Map.of(marker, new String[] {"marker", "text"}));
    }

    private static String marker() {
        return "capture-marker-" + HexFormat.of().formatHex(randomBytes());
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
