package org.opentokens.powerauth.token.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentokens.powerauth.testkit.EmulatorActivationCode;

/** {@code --json}: every command prints one JSON object; errors too, on standard error. */
class CliJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

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

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private JsonNode ok(String... args) {
        CliHarness.Result result = cli.run(args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().count()).isEqualTo(1);
        return json(result.out());
    }

    @Test
    void everyCommandAnswersWithOneJsonObject() {
        EmulatorActivationCode code = cli.emulator.initActivation(cli.app);
        String[] activateArgs = cli.activateArgs(code, "--json");

        JsonNode activated = ok(activateArgs);
        assertThat(activated.get("activationId").asText()).isEqualTo(code.activationId());
        assertThat(activated.get("fingerprint").asText()).hasSize(8);
        assertThat(activated.get("localState").asText()).isEqualTo("COMMITTED");
        cli.emulator.commitActivation(code.activationId());

        JsonNode token = ok("--json", "token", "request", "t");
        assertThat(token.get("name").asText()).isEqualTo("t");
        assertThat(token.get("factors").asText()).isEqualTo("possession");
        assertThat(token.get("tokenId").asText()).isEqualTo(cli.emulator.tokens(code.activationId()).get(0).tokenId());

        JsonNode header = ok("--json", "token", "header", "t");
        assertThat(header.get("name").asText()).isEqualTo("X-PowerAuth-Token");
        assertThat(cli.useHeaderValue(header.get("value").asText())).isEqualTo(200);

        JsonNode list = ok("--json", "token", "list");
        assertThat(list.get("tokens")).hasSize(1);
        assertThat(list.get("tokens").get(0).get("name").asText()).isEqualTo("t");

        JsonNode status = ok("--json", "status");
        assertThat(status.get("serverState").asText()).isEqualTo("ACTIVE");
        assertThat(status.get("failedAttempts").asInt()).isZero();
        assertThat(status.get("tokens").get(0).asText()).isEqualTo("t");
        assertThat(status.get("protocolVersion").asText()).isEqualTo("3.3");

        assertThat(ok("--json", "token", "remove", "t").get("removed").asText()).isEqualTo("server and local");
        JsonNode removed = ok("--json", "activation", "remove");
        assertThat(removed.get("activationId").asText()).isEqualTo(code.activationId());
    }

    @Test
    void demoReportsItsOutcome() {
        JsonNode demo = ok("--json", "demo");

        assertThat(demo.get("asExpected").asBoolean()).isTrue();
        assertThat(demo.get("replayStatus").asInt()).isEqualTo(401);
    }

    @ParameterizedTest
    @MethodSource("usageErrors")
    void usageErrorsFollowTheSameJsonShape(List<String> args) {
        CliHarness.Result result = cli.run(args.toArray(String[]::new));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines().count()).as(result.err()).isEqualTo(1);
        JsonNode root = json(result.err());
        assertThat(root.size()).isEqualTo(1);
        JsonNode error = root.get("error");
        assertThat(error.get("exitCode").asInt()).isEqualTo(ExitCodes.USAGE);
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.size()).isEqualTo(2);
    }

    static Stream<List<String>> usageErrors() {
        return Stream.of(
                List.of("--json"),
                List.of("--json", "token"),
                List.of("--json", "status", "--no-such-option"),
                List.of("status", "--no-such-option", "--json"),
                List.of("--json", "token", "request"),
                List.of("--json", "token", "request", "t", "--factors", "biometry"),
                List.of("--json", "--key-source", "floppy", "status"),
                List.of("--json", "--timeout", "soon", "status"),
                List.of("--json", "--instance", "", "status"),
                List.of("--json", "token", "header", "a\u001b[2Jb"),
                List.of("--json", "no-such-command"));
    }

    @Test
    void aServerTimeoutIsReportedInSecondsNotIsoNotation() {
        cli.activate();
        cli.emulator.faults().delay("/pa/v3/activation/status", java.time.Duration.ofSeconds(3));

        CliHarness.Result result = cli.run("--json", "--timeout", "1s", "status");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.SERVER_UNREACHABLE);
        String message = json(result.err()).get("error").get("message").asText();
        assertThat(message).contains("within 1 s").doesNotContain("PT");
    }

    @Test
    void errorsGoToStandardErrorAsJsonWithTheExitCode() {
        CliHarness.Result result = cli.run("--json", "status");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.ACTIVATION);
        assertThat(result.out()).isEmpty();
        JsonNode error = json(result.err()).get("error");
        assertThat(error.get("exitCode").asInt()).isEqualTo(ExitCodes.ACTIVATION);
        assertThat(error.get("message").asText()).contains("has no activation");
    }
}
