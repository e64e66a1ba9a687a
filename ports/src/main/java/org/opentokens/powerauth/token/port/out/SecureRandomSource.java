package org.opentokens.powerauth.token.port.out;

import java.security.SecureRandom;

/** The {@link RandomSource} behind {@link RandomSource#of(SecureRandom)}. */
final class SecureRandomSource implements RandomSource {
    private final SecureRandom random;

    SecureRandomSource(SecureRandom random) {
        this.random = random;
    }

    @Override
    public SecureRandom secureRandom() {
        return random;
    }

    @Override
    public String toString() {
        return "RandomSource[" + random.getAlgorithm() + "]";
    }
}
