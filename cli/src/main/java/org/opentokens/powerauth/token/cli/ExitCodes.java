package org.opentokens.powerauth.token.cli;

/** The documented exit codes of {@code powerauth-token}; each failure class has its own. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** An unexpected error (a bug, an I/O failure outside the store), or the demo saw a step go wrong. */
    public static final int UNEXPECTED = 1;
    /** Usage: an unknown or missing option or argument, a malformed value, no way to read a password. */
    public static final int USAGE = 2;
    /** The server answered with an error (HTTP error with a PowerAuth code) or with an invalid answer. */
    public static final int SERVER_REJECTED = 3;
    /** The server could not be reached (connection refused, timeout, TLS failure). */
    public static final int SERVER_UNREACHABLE = 4;
    /** No usable activation for the instance, (for {@code activate}) one already exists, or the activation's protocol lacks the operation. */
    public static final int ACTIVATION = 5;
    /** No local token of that name. */
    public static final int TOKEN_NOT_FOUND = 6;
    /** The local store is locked (wrong passphrase, keychain item gone), damaged or cannot be opened. */
    public static final int STORAGE = 7;

    private ExitCodes() {
    }
}
