package org.opentokens.powerauth.token.domain.internal.v4.keystore;

import java.util.List;

/**
 * The claims of a verified keystore JWS, as the caller's JSON codec read them; any value may be null here and
 * {@link V4TemporaryKey#validate} decides.
 *
 * @param keyId {@code sub}: the temporary key ID
 * @param applicationKey {@code applicationKey}
 * @param activationId {@code activationId}, null for application scope
 * @param challenge {@code challenge}
 * @param salt {@code sharedSecretResponse.salt}
 * @param encapsulatedKeys {@code sharedSecretResponse.encapsulatedKeys}
 * @param issuedAtMs {@code iat_ms}
 * @param expiresAtMs {@code exp_ms}
 */
public record V4TemporaryKeyClaims(String keyId, String applicationKey, String activationId, String challenge,
        String salt, List<String> encapsulatedKeys, long issuedAtMs, long expiresAtMs) {
}
