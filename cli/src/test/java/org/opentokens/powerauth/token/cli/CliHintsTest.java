package org.opentokens.powerauth.token.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.testkit.EmulatorActivationCode;
import org.opentokens.powerauth.testkit.EmulatorActivationState;

/**
 * What the CLI prints when the server's answer alone would leave the user guessing: a wrong password, a token
 * requested before the back office committed, a wrong server base URL, an empty token list.
 */
class CliHintsTest extends CliEmulatorBase {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aWrongPasswordOnATokenRequestSaysHowManyAttemptsRemain() throws IOException {
        cli.activate();
        cli.env.put(CliEnvironment.PASSWORD_ENV, "9999");

        CliHarness.Result text = cli.run("token", "request", "t", "--factors", "possession_knowledge");
        CliHarness.Result json = cli.run("--json", "token", "request", "t", "--factors", "possession_knowledge");

        assertThat(text.exitCode()).isEqualTo(ExitCodes.SERVER_REJECTED);
        assertThat(text.err()).contains("HTTP 401, code ERR_AUTHENTICATION. The password may be wrong: 4 of 5 "
                + "attempts remain before the server blocks the activation").doesNotContain("9999");
        assertThat(json.exitCode()).isEqualTo(ExitCodes.SERVER_REJECTED);
        assertThat(MAPPER.readTree(json.err()).path("error").path("message").asText())
                .contains("The password may be wrong: 3 of 5 attempts remain");
    }

    @Test
    void aWrongPasswordOnActivationRemovalSaysHowManyRemainAndKeepsTheActivation() {
        cli.activate();
        cli.env.put(CliEnvironment.PASSWORD_ENV, "9999");

        CliHarness.Result result = cli.run("activation", "remove");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.SERVER_REJECTED);
        assertThat(result.err()).contains("The password may be wrong: 4 of 5 attempts remain");
        assertThat(cli.run("status", "--local").exitCode()).isZero();
    }

    @Test
    void theFifthWrongPasswordSaysTheActivationIsBlocked() {
        String activationId = cli.activate();
        cli.env.put(CliEnvironment.PASSWORD_ENV, "9999");
        CliHarness.Result last = null;

        for (int i = 0; i < 5; i++) {
            last = cli.run("token", "request", "t", "--factors", "possession_knowledge");
        }

        assertThat(cli.emulator.activation(activationId).state()).isEqualTo(EmulatorActivationState.BLOCKED);
        assertThat(last.err()).contains("The activation is BLOCKED on the server", "unblock");
    }

    @Test
    void aTokenRequestBeforeTheBackOfficeCommitsSaysSo() {
        EmulatorActivationCode code = cli.emulator.initActivation(cli.app);
        assertThat(cli.run(cli.activateArgs(code)).exitCode()).isZero();

        CliHarness.Result result = cli.run("token", "request", "t");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.SERVER_REJECTED);
        assertThat(result.err()).contains("code ERR_TEMPORARY_KEY", "The server has not committed the activation "
                + "yet (PENDING_COMMIT): the back office must commit it");
        cli.emulator.commitActivation(code.activationId());
        assertThat(cli.run("token", "request", "t").exitCode()).isZero();
    }

    @Test
    void aServerUrlEndingInPaIsNamedAsTheMistake() {
        EmulatorActivationCode code = cli.emulator.initActivation(cli.app);
        String[] args = cli.activateArgs(code);
        int server = java.util.List.of(args).indexOf("--server") + 1;
        args[server] = cli.baseUri + "/pa";

        CliHarness.Result result = cli.run(args);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.SERVER_REJECTED);
        assertThat(result.err()).contains("HTTP 404", "The server base URL ends in /pa: leave that out");
        assertThat(cli.run("status", "--local").exitCode()).as("nothing was saved").isEqualTo(ExitCodes.ACTIVATION);
    }

    @Test
    void anotherWrongServerPathSaysWhatTheBaseUrlIs() {
        EmulatorActivationCode code = cli.emulator.initActivation(cli.app);
        String[] args = cli.activateArgs(code);
        int server = java.util.List.of(args).indexOf("--server") + 1;
        args[server] = cli.baseUri + "/enrollment-server";

        CliHarness.Result result = cli.run(args);

        assertThat(result.err()).contains("HTTP 404", "check the server base URL. It is the part before /pa/v3");
    }

    @Test
    void tokenRequestHelpSaysA401MayMeanTheEndpointWantsMoreFactors() {
        CliHarness.Result help = cli.run("token", "request", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out().replaceAll("\\s+", " ")).contains("@PowerAuthToken", "a possession token gets HTTP 401 "
                + "there", "--factors possession_knowledge", "endpoints that list POSSESSION");
    }

    @Test
    void tokenListWithoutAnActivationIsAnEmptyListWithAndWithoutJson() throws IOException {
        CliHarness.Result text = cli.run("token", "list");
        CliHarness.Result json = cli.run("--json", "token", "list");
        CliHarness.Result otherInstance = cli.run("--instance", "nobody", "--json", "token", "list");

        assertThat(text.exitCode()).isZero();
        assertThat(text.line()).isEqualTo("No tokens.");
        assertThat(json.exitCode()).isZero();
        assertThat(MAPPER.readTree(json.out()).path("tokens").isArray()).isTrue();
        assertThat(MAPPER.readTree(json.out()).path("tokens")).isEmpty();
        assertThat(otherInstance.out().strip()).isEqualTo(json.out().strip());
        assertThat(text.err()).isEmpty();
    }

    @Test
    void tokenListAfterTheActivationWasRemovedIsEmptyToo() throws IOException {
        cli.activate();
        cli.run("token", "request", "t");
        assertThat(cli.run("activation", "remove").exitCode()).isZero();

        CliHarness.Result json = cli.run("--json", "token", "list");

        assertThat(json.exitCode()).isZero();
        JsonNode tokens = MAPPER.readTree(json.out()).path("tokens");
        assertThat(tokens).isEmpty();
    }
}
