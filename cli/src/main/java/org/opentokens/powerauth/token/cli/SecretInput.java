package org.opentokens.powerauth.token.cli;

import java.util.Arrays;
import java.util.Optional;

/**
 * Reads the activation password and the storage passphrase: from standard input, the environment or the terminal,
 * never from arguments. Whatever the source, the secret is UTF-8 text normalized to NFC ({@link SecretText}).
 */
final class SecretInput {
    private SecretInput() {
    }

    /**
     * @param fromStdin true to read the first (or, after a passphrase, the next) line of standard input
     * @return the password, which the caller wipes
     * @throws CliException ({@link ExitCodes#USAGE}) when there is no way to get one, or it is not UTF-8 text
     */
    static char[] password(CliEnvironment env, boolean fromStdin, String prompt) {
        if (fromStdin) {
            return env.readStdinLine("password");
        }
        Optional<char[]> fromEnv = env.secrets.read(CliEnvironment.PASSWORD_ENV);
        if (fromEnv.isPresent()) {
            return fromEnv.get();
        }
        return env.console.flatMap(console -> console.readSecret(prompt))
                .map(typed -> SecretText.normalized(typed, "the password typed in the terminal"))
                .orElseThrow(() -> noPasswordSource());
    }

    /**
     * Checks, without reading anything from standard input or the terminal, that {@link #password} will find a
     * password, so that a command can fail before it changes anything.
     *
     * @throws CliException ({@link ExitCodes#USAGE}) if there is no source, or the environment's is not UTF-8
     */
    static void checkPasswordSource(CliEnvironment env, boolean fromStdin) {
        if (fromStdin) {
            return;
        }
        Optional<char[]> fromEnv = env.secrets.read(CliEnvironment.PASSWORD_ENV);
        if (fromEnv.isPresent()) {
            Arrays.fill(fromEnv.get(), '\0');
            return;
        }
        if (env.console.isEmpty()) {
            throw noPasswordSource();
        }
    }

    private static CliException noPasswordSource() {
        return new CliException(ExitCodes.USAGE, "a password is needed: use --password-stdin, set "
                + CliEnvironment.PASSWORD_ENV + ", or run in a terminal");
    }

    /** @return the passphrase given on standard input or in the environment, if any; the caller wipes it */
    static Optional<char[]> explicitPassphrase(CliEnvironment env, boolean fromStdin) {
        if (fromStdin) {
            return Optional.of(env.readStdinLine("storage passphrase"));
        }
        return env.secrets.read(CliEnvironment.PASSPHRASE_ENV);
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
        char[] first = typed(console, "Storage passphrase: ");
        if (newStore) {
            char[] again = typed(console, "Repeat the passphrase: ");
            boolean same = Arrays.equals(first, again);
            Arrays.fill(again, '\0');
            if (!same) {
                Arrays.fill(first, '\0');
                throw new CliException(ExitCodes.USAGE, "the two passphrases differ");
            }
        }
        return first;
    }

    private static char[] typed(ConsoleInput console, String prompt) {
        char[] typed = console.readSecret(prompt).orElseThrow(SecretInput::noInput);
        return SecretText.normalized(typed, "the passphrase typed in the terminal");
    }

    private static CliException noInput() {
        return new CliException(ExitCodes.USAGE, "no passphrase was entered");
    }
}
