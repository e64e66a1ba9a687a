package org.opentokens.powerauth.token.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code password change}: validates the current password on the server, then protects the keys with a new one. */
@Command(mixinStandardHelpOptions = true, name = "change",
        description = {"Change the password: the current one is checked with the server (a wrong one counts as a "
                + "failed attempt, exit 3), then the new one protects the keys here. If this is interrupted, the "
                + "current password keeps working.",
            "The current password comes from --password-stdin (first line), $" + CliEnvironment.PASSWORD_ENV
                + " or the terminal; the new one from --password-stdin (next line), $"
                + PasswordChangeCommand.NEW_PASSWORD_ENV + " or the terminal (asked twice)."})
final class PasswordChangeCommand implements Callable<Integer> {
    /** The new password's environment variable. */
    static final String NEW_PASSWORD_ENV = "POWERAUTH_TOKEN_NEW_PASSWORD";

    @Option(names = "--password-stdin",
            description = "Read the current password, then the new one, from lines of standard input.")
    boolean passwordStdin;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PowerAuthTokenCli root = PowerAuthTokenCli.root(spec);
        try (CliSession session = CliSession.open(root)) {
            var client = session.client();
            char[] current = SecretInput.password(root.env(), passwordStdin, "Current password: ");
            char[] fresh = null;
            try {
                fresh = newPassword(root.env());
                client.passwords().changePassword(current, fresh).join();
            } finally {
                Arrays.fill(current, '\0');
                if (fresh != null) {
                    Arrays.fill(fresh, '\0');
                }
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("instance", session.instance());
            json.put("changed", true);
            root.output().print("Changed the password of instance '" + session.instance() + "'", json);
            return ExitCodes.OK;
        }
    }

    private char[] newPassword(CliEnvironment env) {
        if (passwordStdin) {
            return nonEmpty(env.readStdinLine("new password"));
        }
        Optional<char[]> fromEnv = env.secrets.read(NEW_PASSWORD_ENV);
        if (fromEnv.isPresent()) {
            return nonEmpty(fromEnv.get());
        }
        ConsoleInput console = env.console.orElseThrow(() -> new CliException(ExitCodes.USAGE,
                "a new password is needed: use --password-stdin (second line), set " + NEW_PASSWORD_ENV
                        + ", or run in a terminal"));
        char[] first = typed(console, "New password: ");
        char[] again = typed(console, "Repeat the new password: ");
        boolean same = Arrays.equals(first, again);
        Arrays.fill(again, '\0');
        if (!same) {
            Arrays.fill(first, '\0');
            throw new CliException(ExitCodes.USAGE, "the two new passwords differ");
        }
        return nonEmpty(first);
    }

    private static char[] typed(ConsoleInput console, String prompt) {
        char[] typed = console.readSecret(prompt)
                .orElseThrow(() -> new CliException(ExitCodes.USAGE, "no new password was entered"));
        return SecretText.normalized(typed, "the new password typed in the terminal");
    }

    private static char[] nonEmpty(char[] password) {
        if (password.length == 0) {
            throw new CliException(ExitCodes.USAGE, "the new password must not be empty");
        }
        return password;
    }
}
