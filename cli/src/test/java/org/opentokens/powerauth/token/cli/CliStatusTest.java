package org.opentokens.powerauth.token.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code status}: attempts, the counter and what to do next, in text and {@code --json}. */
class CliStatusTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;
    @TempDir
    Path backup;

    private CliHarness cli;

    @BeforeEach
    void start() {
        cli = new CliHarness(dir);
    }

    @AfterEach
    void stop() {
        cli.close();
    }

    private JsonNode jsonStatus(String... extra) {
        String[] args = Stream.concat(Stream.of("--json"), Stream.concat(Stream.of(extra), Stream.of("status")))
                .toArray(String[]::new);
        CliHarness.Result result = cli.run(args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        try {
            return MAPPER.readTree(result.out());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void failedAndRemainingAttemptsAndAnInStepCounter() {
        cli.activate();
        cli.env.put(CliEnvironment.PASSWORD_ENV, "9999");
        assertThat(cli.run("token", "request", "t", "--factors", "possession_knowledge").exitCode())
                .isEqualTo(ExitCodes.SERVER_REJECTED);

        CliHarness.Result text = cli.run("status");
        JsonNode json = jsonStatus();

        assertThat(text.out()).contains("Server says: ACTIVE (1 of 5 failed attempts used)",
                "Attempts:    1 failed, 4 remaining before the server blocks the activation",
                "Counter:     in step with the server").doesNotContain("Next step:");
        assertThat(json.get("failedAttempts").asInt()).isEqualTo(1);
        assertThat(json.get("maxFailedAttempts").asInt()).isEqualTo(5);
        assertThat(json.get("remainingAttempts").asInt()).isEqualTo(4);
        assertThat(json.get("counterResynchronized").asBoolean()).isFalse();
        assertThat(json.get("signSoon").asBoolean()).isFalse();
        assertThat(json.get("nextStep").isNull()).isTrue();
    }

    @Test
    void aCounterBehindTheServerIsResynchronizedAndSaysSo() throws IOException {
        cli.activate();
        copyStore(dir, backup);
        assertThat(cli.run("token", "request", "t").exitCode()).isZero();
        copyStore(backup, dir);

        CliHarness.Result text = cli.run("status");
        JsonNode again = jsonStatus();

        assertThat(text.out()).contains("Counter:     resynchronized: it was behind the server and has been moved "
                + "forward");
        assertThat(again.get("counterResynchronized").asBoolean()).as("in step after the first").isFalse();
        assertThat(cli.run("token", "request", "u").exitCode()).as("signing works again").isZero();
    }

    @Test
    void aCounterFarAheadOfTheServerAsksToSignSoon() {
        cli.activate();
        for (int i = 0; i < 11; i++) {
            cli.emulator.faults().status("/pa/v3/token/create", 503, "");
            assertThat(cli.run("token", "request", "t" + i).exitCode()).isEqualTo(ExitCodes.SERVER_REJECTED);
        }

        CliHarness.Result text = cli.run("status");
        JsonNode json = jsonStatus();

        assertThat(text.out()).contains("Counter:     ahead of the server; sign something soon (for example: "
                + "powerauth-token token request NAME) to keep it usable");
        assertThat(json.get("signSoon").asBoolean()).isTrue();
    }

    @Test
    void afterTheServerRemovedTheActivationStatusSaysWhatToDo() {
        String activationId = cli.activate();
        cli.run("token", "request", "t");
        cli.emulator.removeActivation(activationId);

        CliHarness.Result text = cli.run("status");
        JsonNode json = jsonStatus();

        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("Server says: REMOVED", "Next step:   the activation was removed on the "
                + "server and its tokens deleted here. Remove it from this machine (powerauth-token activation "
                + "remove --local), then activate again with a new activation code.", "Tokens:      none");
        assertThat(json.get("serverState").asText()).isEqualTo("REMOVED");
        assertThat(json.get("nextStep").asText()).contains("activation remove --local");

        assertThat(cli.run("activation", "remove", "--local").exitCode()).as("the advice works").isZero();
        cli.activate();
        assertThat(cli.run("status").out()).contains("Server says: ACTIVE");
    }

    @Test
    void afterTheServerBlockedTheActivationStatusSaysWhatToDo() {
        String activationId = cli.activate("--instance", "work");
        cli.emulator.blockActivation(activationId);

        CliHarness.Result text = cli.run("--instance", "work", "status");
        JsonNode json = jsonStatus("--instance", "work");

        assertThat(text.out()).contains("Server says: BLOCKED", "Next step:   the server blocked the activation "
                + "(too many wrong passwords, or the back office). Ask the back office to unblock it; or remove it "
                + "(powerauth-token activation remove --local --instance work) and activate again");
        assertThat(json.get("nextStep").asText()).contains("unblock");

        cli.emulator.unblockActivation(activationId);
        assertThat(jsonStatus("--instance", "work").get("nextStep").isNull()).isTrue();
    }

    @Test
    void beforeTheBackOfficeCommitsStatusSaysToWait() {
        var code = cli.emulator.initActivation(cli.app);
        cli.run(cli.activateArgs(code));

        assertThat(cli.run("status").out()).contains("Server says: PENDING_COMMIT",
                "Next step:   the back office has not committed the activation yet");
    }

    @Test
    void localStatusAsksTheServerNothing() {
        cli.activate();
        long before = cli.emulator.count("/pa/v3/activation/status");

        CliHarness.Result result = cli.run("status", "--local");

        assertThat(result.out()).doesNotContain("Attempts:", "Counter:", "Server says:");
        assertThat(cli.emulator.count("/pa/v3/activation/status")).isEqualTo(before);
    }

    private static void copyStore(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(CliSession.DB_FILE)).toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        try (Stream<Path> files = Files.list(to)) {
            List<Path> extra = files.filter(f -> f.getFileName().toString().startsWith(CliSession.DB_FILE))
                    .filter(f -> !Files.exists(from.resolve(f.getFileName()))).toList();
            for (Path file : extra) {
                Files.delete(file);
            }
        }
    }
}
