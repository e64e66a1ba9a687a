package org.opentokens.powerauth.token.domain.internal.ecies;

import java.util.Objects;
import org.opentokens.powerauth.token.domain.EciesScope;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;

/**
 * The public, non-secret parameters of one ECIES exchange. They feed {@code sharedInfo1} and the associated data.
 *
 * @param version the protocol version; decides nonce, timestamp and associated-data rules
 * @param applicationKey the application key, standard Base64 of 16 bytes
 * @param activationId the activation ID for activation scope, {@code null} for application scope
 * @param temporaryKeyId the temporary key ID ({@code sub} of the keystore JWT); required for 3.3, absent before
 */
public record EciesParameters(ProtocolVersion version, String applicationKey, String activationId,
                              String temporaryKeyId) {
    /**
     * Validates the parameters.
     *
     * @param version the protocol version
     * @param applicationKey the application key
     * @param activationId the activation ID or null
     * @param temporaryKeyId the temporary key ID or null
     * @throws MalformedDataException if the application key is not Base64 of 16 bytes, an ID is blank, the
     *     temporary key ID is missing for 3.3 or present for an earlier version
     */
    public EciesParameters {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(applicationKey, "applicationKey");
        Bytes.wipe(B64.decode(applicationKey, "applicationKey", 16));
        if (activationId != null && activationId.isBlank()) {
            throw new MalformedDataException("activationId must not be blank; use null for application scope");
        }
        if (version.usesTemporaryKeys()) {
            if (temporaryKeyId == null || temporaryKeyId.isBlank()) {
                throw new MalformedDataException("temporaryKeyId is required for protocol " + version);
            }
        } else if (temporaryKeyId != null) {
            throw new MalformedDataException("temporaryKeyId is only used from protocol 3.3 on, not " + version);
        }
    }

    /** @return the scope implied by the presence of an activation ID */
    public EciesScope scope() {
        return activationId == null ? EciesScope.APPLICATION : EciesScope.ACTIVATION;
    }
}
