/**
 * Protocol 4.0 shared-secret establishment (client side): a list of KEMs per
 * {@link org.opentokens.powerauth.token.domain.SharedSecretAlgorithm} (RFC 9180 DHKEM(P-384, HKDF-SHA384) in
 * export-only mode, FIPS 203 ML-KEM-768/1024), the request of encapsulation keys, and the KMAC-based combination of
 * the decapsulated secrets with the server's salt into one 32-byte key.
 */
package org.opentokens.powerauth.token.domain.internal.v4.kem;
