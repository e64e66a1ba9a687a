package org.opentokens.powerauth.token.domain.internal.v4.aead;

import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.v4.V4Protocol;

/**
 * The public inputs of an envelope: application key, activation ID (activation scope only) and the temporary key ID
 * the envelope key belongs to.
 *
 * @param applicationKey the application key
 * @param activationId the activation ID, or null for application scope
 * @param temporaryKeyId the temporary key ID ({@code temporaryKeyId} in the request)
 */
public record AeadParameters(String applicationKey, String activationId, String temporaryKeyId) {
    /** Checks that application key and temporary key ID are present and non-empty. */
    public AeadParameters {
        if (applicationKey == null || applicationKey.isEmpty()) {
            throw new MalformedDataException("application key is missing");
        }
        if (temporaryKeyId == null || temporaryKeyId.isEmpty()) {
            throw new MalformedDataException("temporary key ID is missing");
        }
        if (activationId != null && activationId.isEmpty()) {
            throw new MalformedDataException("activation ID must be null or non-empty");
        }
    }

    /** @return the scope these parameters fit: activation when an activation ID is present */
    public AeadScope scope() {
        return activationId == null ? AeadScope.APPLICATION : AeadScope.ACTIVATION;
    }

    /** @return {@code LV("4.0") || LV(appKey) [|| LV(activationId)] || LV(temporaryKeyId)} */
    byte[] associatedData() {
        return activationId == null
                ? Bytes.concatStringsWithSizes(V4Protocol.VERSION, applicationKey, temporaryKeyId)
                : Bytes.concatStringsWithSizes(V4Protocol.VERSION, applicationKey, activationId, temporaryKeyId);
    }
}
