package org.opentokens.powerauth.token.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opentokens.powerauth.token.domain.SharedSecretAlgorithm;
import org.opentokens.powerauth.token.domain.internal.activation.ActivationCode;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPublicKey;
import org.opentokens.powerauth.token.port.in.ClientProtocolVersion;
import org.opentokens.powerauth.token.port.in.PowerAuthActivation;
import org.opentokens.powerauth.token.port.in.PowerAuthActivationResult;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthRecoveryData;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code activate}: creates an activation with a code and commits it locally with a password. */
@Command(mixinStandardHelpOptions = true, name = "activate",
        description = "Create an activation with an activation code (or a recovery code and PUK) and commit it locally "
        + "with a password. The server "
        + "settings are saved (encrypted) for the instance. The back office then commits it.")
final class ActivateCommand implements Callable<Integer> {
    @Option(names = "--server", required = true, paramLabel = "URL",
            description = "Base URL of the enrollment server (the /pa/v3/... or /pa/v4/... paths follow it).")
    String server;

    @Option(names = "--app-key", required = true, paramLabel = "BASE64", description = "APP_KEY of the application.")
    String appKey;

    @Option(names = "--app-secret", required = true, paramLabel = "BASE64",
            description = "APP_SECRET of the application (embedded in every app; not a user secret).")
    String appSecret;

    @Option(names = "--master-key", required = true, paramLabel = "BASE64",
            description = "KEY_SERVER_MASTER_PUBLIC of the application.")
    String masterKey;

    @Option(names = "--code", paramLabel = "CODE",
            description = "Activation code XXXXX-XXXXX-XXXXX-XXXXX, or the QR payload CODE#SIGNATURE.")
    String code;

    @Option(names = "--otp", paramLabel = "OTP", description = "The additional activation OTP, if the server wants one.")
    String otp;

    @Option(names = "--recovery-code", paramLabel = "CODE",
            description = "Activate with a recovery code (instead of --code) and its --puk; the lost device's "
                    + "activation ends.")
    String recoveryCode;

    @Option(names = "--puk", paramLabel = "PUK", description = "The 10-digit PUK of the --recovery-code.")
    String puk;

    @Option(names = "--name", defaultValue = "powerauth-token CLI", paramLabel = "NAME",
            description = "Name of this device in the user's list (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--protocol", defaultValue = "3.3", paramLabel = "VERSION",
            description = "Protocol version: 3.0, 3.1, 3.2, 3.3 or 4.0 (PowerAuth Server 2.x, /pa/v4; needs "
                    + "--master-key-v4) (default: ${DEFAULT-VALUE}).")
    String protocol;

    @Option(names = "--algorithm", paramLabel = "ALGORITHM",
            description = "Protocol 4.0 shared-secret algorithm: EC_P384, EC_P384_ML_L3 (post-quantum hybrid, the "
                    + "default for 4.0) or EC_P384_ML_L5.")
    String algorithm;

    @Option(names = "--master-key-v4", paramLabel = "BASE64",
            description = "Protocol 4.0: the application's master P-384 public key.")
    String masterKeyV4;

    @Option(names = "--master-key-mldsa", paramLabel = "BASE64",
            description = "Protocol 4.0 with a hybrid algorithm: the application's master ML-DSA public key.")
    String masterKeyMlDsa;

    @Option(names = "--password-stdin",
            description = "Read the new password from standard input (after the passphrase, if both come from it). "
                    + "Otherwise $" + CliEnvironment.PASSWORD_ENV + " or the terminal.")
    boolean passwordStdin;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PowerAuthTokenCli root = PowerAuthTokenCli.root(spec);
        // Every input is checked before the store is opened or created.
        String instance = CliSession.checkInstance(root.instance);
        InstanceConfig config = instanceConfig();
        config.clientConfig(instance, root.env().knowledgeKeyIterations, root.timeout);
        PowerAuthActivation activation = activation(config.protocolVersion().isV4());
        SecretInput.checkPasswordSource(root.env(), passwordStdin);

