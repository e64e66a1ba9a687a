/**
 * PowerAuth protocol version 4.0 ("post-quantum"), client side: KMAC256 key derivation, the SHA3 hash counter, the
 * V4 token digest and header, authentication codes, the AES-256-CTR + KMAC AEAD, the hybrid KEM shared secret
 * (DHKEM P-384 and ML-KEM), temporary keys, the activation layers, fingerprints and the V4 status blob.
 *
 * <p>Kept apart from the 3.x code: nothing here changes a 3.x computation, and nothing in the 3.x packages knows
 * about 4.0. Callers pick the generation once, at the edge (the configured protocol version of an instance). As in the
 * rest of the domain, time, nonces and randomness are parameters and no JSON is read or written here.
 */
package org.opentokens.powerauth.token.domain.internal.v4;
