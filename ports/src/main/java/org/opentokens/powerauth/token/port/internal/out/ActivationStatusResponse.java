package org.opentokens.powerauth.token.port.internal.out;

import java.util.Objects;

/**
 * The answer of {@code /pa/v3/activation/status}, still encrypted.
 *
 * @param activationId the activation the server answered for
 * @param encryptedStatusBlobBase64 the 32-byte encrypted status blob, Base64
 * @param nonceBase64 the server's 16-byte nonce, Base64, or {@code null} when absent (protocol 3.0)
 */
public record ActivationStatusResponse(String activationId, String encryptedStatusBlobBase64, String nonceBase64) {

    /** @throws NullPointerException if {@code activationId} or {@code encryptedStatusBlobBase64} is null */
    public ActivationStatusResponse {
        Objects.requireNonNull(activationId, "activationId");
        Objects.requireNonNull(encryptedStatusBlobBase64, "encryptedStatusBlobBase64");
    }
}
