/**
 * Protocol 4.0 temporary encryption keys ({@code /pa/v4/keystore/create}): the HS384 request JWT carrying a KEM
 * request, the JWS JSON response signed with ES384 (and ML-DSA for the hybrids), and the validated key whose envelope
 * key comes out of the KEM exchange. The caller builds and parses the JSON; this package signs, verifies and checks.
 */
package org.opentokens.powerauth.token.domain.internal.v4.keystore;
