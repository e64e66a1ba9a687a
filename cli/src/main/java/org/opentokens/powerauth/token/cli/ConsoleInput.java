package org.opentokens.powerauth.token.cli;

import java.io.Console;
import java.util.Optional;

/** The interactive terminal, if there is one: reads secrets without echo. */
interface ConsoleInput {
    /**
     * @param prompt shown to the user
     * @return what the user typed, which the caller wipes; empty at end of input
     */
    Optional<char[]> readSecret(String prompt);

    /** @return the JVM's console, or empty when standard input or output is not a terminal */
    static Optional<ConsoleInput> system() {
        Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        return Optional.of(prompt -> Optional.ofNullable(console.readPassword("%s", prompt)));
    }
}
