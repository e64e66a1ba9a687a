package org.opentokens.powerauth.token.port.in;

import org.opentokens.powerauth.token.domain.error.PowerAuthClientException;

/** The server refused the password (a 401 to a password-signed call); nothing was changed locally. */
public final class WrongPasswordException extends PowerAuthClientException {
    private static final long serialVersionUID = 1L;

    private final transient PasswordValidation validation;

    /** @param validation what the check learned, with the attempts left when known */
    public WrongPasswordException(PasswordValidation validation) {
        super(message(validation));
        this.validation = validation;
    }

    /** @return what the check learned */
    public PasswordValidation validation() {
        return validation;
    }

    private static String message(PasswordValidation validation) {
        if (validation.blocked()) {
            return "the server refused the password; the activation is now BLOCKED";
        }
        return validation.remainingAttempts().isPresent()
                ? "the server refused the password; " + validation.remainingAttempts().getAsInt()
                        + " attempt(s) left before the activation is blocked"
                : "the server refused the password";
    }
}
