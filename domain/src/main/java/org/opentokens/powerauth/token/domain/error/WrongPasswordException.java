package org.opentokens.powerauth.token.domain.error;

import java.util.OptionalInt;

/**
 * The server refused the password (a 401 to a password-signed call); nothing was changed locally. It carries
 * what the status fetched right after showed: the attempts left, when known, and whether the activation is now
 * blocked.
 */
public final class WrongPasswordException extends PowerAuthClientException {
    private static final long serialVersionUID = 1L;

    private final Integer remainingAttempts;
    private final boolean blocked;

    /**
     * @param remainingAttempts attempts left before the server blocks the activation, empty if the status could
     *     not be fetched
     * @param blocked whether the status shows the activation BLOCKED (for example by this very attempt)
     */
    public WrongPasswordException(OptionalInt remainingAttempts, boolean blocked) {
        super(message(remainingAttempts, blocked));
        this.remainingAttempts = remainingAttempts.isPresent() ? remainingAttempts.getAsInt() : null;
        this.blocked = blocked;
    }

    /** @return attempts left before the server blocks the activation, if the status could be fetched */
    public OptionalInt remainingAttempts() {
        return remainingAttempts == null ? OptionalInt.empty() : OptionalInt.of(remainingAttempts);
    }

    /** @return true if the status shows the activation BLOCKED */
    public boolean blocked() {
        return blocked;
    }

    private static String message(OptionalInt remainingAttempts, boolean blocked) {
        if (blocked) {
            return "the server refused the password; the activation is now BLOCKED";
        }
        return remainingAttempts.isPresent()
                ? "the server refused the password; " + remainingAttempts.getAsInt()
                        + " attempt(s) left before the activation is blocked"
                : "the server refused the password";
    }
}
