package org.opentokens.powerauth.token.adapter.storage;

import java.security.SecureRandom;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.RandomSource;

/** Object mother for keys and randomness in storage adapter tests. */
public final class TestStorageKeys {
    private static final RandomSource RANDOM = RandomSource.of(new SecureRandom());

    private TestStorageKeys() {
    }

    /** @return the real randomness production uses (GCM nonces must never repeat, even in tests) */
    public static RandomSource random() {
        return RANDOM;
    }

    /** @return a fresh random 32-byte master key */
    public static SecretBytes randomKey() {
        return SecretBytes.takeOwnership(RANDOM.nextBytes(StorageKeySource.KEY_BYTES));
    }

    /** @return a raw key source over a fresh random key */
    public static StorageKeySource randomRawKeySource() {
        return StorageKeySources.rawKey(randomKey());
    }
}
