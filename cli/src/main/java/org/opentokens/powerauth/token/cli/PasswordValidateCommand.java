package org.opentokens.powerauth.token.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opentokens.powerauth.token.port.in.PasswordValidation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code password validate}: asks the server whether the password is right; a wrong one counts. */
@Command(mixinStandardHelpOptions = true, name = "validate",
        description = "Check the password with the server (a signed call). A wrong password counts as a failed "
                + "attempt, and the server blocks the activation at its limit; exits 3 when it is wrong.")
final class PasswordValidateCommand implements Callable<Integer> {
    @Option(names = "--password-stdin", description = "Read the password from standard input.")
    boolean passwordStdin;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PowerAuthTokenCli root = PowerAuthTokenCli.root(spec);
        try (CliSession session = CliSession.open(root)) {
            var client = session.client();
            char[] password = SecretInput.password(root.env(), passwordStdin, "Password: ");
            PasswordValidation validation;
            try {
                validation = client.passwords().validatePassword(password).join();
            } finally {
                Arrays.fill(password, '\0');
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("valid", validation.valid());
            validation.status().ifPresent(status -> {
                json.put("state", status.state().name());
                json.put("failedAttempts", status.failedAttempts());
                json.put("remainingAttempts", status.remainingAttempts());
            });
            root.output().print(describe(validation), json);
            return validation.valid() ? ExitCodes.OK : ExitCodes.SERVER_REJECTED;
        }
    }

    static String describe(PasswordValidation validation) {
        if (validation.valid()) {
            return "The password is right";
        }
        if (validation.blocked()) {
            return "The server refused the password; the activation is BLOCKED";
        }
        return "The server refused the password"
                + (validation.remainingAttempts().isPresent()
                        ? "; " + validation.remainingAttempts().getAsInt() + " attempt(s) left" : "");
    }
}
