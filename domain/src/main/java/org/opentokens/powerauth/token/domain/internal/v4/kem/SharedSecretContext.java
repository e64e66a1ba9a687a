package org.opentokens.powerauth.token.domain.internal.v4.kem;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.security.auth.Destroyable;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMParameters;
import org.opentokens.powerauth.token.domain.SharedSecretAlgorithm;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.v4.V4Protocol;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.Kmac256;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;

/**
 * A pending KEM exchange on the client: the key pairs of the algorithm's KEMs and the {@link SharedSecretRequest}
 * that carries their public keys. When the server's {@link SharedSecretResponse} arrives,
 * {@link #computeSharedSecret} decapsulates each ciphertext and combines the secrets:
 * {@code KMAC256(K = salt, X = BE32(1) || LV(ss_1) || … || LV(ss_n) || LV("shared-secret/" + algorithm) || LV("4.0"),
 * 32, "KDF")}.
 *
 * <p>Private keys stay inside; {@link #destroy()} drops them (best effort). Use one context for one exchange.
 */
public final class SharedSecretContext implements Destroyable {
    /** Length of the server's salt. */
    public static final int SALT_LENGTH = 32;

    private final SharedSecretAlgorithm algorithm;
    private final List<KemKeyPair> keys;
    private volatile boolean destroyed;

    SharedSecretContext(SharedSecretAlgorithm algorithm, List<KemKeyPair> keys) {
        this.algorithm = algorithm;
        this.keys = List.copyOf(keys);
    }

    /**
     * @param algorithm any algorithm with KEMs (all but {@link SharedSecretAlgorithm#EC_P256})
     * @param random randomness for the key pairs
     * @return a new exchange
     * @throws IllegalArgumentException for {@code EC_P256}
     */
    public static SharedSecretContext create(SharedSecretAlgorithm algorithm, SecureRandom random) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(random, "random");
        if (algorithm.kemCount() == 0) {
            throw new IllegalArgumentException(algorithm + " is not a protocol 4.0 KEM");
        }
        List<KemKeyPair> keys = new ArrayList<>();
        for (SharedSecretAlgorithm.Kem kem : algorithm.kems()) {
            keys.add(switch (kem) {
                case DHKEM_P384 -> DhKemP384.generate(random);
                case ML_KEM_768 -> MlKem.generate(MLKEMParameters.ml_kem_768, random);
                case ML_KEM_1024 -> MlKem.generate(MLKEMParameters.ml_kem_1024, random);
            });
        }
        return new SharedSecretContext(algorithm, keys);
    }

    /** @return the algorithm */
    public SharedSecretAlgorithm algorithm() {
        return algorithm;
    }

    /** @return the request to send, with one Base64 encapsulation key per KEM */
    public SharedSecretRequest request() {
        checkAlive();
        List<String> encoded = new ArrayList<>();
        for (KemKeyPair key : keys) {
            encoded.add(B64.encode(key.encapsulationKey()));
        }
        return new SharedSecretRequest(algorithm, encoded);
    }

    /**
     * @param response the server's salt and ciphertexts
     * @return the 32-byte shared secret (e.g. {@code KEY_ACTIVATION_SECRET} or a temporary key's envelope key)
     * @throws MalformedDataException if the salt is not Base64 of 32 bytes, the number of ciphertexts differs from the
     *     number of KEMs, or a ciphertext is not Base64 or has the wrong shape
     * @throws IllegalStateException if destroyed
     */
    public V4SymmetricKey computeSharedSecret(SharedSecretResponse response) {
        Objects.requireNonNull(response, "response");
        checkAlive();
        List<String> encapsulated = response.encapsulatedKeys();
        if (encapsulated == null || encapsulated.size() != keys.size()) {
            throw new MalformedDataException("shared secret response must carry " + keys.size() + " encapsulated keys");
        }
        byte[] salt = B64.decode(response.salt(), "salt", SALT_LENGTH);
        byte[][] secrets = new byte[keys.size()][];
        try {
            for (int i = 0; i < keys.size(); i++) {
                secrets[i] = keys.get(i).decapsulate(B64.decode(encapsulated.get(i), "encapsulated key"));
            }
            return V4SymmetricKey.takeOwnership(combine(algorithm, salt, secrets));
        } finally {
            for (byte[] s : secrets) {
                Bytes.wipe(s);
            }
        }
    }

    /** The KMAC combiner; package-private for tests. */
    static byte[] combine(SharedSecretAlgorithm algorithm, byte[] salt, byte[][] secrets) {
        byte[] ikm = Bytes.concatWithSizes(secrets);
        byte[] info = Bytes.concatStringsWithSizes("shared-secret/" + algorithm.name(), V4Protocol.VERSION);
        byte[] input = Bytes.concat(Bytes.be32(1), ikm, info);
        try {
            return Kmac256.mac(salt, input, Kmac256.KDF, V4SymmetricKey.LENGTH);
        } finally {
            Bytes.wipe(ikm);
            Bytes.wipe(input);
        }
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("shared secret context was destroyed");
        }
    }

    @Override
    public void destroy() {
        destroyed = true;
        keys.forEach(KemKeyPair::destroy);
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "SharedSecretContext[" + algorithm + ", private keys redacted]";
    }
}
