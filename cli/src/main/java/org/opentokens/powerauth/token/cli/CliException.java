package org.opentokens.powerauth.token.cli;

/** A failure the CLI reports itself: a message for the user and the exit code to end with. */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
