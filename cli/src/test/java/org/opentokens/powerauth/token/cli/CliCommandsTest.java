package org.opentokens.powerauth.token.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.testkit.EmulatorActivationCode;
import org.opentokens.powerauth.testkit.EmulatorActivationState;
import org.opentokens.powerauth.testkit.EmulatorToken;

/** Every command, in human output, against the emulator over HTTP. */
class CliCommandsTest extends CliEmulatorBase {
    @Test
    void activateCommitsLocallyAndStatusFollowsTheBackOffice() {
        EmulatorActivationCode code = cli.emulator.initActivation(cli.app);

        CliHarness.Result activated = cli.run(cli.activateArgs(code));

        assertThat(activated.exitCode()).isZero();
        assertThat(activated.out()).contains("Activated instance 'default': activation " + code.activationId());
        assertThat(cli.emulator.activation(code.activationId()).state())
                .isEqualTo(EmulatorActivationState.PENDING_COMMIT);
        assertThat(cli.run("status").out()).contains("Local state: COMMITTED", "Server says: PENDING_COMMIT");

        cli.emulator.commitActivation(code.activationId());

        CliHarness.Result status = cli.run("status");
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains("Activation:  " + code.activationId(), "Server says: ACTIVE",
                "Tokens:      none", "protocol 3.3");
    }

    @Test
    void theCodeMayBeAQrPayloadAndTheProtocolAnOlderVersion() {
        EmulatorActivationCode code = cli.emulator.initActivation(cli.app);
        String[] args = cli.activateArgs(code, "--protocol", "3.1");
        args[List.of(args).indexOf("--code") + 1] = code.qrPayload();

        assertThat(cli.run(args).exitCode()).isZero();
        cli.emulator.commitActivation(code.activationId());

        assertThat(cli.run("token", "request", "t").exitCode()).isZero();
        String value = cli.run("token", "header", "t", "--value-only").line();
        assertThat(value).startsWith("PowerAuth version=\"3.1\"");
        assertThat(cli.useHeaderValue(value)).isEqualTo(200);
    }

    @Test
    void eachHeaderIsAcceptedOnceByTheProtectedResource() {
        cli.activate();
        assertThat(cli.run("token", "request", "balance").out()).contains("Token 'balance' is ready", "possession");

        String line = cli.run("token", "header", "balance").line();
        String value = cli.run("token", "header", "balance", "--value-only").line();

        assertThat(line).startsWith("X-PowerAuth-Token: PowerAuth version=\"3.3\", token_id=");
        String lineValue = line.substring("X-PowerAuth-Token: ".length());
        assertThat(cli.useHeaderValue(lineValue)).isEqualTo(200);
        assertThat(cli.useHeaderValue(value)).isEqualTo(200);
        assertThat(cli.useHeaderValue(value)).isEqualTo(401);
    }

    @Test
    void aTwoFactorTokenReadsThePasswordFromStandardInput() {
        cli.activate();
        cli.env.remove(CliEnvironment.PASSWORD_ENV);

        CliHarness.Result result = cli.runWithStdin("1234\n", "token", "request", "pay", "--factors",
                "possession_knowledge", "--password-stdin");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("factors possession_knowledge");
        assertThat(cli.useHeaderValue(cli.run("token", "header", "pay", "--value-only").line())).isEqualTo(200);
    }

    @Test
    void passphraseAndPasswordCanBothComeFromStandardInputInThatOrder() {
        cli.activate();
        cli.env.clear();

        CliHarness.Result result = cli.runWithStdin(CliHarness.PASSPHRASE + "\n1234\n", "--passphrase-stdin",
                "token", "request", "pay", "--factors", "possession_knowledge", "--password-stdin");

        assertThat(result.exitCode()).as(result.err()).isZero();
    }

