package org.opentokens.powerauth.token.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.testkit.EmulatorActivationCode;
import org.opentokens.powerauth.testkit.EmulatorActivationOptions;
import org.opentokens.powerauth.testkit.EmulatorActivationState;

/** {@code activate --otp} and {@code activate --recovery-code … --puk …} against the emulator. */
class CliActivationExtrasTest extends CliEmulatorBase {
    private static final Pattern RECOVERY = Pattern.compile("Recovery code: (\\S+)  PUK: (\\d{10})");

    @Test
    void theOtpIsSent() {
        EmulatorActivationCode code = cli.emulator.initActivation(cli.app,
                new EmulatorActivationOptions("u", "97531", false));

        assertThat(cli.run(cli.activateArgs(code, "--otp", "13579")).exitCode())
                .isEqualTo(ExitCodes.SERVER_REJECTED);
        CliHarness.Result activated = cli.run(cli.activateArgs(code, "--otp", "97531"));

        assertThat(activated.exitCode()).as(activated.err()).isZero();
        assertThat(cli.emulator.activation(code.activationId()).state())
                .isEqualTo(EmulatorActivationState.PENDING_COMMIT);
    }

    @Test
    void theRecoveryCodeIsShownOnceAndActivatesAnotherInstance() {
        EmulatorActivationCode code = cli.emulator.initActivation(cli.app,
                new EmulatorActivationOptions("u", null, true));
        CliHarness.Result first = cli.run(cli.activateArgs(code, "--name", "old"));
        assertThat(first.exitCode()).as(first.err()).isZero();
        Matcher shown = RECOVERY.matcher(first.out());
        assertThat(shown.find()).as(first.out()).isTrue();
        cli.emulator.commitActivation(code.activationId());
        assertThat(cli.run("status").out()).doesNotContain(shown.group(2));

        CliHarness.Result recovered = cli.run(recoveryArgs("--recovery-code", shown.group(1),
                "--puk", shown.group(2)));

        assertThat(recovered.exitCode()).as(recovered.err()).isZero();
        assertThat(cli.emulator.activation(code.activationId()).state()).isEqualTo(EmulatorActivationState.REMOVED);
        assertThat(cli.run("--instance", "new", "status").out()).contains("PENDING_COMMIT");
    }

    @Test
    void codeAndRecoveryCodeExcludeEachOtherAndThePukIsChecked() {
        EmulatorActivationCode code = cli.emulator.initActivation(cli.app);

        assertThat(cli.run(cli.activateArgs(code, "--recovery-code", code.activationCode(), "--puk", "1234567890"))
                .exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run(recoveryArgs("--recovery-code", code.activationCode())).exitCode())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run(recoveryArgs("--recovery-code", code.activationCode(), "--puk", "12")).exitCode())
                .isNotZero();
        assertThat(cli.emulator.exchanges()).isEmpty();
    }

    private String[] recoveryArgs(String... extra) {
        List<String> args = new ArrayList<>(List.of("--instance", "new", "activate", "--server",
                cli.baseUri.toString(), "--app-key", cli.app.appKey(), "--app-secret", cli.app.appSecret(),
                "--master-key", cli.app.masterServerPublicKey(), "--name", "new"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }
}
