package org.opentokens.powerauth.token.port.in;

import java.util.Objects;

/**
 * The outcome of {@link ActivationUseCase#createActivation}.
 *
 * @param activationId the new activation's id
 * @param activationFingerprint 8 decimal digits to compare with what the server shows the user
 */
public record PowerAuthActivationResult(String activationId, String activationFingerprint) {
    /** @throws NullPointerException for a null component */
    public PowerAuthActivationResult {
        Objects.requireNonNull(activationId, "activationId");
        Objects.requireNonNull(activationFingerprint, "activationFingerprint");
    }
}
