package org.opentokens.powerauth.token.domain.internal.v4.keystore;

/**
 * One entry of the {@code signatures} array of a JWS JSON General Serialization, as the caller's JSON codec read it.
 *
 * @param protectedHeader the {@code protected} member: base64url of the header JSON
 * @param alg the {@code alg} the caller read from that header JSON ({@code "ES384"}, {@code "ML-DSA-65"},
 *     {@code "ML-DSA-87"})
 * @param signature the {@code signature} member, base64url
 */
public record JwsSignature(String protectedHeader, String alg, String signature) {
}
