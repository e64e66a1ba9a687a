package org.opentokens.powerauth.token.domain.internal.keystore;

/**
 * The decoded parts of a JWT whose signature has been verified, for the caller to parse with its JSON codec.
 *
 * @param headerJson the header JSON as UTF-8 text
 * @param payloadJson the payload (claims) JSON as UTF-8 text
 */
public record SignedJwt(String headerJson, String payloadJson) {
}
