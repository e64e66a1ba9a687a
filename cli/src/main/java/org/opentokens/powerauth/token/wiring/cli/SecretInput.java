package org.opentokens.powerauth.token.wiring.cli;

import java.util.Arrays;
import java.util.Optional;

/**
 * Reads the activation password and the storage passphrase: from standard input, the environment or the terminal,
 * never from arguments.
 */
final class SecretInput {
    private SecretInput() {
    }

    /**
     * @param fromStdin true to read the first (or, after a passphrase, the next) line of standard input
     * @return the password, which the caller wipes
     * @throws CliException ({@link ExitCodes#USAGE}) when there is no way to get one
     */
    static char[] password(CliEnvironment env, boolean fromStdin, String prompt) {
        if (fromStdin) {
            return env.readStdinLine("password");
        }
        String fromEnv = env.env.get(CliEnvironment.PASSWORD_ENV);
        if (fromEnv != null) {
            return fromEnv.toCharArray();
        }
        return env.console.flatMap(console -> console.readSecret(prompt)).orElseThrow(() -> new CliException(
                ExitCodes.USAGE, "a password is needed: use --password-stdin, set " + CliEnvironment.PASSWORD_ENV
                        + ", or run in a terminal"));
    }

    /** @return the passphrase given on standard input or in the environment, if any; the caller wipes it */
    static Optional<char[]> explicitPassphrase(CliEnvironment env, boolean fromStdin) {
        if (fromStdin) {
            return Optional.of(env.readStdinLine("storage passphrase"));
        }
        return Optional.ofNullable(env.env.get(CliEnvironment.PASSPHRASE_ENV)).map(String::toCharArray);
    }

    /**
     * @param newStore true to ask twice, for a store about to be created
     * @return the passphrase typed in the terminal; the caller wipes it
     * @throws CliException ({@link ExitCodes#USAGE}) without a terminal, or if the two entries differ
     */
    static char[] consolePassphrase(CliEnvironment env, boolean newStore, String why) {
        ConsoleInput console = env.console.orElseThrow(() -> new CliException(ExitCodes.USAGE,
                why + "a storage passphrase is needed: use --passphrase-stdin, set " + CliEnvironment.PASSPHRASE_ENV
                        + ", or run in a terminal"));
        char[] first = console.readSecret("Storage passphrase: ").orElseThrow(SecretInput::noInput);
        if (newStore) {
            char[] again = console.readSecret("Repeat the passphrase: ").orElseThrow(SecretInput::noInput);
            boolean same = Arrays.equals(first, again);
            Arrays.fill(again, '\0');
            if (!same) {
                Arrays.fill(first, '\0');
                throw new CliException(ExitCodes.USAGE, "the two passphrases differ");
            }
        }
        return first;
    }

    private static CliException noInput() {
        return new CliException(ExitCodes.USAGE, "no passphrase was entered");
    }
}
