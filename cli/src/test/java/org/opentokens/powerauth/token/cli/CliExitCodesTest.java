package org.opentokens.powerauth.token.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.testkit.EmulatorActivationCode;

/** Each documented exit code, from the situation it names. */
class CliExitCodesTest extends CliEmulatorBase {
    @Test
    void unknownOptionsMissingCommandsAndBadValuesAreUsageErrors() {
        assertThat(cli.run("status", "--no-such-option").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run().exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("token").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("token", "request").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("token", "request", "t", "--factors", "biometry").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("--key-source", "floppy", "status").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aPasswordIsNeverTakenFromTheArguments() {
        EmulatorActivationCode code = cli.emulator.initActivation(cli.app);

        CliHarness.Result result = cli.run(cli.activateArgs(code, "--password", "1234"));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Unknown option");
        assertThat(cli.emulator.exchanges()).isEmpty();
    }

    @Test
    void withoutAnyPasswordSourceActivateIsAUsageErrorAndCallsNoServer() {
        cli.env.remove(CliEnvironment.PASSWORD_ENV);
        EmulatorActivationCode code = cli.emulator.initActivation(cli.app);

        CliHarness.Result result = cli.run(cli.activateArgs(code));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--password-stdin", CliEnvironment.PASSWORD_ENV);
        assertThat(cli.emulator.exchanges()).isEmpty();
    }

    @Test
    void aMalformedKeyOrCodeIsAUsageError() {
        EmulatorActivationCode code = cli.emulator.initActivation(cli.app);
        String[] badKey = cli.activateArgs(code, "--master-key", "AAAA");
        String[] badCode = cli.activateArgs(code, "--code", "NOT-A-CODE");

        assertThat(cli.run(badKey).exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run(badCode).exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aCodeTheServerNeverIssuedIsAServerRejection() {
        EmulatorActivationCode used = cli.emulator.initActivation(cli.app);
        cli.run(cli.activateArgs(used));

        CliHarness.Result again = cli.run(cli.activateArgs(used, "--instance", "other"));

        assertThat(again.exitCode()).isEqualTo(ExitCodes.SERVER_REJECTED);
        assertThat(again.err()).startsWith("powerauth-token: the server rejected the request: HTTP 400");
        assertThat(cli.run("--instance", "other", "status").exitCode()).isEqualTo(ExitCodes.ACTIVATION);
    }

    @Test
    void aWrongPasswordForATwoFactorTokenIsAServerRejection() {
        cli.activate();
        cli.env.put(CliEnvironment.PASSWORD_ENV, "9999");

        CliHarness.Result result = cli.run("token", "request", "t", "--factors", "possession_knowledge");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.SERVER_REJECTED);
    }

    @Test
    void aServerThatIsGoneIsUnreachable() {
        cli.activate();
        cli.run("token", "request", "t");
        cli.emulator.close();

        assertThat(cli.run("status").exitCode()).isEqualTo(ExitCodes.SERVER_UNREACHABLE);
        assertThat(cli.run("token", "header", "t").exitCode()).as("the stored time offset needs no server")
                .isZero();
        assertThat(cli.forgetTimeOffset("default")).isTrue();
        CliHarness.Result header = cli.run("token", "header", "t");
        assertThat(header.exitCode()).isEqualTo(ExitCodes.SERVER_UNREACHABLE);
        assertThat(header.err()).contains("cannot synchronize time with the server");
        assertThat(cli.run("status", "--local").exitCode()).isZero();
    }

    @Test
    void httpsAgainstAPlainHttpPortIsUnreachableAndSaysSo() {
        EmulatorActivationCode code = cli.emulator.initActivation(cli.app);
        String https = cli.baseUri.toString().replaceFirst("^http:", "https:");

        String[] args = cli.activateArgs(code, "--timeout", "1s");
        args[java.util.Arrays.asList(args).indexOf("--server") + 1] = https;

        CliHarness.Result result = cli.run(args);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.SERVER_UNREACHABLE);
        assertThat(result.err()).contains("use an http:// URL").doesNotContain("PT1S");
        assertThat(dir.resolve(CliSession.DB_FILE)).doesNotExist();
    }

    @Test
    void noActivationAndASecondActivationAreActivationErrors() {
        assertThat(cli.run("status").exitCode()).isEqualTo(ExitCodes.ACTIVATION);
        assertThat(cli.run("token", "list").exitCode()).as("an empty list, see CliHintsTest").isZero();
        assertThat(cli.run("activation", "remove", "--local").exitCode()).isEqualTo(ExitCodes.ACTIVATION);
        cli.activate();

        CliHarness.Result second = cli.run(cli.activateArgs(cli.emulator.initActivation(cli.app)));

        assertThat(second.exitCode()).isEqualTo(ExitCodes.ACTIVATION);
        assertThat(second.err()).contains("already has an activation");
    }

    @Test
    void anUnknownTokenIsTokenNotFound() {
        cli.activate();

        assertThat(cli.run("token", "header", "nope").exitCode()).isEqualTo(ExitCodes.TOKEN_NOT_FOUND);
        assertThat(cli.run("token", "remove", "nope").exitCode()).isEqualTo(ExitCodes.TOKEN_NOT_FOUND);
        assertThat(cli.run("token", "remove", "nope", "--local").exitCode()).isEqualTo(ExitCodes.TOKEN_NOT_FOUND);
    }

    @Test
    void aWrongPassphraseIsAStorageErrorAndChangesNothing() {
        cli.activate();
        cli.env.put(CliEnvironment.PASSPHRASE_ENV, "wrong");

        CliHarness.Result result = cli.run("status", "--local");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.STORAGE);
        assertThat(result.err()).doesNotContain("wrong", CliHarness.PASSPHRASE);
        cli.env.put(CliEnvironment.PASSPHRASE_ENV, CliHarness.PASSPHRASE);
        assertThat(cli.run("status", "--local").exitCode()).isZero();
    }

    @Test
    void withoutAnyPassphraseSourceOpeningTheStoreIsAUsageError() {
        cli.activate();
        cli.env.remove(CliEnvironment.PASSPHRASE_ENV);

        assertThat(cli.run("status").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void onlyActivateCreatesAStore() {
        for (String[] args : new String[][] {{"status"}, {"token", "header", "t"},
            {"token", "request", "t"}, {"activation", "remove", "--local"}}) {
            CliHarness.Result result = cli.run(args);

            assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCodes.ACTIVATION);
            assertThat(result.err()).contains("has no activation", "powerauth-token activate");
        }
        CliHarness.Result list = cli.run("token", "list");
        assertThat(list.exitCode()).as("token list: an empty list, see CliHintsTest").isZero();
        assertThat(list.line()).isEqualTo("No tokens.");
        assertThat(dir.resolve(CliSession.DB_FILE)).doesNotExist();
    }
}
