package org.opentokens.powerauth.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EmulatorMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return EmulatorMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aShortRunPrintsTheBaseUrlCredentialsAndAnActivationCode() {
        int status = run("--port", "0", "--exit-after-start");

        assertThat(status).isZero();
        assertThat(out()).containsPattern("base URL +http://127\\.0\\.0\\.1:\\d+")
                .containsPattern("appKey +[A-Za-z0-9+/=]{24}")
                .containsPattern("appSecret +[A-Za-z0-9+/=]{24}")
                .containsPattern("masterServerPublicKey +[A-Za-z0-9+/=]{88}")
                .containsPattern("4\\.0 masterEcP384 +[A-Za-z0-9+/=]{64,132}\\n")
                .containsPattern("4\\.0 masterMlDsa65 +MII[A-Za-z0-9+/=]{2600,}")
                .containsPattern("4\\.0 masterMlDsa87 +MII[A-Za-z0-9+/=]{3400,}")
                .containsPattern("activationCode +[A-Z2-7]{5}-[A-Z2-7]{5}-[A-Z2-7]{5}-[A-Z2-7]{5}")
                .containsPattern("qrPayload +[A-Z2-7-]{23}#")
                .contains("/admin/activations/");
    }

    @Test
    void commitOnKeyExchangeIsReported() {
        int status = run("--commit-on-key-exchange", "--exit-after-start");

        assertThat(status).isZero();
        assertThat(out()).contains("commit                on key exchange");
    }

    @Test
    void badOptionsPrintUsageAndFail() {
        assertThat(run("--port")).isEqualTo(2);
        assertThat(run("--port", "99999")).isEqualTo(2);
        assertThat(run("--verbose")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
    }

    @Test
    void helpPrintsUsage() {
        assertThat(run("--help")).isZero();
        assertThat(out()).startsWith("usage:");
    }

    @Test
    void mainItselfRunsAShortRun() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            EmulatorMain.main(new String[] {"--exit-after-start"});
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("base URL");
    }
}
