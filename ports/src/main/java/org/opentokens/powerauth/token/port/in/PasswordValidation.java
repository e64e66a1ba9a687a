package org.opentokens.powerauth.token.port.in;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@link PowerAuthPasswords#validatePassword} learned: whether the server accepted the password, and the
 * activation status fetched right after (absent if that unsigned call failed).
 */
public final class PasswordValidation {
    private final boolean valid;
    private final PowerAuthActivationStatus status;

    /**
     * @param valid whether the server accepted the password
     * @param status the status fetched afterwards, or null if it could not be fetched
     */
    public PasswordValidation(boolean valid, PowerAuthActivationStatus status) {
        this.valid = valid;
        this.status = status;
    }

    /** @return true if the server accepted the password */
    public boolean valid() {
        return valid;
    }

    /** @return the activation status right after the check, if it could be fetched */
    public Optional<PowerAuthActivationStatus> status() {
        return Optional.ofNullable(status);
    }

    /** @return attempts left before the server blocks the activation, if the status could be fetched */
    public OptionalInt remainingAttempts() {
        return status == null ? OptionalInt.empty() : OptionalInt.of(status.remainingAttempts());
    }

    /** @return true if the status shows the activation BLOCKED (for example by this very attempt) */
    public boolean blocked() {
        return status != null && status.state() == org.opentokens.powerauth.token.domain.ActivationState.BLOCKED;
    }

    @Override
    public String toString() {
        return "PasswordValidation[valid=" + valid + ", status=" + status + "]";
    }
}