        CliSession session = CliSession.openOrCreate(root);
        boolean activated = false;
        try {
            session.config().ifPresent(existing -> {
                throw new CliException(ExitCodes.ACTIVATION, "instance '" + session.instance()
                        + "' already has an activation with " + existing.serverUrl()
                        + "; remove it with 'activation remove' or choose another --instance");
            });
            char[] password = SecretInput.password(root.env(), passwordStdin, "New password: ");
            PowerAuthAuthentication commit;
            try {
                commit = PowerAuthAuthentication.commitWithPassword(password);
            } finally {
                Arrays.fill(password, '\0');
            }
            PowerAuthClient client = session.client(config);
            PowerAuthActivationResult result = client.activation().createActivation(activation).join();
            client.activation().commitActivation(commit);
            session.saveConfig(config);
            activated = true;

            Map<String, Object> json = new LinkedHashMap<>();
            json.put("instance", session.instance());
            json.put("activationId", result.activationId());
            json.put("fingerprint", result.activationFingerprint());
            json.put("localState", client.activation().localState().name());
            String recovery = "";
            if (result.activationRecovery().isPresent()) {
                PowerAuthRecoveryData data = result.activationRecovery().get();
                json.put("recoveryCode", data.recoveryCode());
                json.put("puk", data.puk());
                recovery = System.lineSeparator() + "Recovery code: " + data.recoveryCode() + "  PUK: " + data.puk()
                        + System.lineSeparator() + "Shown once and not stored: keep them safe to activate another "
                        + "device if this one is lost.";
            }
            root.output().print("Activated instance '" + session.instance() + "': activation " + result.activationId()
                    + ", fingerprint " + result.activationFingerprint() + System.lineSeparator()
                    + "The back office must now commit it (the user compares the fingerprint); check with: "
                    + "powerauth-token status" + recovery, json);
            return ExitCodes.OK;
        } finally {
            if (activated) {
                session.close();
            } else {
                // Never leave a store that no activation lives in: a retry may then choose its own passphrase.
                session.closeAndDeleteNewStore();
            }
        }
    }

    private InstanceConfig instanceConfig() {
        ClientProtocolVersion version = ClientProtocolVersion.fromWireValue(protocol);
        if (!version.isV4()) {
            if (algorithm != null || masterKeyV4 != null || masterKeyMlDsa != null) {
                throw new CliException(ExitCodes.USAGE, "--algorithm, --master-key-v4 and --master-key-mldsa "
                        + "need --protocol 4.0");
            }
            return new InstanceConfig(server, appKey, appSecret, masterKey, version, null);
        }
        SharedSecretAlgorithm chosen = algorithm == null ? SharedSecretAlgorithm.EC_P384_ML_L3
                : SharedSecretAlgorithm.fromWireValue(algorithm);
        if (!chosen.offeredByClient()) {
            throw new CliException(ExitCodes.USAGE, "--algorithm must be EC_P384, EC_P384_ML_L3 or EC_P384_ML_L5");
        }
        if (masterKeyV4 == null) {
            throw new CliException(ExitCodes.USAGE, "--protocol 4.0 needs --master-key-v4");
        }
        if (chosen.isPostQuantum() && masterKeyMlDsa == null) {
            throw new CliException(ExitCodes.USAGE, "--algorithm " + chosen + " needs --master-key-mldsa");
        }
        return new InstanceConfig(server, appKey, appSecret, masterKey, version,
                new InstanceConfig.V4Keys(chosen, masterKeyV4, chosen.isPostQuantum() ? masterKeyMlDsa : null));
    }

    /** @param v4 whether the instance is a 4.0 one: no recovery codes, and the code's QR signature is checked later */
    private PowerAuthActivation activation(boolean v4) {
        if ((code == null) == (recoveryCode == null)) {
            throw new CliException(ExitCodes.USAGE, "give exactly one of --code and --recovery-code");
        }
        if ((recoveryCode == null) != (puk == null)) {
            throw new CliException(ExitCodes.USAGE, "--puk goes with --recovery-code, and only with it");
        }
        PowerAuthActivation.Builder builder;
        if (recoveryCode != null && v4) {
            throw new CliException(ExitCodes.USAGE, "--recovery-code needs protocol 3.x: 4.0 has no recovery codes");
        }
        if (recoveryCode != null) {
            ActivationCode.parse(recoveryCode);
            if (!puk.matches("[0-9]{10}")) {
                throw new org.opentokens.powerauth.token.domain.error.InvalidActivationCodeException(
                        org.opentokens.powerauth.token.domain.error.InvalidActivationCodeException.Reason.FORMAT,
                        "a recovery PUK is 10 digits");
            }
            builder = PowerAuthActivation.recoveryBuilder(recoveryCode, puk, name);
        } else {
            if (v4) {
                ActivationCode.parse(code.indexOf('#') >= 0 ? code.substring(0, code.indexOf('#')) : code);
            } else {
                checkCode(code, masterKey);
            }
            builder = PowerAuthActivation.builder(code, name);
        }
        return builder.platform("cli").otp(otp).build();
    }

    /**
     * @throws org.opentokens.powerauth.token.domain.error.InvalidActivationCodeException if the code (or the QR
     *     payload's signature) is not valid
     */
    private static void checkCode(String code, String masterKey) {
        if (code.indexOf('#') >= 0) {
            ActivationCode.parseWithSignature(code, EcPublicKey.fromBase64(masterKey));
        } else {
            ActivationCode.parse(code);
        }
    }
}
