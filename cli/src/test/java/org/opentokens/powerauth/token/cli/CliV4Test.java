package org.opentokens.powerauth.token.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentokens.powerauth.testkit.EmulatorActivationCode;
import org.opentokens.powerauth.testkit.EmulatorActivationState;

/** {@code activate --protocol 4.0 [--algorithm …]}, then every command on the 4.0 instance, against the emulator. */
class CliV4Test {
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

    private String[] v4Args(EmulatorActivationCode code, String algorithm) {
        List<String> args = new ArrayList<>(List.of(cli.activateArgs(code, "--protocol", "4.0",
                "--master-key-v4", cli.app.masterServerPublicKeyP384())));
        if (algorithm != null) {
            args.addAll(List.of("--algorithm", algorithm));
        }
        if (algorithm == null || algorithm.equals("EC_P384_ML_L3")) {
            args.addAll(List.of("--master-key-mldsa", cli.app.masterServerPublicKeyMlDsa65()));
        } else if (algorithm.equals("EC_P384_ML_L5")) {
            args.addAll(List.of("--master-key-mldsa", cli.app.masterServerPublicKeyMlDsa87()));
        }
        return args.toArray(String[]::new);
    }

    private String activateV4(String algorithm) {
        EmulatorActivationCode code = cli.emulator.initActivation(cli.app);
        CliHarness.Result result = cli.run(v4Args(code, algorithm));
        assertThat(result.exitCode()).as(result.err()).isZero();
        cli.emulator.commitActivation(code.activationId());
        return code.activationId();
    }

    @ParameterizedTest
    @ValueSource(strings = {"EC_P384", "EC_P384_ML_L3", "EC_P384_ML_L5"})
    void everyCommandWorksOnAV4Instance(String algorithm) {
        String activationId = activateV4(algorithm);
        assertThat(cli.emulator.activation(activationId).protocolVersion()).isEqualTo("4.0");

        CliHarness.Result status = cli.run("status");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("protocol 4.0 " + algorithm, "Server says: ACTIVE", "Tokens:      none");

        assertThat(cli.run("token", "request", "t").exitCode()).isZero();
        assertThat(cli.run("token", "request", "pay", "--factors", "possession_knowledge").exitCode()).isZero();
        String value = cli.run("token", "header", "t", "--value-only").line();
        assertThat(value).startsWith("PowerAuth version=\"4.0\", token_id=");
        assertThat(cli.useHeaderValue(value)).isEqualTo(200);
        assertThat(cli.useHeaderValue(cli.run("token", "header", "pay", "--value-only").line())).isEqualTo(200);
        assertThat(cli.run("token", "list").out()).contains("pay ", "t ");
        assertThat(cli.run("--json", "status").out()).contains("\"protocolVersion\":\"4.0\"",
                "\"algorithm\":\"" + algorithm + "\"");

        assertThat(cli.run("token", "remove", "t").exitCode()).isZero();
        assertThat(cli.useHeaderValue(value)).isEqualTo(401);
        assertThat(cli.run("token", "remove", "pay", "--local").exitCode()).isZero();
        assertThat(cli.emulator.tokens(activationId)).hasSize(1);

        CliHarness.Result removed = cli.run("activation", "remove");
        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(cli.emulator.activation(activationId).state()).isEqualTo(EmulatorActivationState.REMOVED);
        assertThat(cli.run("status").exitCode()).isEqualTo(ExitCodes.ACTIVATION);
    }

    @Test
    void theDefaultAlgorithmIsTheHybridAndLocalRemovalLeavesTheServerAlone() {
        String activationId = activateV4(null);

        assertThat(cli.run("status", "--local").out()).contains("protocol 4.0 EC_P384_ML_L3");
        assertThat(cli.run("activation", "remove", "--local").exitCode()).isZero();
        assertThat(cli.emulator.activation(activationId).state()).isEqualTo(EmulatorActivationState.ACTIVE);
    }

    @Test
    void protocolFourOptionsAreCheckedBeforeAnythingIsStored() {
        EmulatorActivationCode code = cli.emulator.initActivation(cli.app);

        assertThat(cli.run(cli.activateArgs(code, "--protocol", "4.0")).exitCode()).as("no 4.0 master key")
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run(cli.activateArgs(code, "--protocol", "4.0", "--master-key-v4",
                cli.app.masterServerPublicKeyP384())).exitCode()).as("hybrid default without ML-DSA key")
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run(cli.activateArgs(code, "--algorithm", "EC_P384")).exitCode()).as("3.3 with an algorithm")
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run(v4Args(code, "ML_L3")).exitCode()).as("not a client algorithm")
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run(cli.activateArgs(code, "--protocol", "5.0")).exitCode()).isNotZero();
        assertThat(cli.emulator.activation(code.activationId()).state()).isEqualTo(EmulatorActivationState.CREATED);

        assertThat(cli.run(v4Args(code, "EC_P384")).exitCode()).isZero();
    }

    @Test
    void threeXOnlyCommandsFailOnAV4InstanceAndChangeNothing() {
        String activationId = activateV4("EC_P384");
        long counter = cli.emulator.activation(activationId).counter();
        List<String[]> commands = List.of(
                new String[] {"sign", "--method", "POST", "--uri-id", "/api/payment", "--body", "x"},
                new String[] {"sign", "--uri-id", "/operation/authorize", "--body", "x", "--offline-nonce",
                        "AAAAAAAAAAAAAAAAAAAAAA=="},
                new String[] {"password", "validate"},
                new String[] {"vault", "sign", "--data", "x"},
                new String[] {"encrypt", "--scope", "activation", "--data", "x"});

        for (String[] command : commands) {
            CliHarness.Result result = cli.run(command);
            assertThat(result.exitCode()).as(String.join(" ", command) + ": " + result.err())
                    .isEqualTo(ExitCodes.ACTIVATION);
            assertThat(result.err()).contains("protocol 4.0");
        }

        assertThat(cli.emulator.activation(activationId).counter()).isEqualTo(counter);
        assertThat(cli.emulator.activation(activationId).failedAttempts()).isZero();
        assertThat(cli.emulator.count("/pa/v3/signature/validate") + cli.emulator.count("/pa/v3/vault/unlock"))
                .isZero();
        assertThat(cli.run("token", "request", "t", "--factors", "possession_knowledge").exitCode()).isZero();
        assertThat(cli.emulator.activation(activationId).counter()).isEqualTo(counter + 1);
    }

    @Test
    void aRecoveryCodeActivationNeedsProtocolThree() {
        EmulatorActivationCode code = cli.emulator.initActivation(cli.app);
        List<String> args = new ArrayList<>(List.of(v4Args(code, "EC_P384")));
        int at = args.indexOf("--code");
        args.set(at, "--recovery-code");
        args.addAll(List.of("--puk", "1234567890"));

        CliHarness.Result result = cli.run(args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("4.0 has no recovery codes");
        assertThat(cli.emulator.count("/pa/v4/activation/create")).isZero();
        assertThat(cli.run("status", "--local").exitCode()).as("nothing stored").isNotZero();
    }
}
