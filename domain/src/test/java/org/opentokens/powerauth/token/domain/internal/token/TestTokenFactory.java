package org.opentokens.powerauth.token.domain.internal.token;

import java.util.Random;

/** Random token inputs for randomized conformance checks; seeded so failures reproduce. */
final class TestTokenFactory {
    /** Cases per randomized check. */
    static final int CASES = 300;

    private final Random random;

    TestTokenFactory(long seed) {
        this.random = new Random(seed);
    }

    byte[] bytes(int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    byte[] secret() {
        return bytes(16);
    }

    byte[] nonce() {
        return bytes(16);
    }

    /** Mostly realistic millisecond times, sometimes anywhere in the 9-15 digit range the server accepts. */
    long timestamp() {
        switch (random.nextInt(4)) {
            case 0:
                return 100_000_000L + (long) (random.nextDouble() * (TokenHeader.MAX_TIMESTAMP_MS - 100_000_000L));
            case 1:
                return 100_000_000L + random.nextInt(1_000_000);
            default:
                return 1_500_000_000_000L + (long) (random.nextDouble() * 500_000_000_000L);
        }
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    boolean nextBoolean() {
        return random.nextBoolean();
    }

    long nextLong(long boundExclusive) {
        return (long) (random.nextDouble() * boundExclusive);
    }
}
