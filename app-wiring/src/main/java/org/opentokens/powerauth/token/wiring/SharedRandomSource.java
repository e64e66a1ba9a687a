package org.opentokens.powerauth.token.wiring;

import java.security.SecureRandom;
import org.opentokens.powerauth.token.port.out.RandomSource;

/**
 * The default {@link RandomSource}: one {@link SecureRandom} shared by every client in the JVM, created on first
 * use (so a default that a host replaces costs nothing). {@code SecureRandom} is thread-safe.
 */
final class SharedRandomSource implements RandomSource {
    static final SharedRandomSource INSTANCE = new SharedRandomSource();

    private SharedRandomSource() {
    }

    @Override
    public SecureRandom secureRandom() {
        return Holder.RANDOM;
    }

    @Override
    public String toString() {
        return "SharedRandomSource[" + Holder.RANDOM.getAlgorithm() + "]";
    }

    private static final class Holder {
        static final SecureRandom RANDOM = new SecureRandom();
    }
}
