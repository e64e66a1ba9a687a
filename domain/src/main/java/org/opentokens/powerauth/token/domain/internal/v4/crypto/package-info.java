/**
 * Protocol 4.0 primitives on Bouncy Castle's lightweight API: KMAC256 with a prepared key, SHA3, the 32-byte
 * symmetric key type, P-384 keys and ECDSA, and ML-DSA public keys.
 */
package org.opentokens.powerauth.token.domain.internal.v4.crypto;
