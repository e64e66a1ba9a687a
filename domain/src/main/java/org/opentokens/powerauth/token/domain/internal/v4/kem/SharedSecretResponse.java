package org.opentokens.powerauth.token.domain.internal.v4.kem;

import java.util.List;

/**
 * The server half of a KEM exchange, received as {@code {"salt": "<B64 32 B>", "encapsulatedKeys": ["<B64>", …]}}.
 * Values are checked by {@link SharedSecretContext#computeSharedSecret}; {@code null}s are allowed here so that a
 * codec can hand over whatever it read.
 *
 * @param salt Base64 of the 32-byte salt
 * @param encapsulatedKeys Base64 ciphertexts, one per KEM in the request's order
 */
public record SharedSecretResponse(String salt, List<String> encapsulatedKeys) {
}
