package org.opentokens.powerauth.token.domain.internal.v4.activation;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.opentokens.powerauth.token.domain.SharedSecretAlgorithm;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.MlDsaPublicKey;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.P384PublicKey;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.Sha3;

/**
 * The 8-digit 4.0 activation fingerprint. With {@code X(k)} the affine X coordinate as a minimal unsigned big-endian
 * integer (not left-padded): {@code EC_P384}: {@code SHA3-256(utf8("EC_P384") || X(device) || utf8(activationId) ||
 * X(server))}; hybrids: {@code SHA3-256(utf8(alg) || X(deviceEc) || SPKI(deviceMlDsa) || utf8(activationId) ||
 * X(serverEc) || SPKI(serverMlDsa))}. The last four hash bytes, big-endian, masked with {@code 0x7FFFFFFF}, modulo
 * 10^8, zero-padded.
 */
public final class V4ActivationFingerprint {
    private V4ActivationFingerprint() {
    }

    /**
     * @param devicePublic the device P-384 key
     * @param serverPublic the server P-384 key
     * @param activationId the activation ID
     * @return the fingerprint for {@code EC_P384}
     */
    public static String ec(P384PublicKey devicePublic, P384PublicKey serverPublic, String activationId) {
        Objects.requireNonNull(devicePublic, "devicePublic");
        Objects.requireNonNull(serverPublic, "serverPublic");
        Objects.requireNonNull(activationId, "activationId");
        return truncate(Sha3.sha256(Bytes.utf8(SharedSecretAlgorithm.EC_P384.name()), devicePublic.xMinimal(),
                activationId.getBytes(StandardCharsets.UTF_8), serverPublic.xMinimal()));
    }

    /**
     * @param algorithm {@code EC_P384_ML_L3} or {@code EC_P384_ML_L5}
     * @param deviceEc the device P-384 key
     * @param deviceMlDsa the device ML-DSA key
     * @param serverEc the server P-384 key
     * @param serverMlDsa the server ML-DSA key
     * @param activationId the activation ID
     * @return the hybrid fingerprint
     * @throws MalformedDataException if the algorithm is not a hybrid
     */
    public static String hybrid(SharedSecretAlgorithm algorithm, P384PublicKey deviceEc, MlDsaPublicKey deviceMlDsa,
            P384PublicKey serverEc, MlDsaPublicKey serverMlDsa, String activationId) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(deviceEc, "deviceEc");
        Objects.requireNonNull(deviceMlDsa, "deviceMlDsa");
        Objects.requireNonNull(serverEc, "serverEc");
        Objects.requireNonNull(serverMlDsa, "serverMlDsa");
        Objects.requireNonNull(activationId, "activationId");
        if (algorithm != SharedSecretAlgorithm.EC_P384_ML_L3 && algorithm != SharedSecretAlgorithm.EC_P384_ML_L5) {
            throw new MalformedDataException("hybrid fingerprint needs EC_P384_ML_L3 or EC_P384_ML_L5");
        }
        return truncate(Sha3.sha256(Bytes.utf8(algorithm.name()), deviceEc.xMinimal(), deviceMlDsa.encoded(),
                activationId.getBytes(StandardCharsets.UTF_8), serverEc.xMinimal(), serverMlDsa.encoded()));
    }

    private static String truncate(byte[] hash) {
        int n = hash.length;
        int tail = (hash[n - 4] & 0xFF) << 24 | (hash[n - 3] & 0xFF) << 16 | (hash[n - 2] & 0xFF) << 8 | (hash[n - 1] & 0xFF);
        return String.format("%08d", (tail & 0x7FFFFFFF) % 100_000_000);
    }
}