    @Test
    void tokenListShowsNameFactorsAndIdOfEachToken() {
        String activationId = cli.activate();
        cli.run("token", "request", "b");
        cli.run("token", "request", "a", "--factors", "possession_knowledge");

        CliHarness.Result list = cli.run("token", "list");

        List<EmulatorToken> serverTokens = cli.emulator.tokens(activationId);
        assertThat(serverTokens).hasSize(2);
        assertThat(list.out().lines().toList()).hasSize(2);
        assertThat(list.out().lines().findFirst().orElseThrow()).startsWith("a ").contains("possession_knowledge");
        assertThat(list.out()).contains(serverTokens.get(0).tokenId(), serverTokens.get(1).tokenId());
        assertThat(cli.run("status").out()).contains("Tokens:      a, b");
    }

    @Test
    void tokenRemoveRemovesItOnTheServerAndLocally() {
        String activationId = cli.activate();
        cli.run("token", "request", "t");
        String before = cli.run("token", "header", "t", "--value-only").line();

        CliHarness.Result removed = cli.run("token", "remove", "t");

        assertThat(removed.exitCode()).isZero();
        assertThat(removed.out()).contains("Removed token 't' on the server and locally");
        assertThat(cli.emulator.tokens(activationId)).isEmpty();
        assertThat(cli.useHeaderValue(before)).isEqualTo(401);
        assertThat(cli.run("token", "list").line()).isEqualTo("No tokens.");
    }

    @Test
    void tokenRemoveLocalLeavesTheServerTokenAlone() {
        String activationId = cli.activate();
        cli.run("token", "request", "t");

        assertThat(cli.run("token", "remove", "t", "--local").exitCode()).isZero();

        assertThat(cli.emulator.tokens(activationId)).hasSize(1);
        assertThat(cli.run("token", "header", "t").exitCode()).isEqualTo(ExitCodes.TOKEN_NOT_FOUND);
    }

    @Test
    void activationRemoveRemovesItOnTheServerAndForgetsTheInstance() {
        String activationId = cli.activate();
        cli.run("token", "request", "t");

        CliHarness.Result removed = cli.run("activation", "remove");

        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(cli.emulator.activation(activationId).state()).isEqualTo(EmulatorActivationState.REMOVED);
        assertThat(cli.run("status").exitCode()).isEqualTo(ExitCodes.ACTIVATION);
        assertThat(cli.activate()).isNotEqualTo(activationId);
    }

    @Test
    void activationRemoveLocalLeavesTheServerAlone() {
        String activationId = cli.activate();

        assertThat(cli.run("activation", "remove", "--local").exitCode()).isZero();

        assertThat(cli.emulator.activation(activationId).state()).isEqualTo(EmulatorActivationState.ACTIVE);
        assertThat(cli.run("status", "--local").exitCode()).isEqualTo(ExitCodes.ACTIVATION);
    }

    @Test
    void instancesHaveTheirOwnActivationAndTokens() {
        String first = cli.activate();
        String second = cli.activate("--instance", "work", "--protocol", "3.2");
        cli.run("token", "request", "t");

        assertThat(cli.run("status", "--local").out()).contains(first).doesNotContain(second);
        assertThat(cli.run("--instance", "work", "status").out()).contains(second, "protocol 3.2", "Tokens:      none");
        assertThat(cli.run("--instance", "work", "token", "header", "t").exitCode())
                .isEqualTo(ExitCodes.TOKEN_NOT_FOUND);
    }

    @Test
    void theStoreHoldsNeitherTheAppSecretNorTokenIdsInTheClear() throws IOException {
        String activationId = cli.activate();
        cli.run("token", "request", "t");
        String tokenId = cli.emulator.tokens(activationId).get(0).tokenId();

        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(raw).as(file.toString()).doesNotContain(cli.app.appSecret(), tokenId, activationId);
            }
        }
    }

    @Test
    void demoRunsTheWholeStory() {
        CliHarness.Result demo = cli.run("demo");

        assertThat(demo.exitCode()).isZero();
        assertThat(demo.out()).contains("[10] ", "Every step behaved as expected.");
    }
}
