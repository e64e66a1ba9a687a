package org.opentokens.powerauth.token.port.in;

import java.util.Objects;
import org.opentokens.powerauth.token.domain.ActivationState;

/**
 * The activation status as the server reported it.
 *
 * @param activationId the activation
 * @param state the server's state
 * @param failedAttempts failed signature attempts so far
 * @param maxFailedAttempts attempts allowed before the server blocks the activation
 * @param counterResynchronized true if the local counter was behind and was moved forward
 * @param signSoon true if the local counter is ahead of the server by more than half the look-ahead window, so a
 *     signed call soon would keep it usable
 */
public record PowerAuthActivationStatus(String activationId, ActivationState state, int failedAttempts,
        int maxFailedAttempts, boolean counterResynchronized, boolean signSoon) {

    /** @throws NullPointerException for a null component */
    public PowerAuthActivationStatus {
        Objects.requireNonNull(activationId, "activationId");
        Objects.requireNonNull(state, "state");
    }

    /** @return attempts left before the server blocks the activation */
    public int remainingAttempts() {
        return Math.max(0, maxFailedAttempts - failedAttempts);
    }
}
