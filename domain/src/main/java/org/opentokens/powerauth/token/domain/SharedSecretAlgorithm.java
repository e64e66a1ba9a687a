package org.opentokens.powerauth.token.domain;

import java.util.List;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;

/**
 * The algorithm names of protocol 4.0 ({@code SharedSecretAlgorithm} on the wire) and the KEMs each one combines.
 *
 * <p>A 4.0 client offers {@link #EC_P384}, {@link #EC_P384_ML_L3} and {@link #EC_P384_ML_L5}: these are the
 * algorithms PowerAuth Server 2.0 accepts for temporary keys and activations, that the mobile SDK can be configured
 * with, and that have a fingerprint and a server signature scheme. {@link #EC_P256} is the 3.3 protocol (no KEM here).
 * {@link #ML_L3} and {@link #ML_L5} (ML-KEM alone) exist in Wultra's library and work here, but the server refuses them
 * for temporary keys, so a client never meets them in a 4.0 exchange.
 */
public enum SharedSecretAlgorithm {
    /** P-256: protocol 3.3, not a 4.0 KEM. */
    EC_P256(List.of()),
    /** DHKEM(P-384) alone. */
    EC_P384(List.of(Kem.DHKEM_P384)),
    /** DHKEM(P-384) and ML-KEM-768 (signatures ECDSA P-384 and ML-DSA-65); the SDK's default. */
    EC_P384_ML_L3(List.of(Kem.DHKEM_P384, Kem.ML_KEM_768)),
    /** DHKEM(P-384) and ML-KEM-1024 (signatures ECDSA P-384 and ML-DSA-87). */
    EC_P384_ML_L5(List.of(Kem.DHKEM_P384, Kem.ML_KEM_1024)),
    /** ML-KEM-768 alone. */
    ML_L3(List.of(Kem.ML_KEM_768)),
    /** ML-KEM-1024 alone. */
    ML_L5(List.of(Kem.ML_KEM_1024));

    /** The KEMs, in the order of the request and of the KDF input. */
    public enum Kem {
        DHKEM_P384, ML_KEM_768, ML_KEM_1024
    }

    private final List<Kem> kems;

    SharedSecretAlgorithm(List<Kem> kems) {
        this.kems = kems;
    }

    /** @return the algorithm's KEMs, in the order of the request and of the KDF input; empty for EC_P256 */
    public List<Kem> kems() {
        return kems;
    }

    /** @return how many encapsulation keys a request carries (0 for {@link #EC_P256}) */
    public int kemCount() {
        return kems.size();
    }

    /** @return true for the algorithms a 4.0 client offers: {@code EC_P384}, {@code EC_P384_ML_L3}, {@code EC_P384_ML_L5} */
    public boolean offeredByClient() {
        return this == EC_P384 || this == EC_P384_ML_L3 || this == EC_P384_ML_L5;
    }

    /** @return true when the algorithm includes ML-KEM (and, for the hybrids, ML-DSA) */
    public boolean isPostQuantum() {
        return kems.contains(Kem.ML_KEM_768) || kems.contains(Kem.ML_KEM_1024);
    }

    /**
     * @param value the wire name, e.g. {@code "EC_P384_ML_L3"}
     * @return the algorithm
     * @throws MalformedDataException if the name is null or unknown
     */
    public static SharedSecretAlgorithm fromWireValue(String value) {
        if (value != null) {
            for (SharedSecretAlgorithm a : values()) {
                if (a.name().equals(value)) {
                    return a;
                }
            }
        }
        throw new MalformedDataException("unknown shared secret algorithm");
    }
}
