package org.opentokens.powerauth.token.port.out;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * A deterministic {@link RandomSource} for tests: a {@code SHA1PRNG} seeded before first use, so the same seed
 * gives the same nonces and keys and a failing case can be replayed. Distinct values, thread-safe. Runs
 * {@link RandomSourceContract}.
 */
public final class SeededRandomSource implements RandomSource {
    private final long seed;
    private final SecureRandom random;

    /** @param seed the seed; equal seeds give equal streams */
    public SeededRandomSource(long seed) {
        this.seed = seed;
        try {
            this.random = SecureRandom.getInstance("SHA1PRNG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG is required by every Java SE platform", e);
        }
        random.setSeed(seed);
    }

    @Override
    public SecureRandom secureRandom() {
        return random;
    }

    @Override
    public String toString() {
        return "SeededRandomSource[" + seed + "]";
    }
}
