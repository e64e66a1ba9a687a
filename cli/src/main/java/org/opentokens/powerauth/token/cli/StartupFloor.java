package org.opentokens.powerauth.token.cli;

/**
 * The floor of the cold-start benchmark: a main class that does next to nothing, in the CLI's jar, so that the
 * launcher can start it with the same JVM, flags and class cache as the CLI
 * ({@code POWERAUTH_TOKEN_MAIN_CLASS=org.opentokens.powerauth.token.cli.StartupFloor bin/powerauth-token}).
 */
public final class StartupFloor {
    private StartupFloor() {
    }

    /**
     * Prints one line, as a command would.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println("floor");
    }
}
