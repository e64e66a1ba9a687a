package org.opentokens.powerauth.token.adapter.storage;

import java.util.Objects;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.RandomSource;

/** Factories for the {@link StorageKeySource}s that need no OS keychain. */
public final class StorageKeySources {
    /** Default PBKDF2-HMAC-SHA256 iteration count for new stores (OWASP's 2023 figure). */
    public static final int DEFAULT_PBKDF2_ITERATIONS = 600_000;

    /** Lowest iteration count accepted for new stores. */
    public static final int MIN_PBKDF2_ITERATIONS = 100_000;

    private StorageKeySources() {
    }

    /**
     * A key the host keeps itself (in an HSM, a secrets manager, its own keychain entry). Nothing is stored
     * with the data except the method name.
     *
     * @param key exactly {@value StorageKeySource#KEY_BYTES} bytes; copied, the caller may destroy its copy
     * @return the source
     * @throws IllegalArgumentException if the key has the wrong length
     */
    public static StorageKeySource rawKey(SecretBytes key) {
        return new RawKeySource(key);
    }

    /**
     * A key derived from a passphrase with PBKDF2-HMAC-SHA256 ({@value #DEFAULT_PBKDF2_ITERATIONS} iterations)
     * and a random 16-byte salt stored with the data.
     *
     * @param passphrase the passphrase, at least one character; copied, the caller should wipe its array.
     *     The source keeps its copy until {@link PassphraseKeySource#destroy()}.
     * @param random draws the salt of a new store
     * @return the source
     */
    public static PassphraseKeySource passphrase(char[] passphrase, RandomSource random) {
        return passphrase(passphrase, random, DEFAULT_PBKDF2_ITERATIONS);
    }

    /**
     * As {@link #passphrase(char[], RandomSource)} with an explicit iteration count for new stores. Existing
     * stores keep the count they were created with.
     *
     * @param passphrase the passphrase; copied
     * @param random draws the salt of a new store
     * @param iterations at least {@value #MIN_PBKDF2_ITERATIONS}
     * @return the source
     * @throws IllegalArgumentException if {@code iterations} is too low or the passphrase is empty
     */
    public static PassphraseKeySource passphrase(char[] passphrase, RandomSource random, int iterations) {
        Objects.requireNonNull(passphrase, "passphrase");
        Objects.requireNonNull(random, "random");
        if (iterations < MIN_PBKDF2_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 iterations must be at least " + MIN_PBKDF2_ITERATIONS);
        }
        if (passphrase.length == 0) {
            throw new IllegalArgumentException("passphrase must not be empty");
        }
        return new PassphraseKeySource(passphrase, random, iterations);
    }
}
