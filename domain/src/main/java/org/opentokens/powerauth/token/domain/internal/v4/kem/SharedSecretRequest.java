package org.opentokens.powerauth.token.domain.internal.v4.kem;

import java.util.List;
import java.util.Objects;
import org.opentokens.powerauth.token.domain.SharedSecretAlgorithm;

/**
 * The client half of a KEM exchange, sent as {@code {"algorithm": "…", "encapsulationKeys": ["<B64>", …]}}.
 *
 * @param algorithm the algorithm
 * @param encapsulationKeys Base64 public keys, one per KEM: DHKEM P-384 as an uncompressed point (97 bytes), ML-KEM as
 *     X.509 SubjectPublicKeyInfo DER
 */
public record SharedSecretRequest(SharedSecretAlgorithm algorithm, List<String> encapsulationKeys) {
    /** Copies the list. */
    public SharedSecretRequest {
        Objects.requireNonNull(algorithm, "algorithm");
        encapsulationKeys = List.copyOf(encapsulationKeys);
    }
}
