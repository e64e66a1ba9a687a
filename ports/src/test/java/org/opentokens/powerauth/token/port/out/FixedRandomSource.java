package org.opentokens.powerauth.token.port.out;

import java.security.SecureRandom;
import java.security.SecureRandomSpi;

/**
 * A {@link RandomSource} that returns the same bytes every time, for known-answer tests: each draw (through
 * {@link #nextBytes(int)} or the {@code SecureRandom}) is the pattern repeated from its start and cut to length.
 * Not distinct by design; thread-safe. Runs {@link RandomSourceContract} with distinctness switched off.
 */
public final class FixedRandomSource implements RandomSource {
    private final byte[] pattern;
    private final SecureRandom random;

    /**
     * @param pattern the bytes to repeat; copied; not empty
     * @throws IllegalArgumentException if {@code pattern} is empty
     */
    public FixedRandomSource(byte[] pattern) {
        if (pattern.length == 0) {
            throw new IllegalArgumentException("pattern must not be empty");
        }
        this.pattern = pattern.clone();
        this.random = new SecureRandom(new PatternSpi(this.pattern), null) {
            private static final long serialVersionUID = 1L;
        };
    }

    /**
     * @param value the byte to repeat
     * @return a source whose every draw is {@code value} repeated
     */
    public static FixedRandomSource repeating(int value) {
        return new FixedRandomSource(new byte[] {(byte) value});
    }

    @Override
    public SecureRandom secureRandom() {
        return random;
    }

    @Override
    public String toString() {
        return "FixedRandomSource[" + pattern.length + " byte pattern]";
    }

    private static final class PatternSpi extends SecureRandomSpi {
        private static final long serialVersionUID = 1L;
        private final byte[] pattern;

        PatternSpi(byte[] pattern) {
            this.pattern = pattern;
        }

        @Override
        protected void engineSetSeed(byte[] seed) {
            // fixed output: seeding changes nothing
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = pattern[i % pattern.length];
            }
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            byte[] seed = new byte[numBytes];
            engineNextBytes(seed);
            return seed;
        }
    }
}
