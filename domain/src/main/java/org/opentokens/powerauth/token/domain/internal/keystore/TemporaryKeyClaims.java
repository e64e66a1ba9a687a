package org.opentokens.powerauth.token.domain.internal.keystore;

/**
 * The values of a keystore response JWT, as the caller's JSON codec read them from {@link SignedJwt}. Any value may
 * be {@code null} here; {@link TemporaryKey#validate} decides.
 *
 * @param alg the header {@code alg}
 * @param typ the header {@code typ}
 * @param keyId the {@code sub} claim: the temporary key ID
 * @param applicationKey the {@code applicationKey} claim
 * @param activationId the {@code activationId} claim, {@code null} for application scope
 * @param challenge the {@code challenge} claim
 * @param publicKeyBase64 the {@code publicKey} claim: Base64 of a P-256 point
 * @param issuedAtMs the {@code iat_ms} claim
 * @param expiresAtMs the {@code exp_ms} claim
 */
public record TemporaryKeyClaims(String alg, String typ, String keyId, String applicationKey, String activationId,
                                 String challenge, String publicKeyBase64, long issuedAtMs, long expiresAtMs) {
}
