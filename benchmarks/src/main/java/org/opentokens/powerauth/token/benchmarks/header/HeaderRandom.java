package org.opentokens.powerauth.token.benchmarks.header;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.opentokens.powerauth.token.port.out.RandomSource;

/** The two kinds of randomness the header benchmarks compare, for the client and for the floor. */
final class HeaderRandom {
    /** One SHA1PRNG per thread. */
    static final String PER_THREAD = "perThread";
    /** One default generator shared by every thread. */
    static final String SHARED = "shared";

    private static final SecureRandom SHARED_GENERATOR = new SecureRandom();

    private HeaderRandom() {
    }

    static RandomSource source(String kind) {
        if (PER_THREAD.equals(kind)) {
            return RandomSource.perThread(HeaderRandom::threadGenerator);
        }
        if (SHARED.equals(kind)) {
            return RandomSource.of(SHARED_GENERATOR);
        }
        throw new IllegalArgumentException("unknown randomness kind " + kind);
    }

    /** @return the floor's generator for the calling thread, of the same kind the client uses */
    static SecureRandom floorGenerator(String kind) {
        if (PER_THREAD.equals(kind)) {
            return threadGenerator();
        }
        if (SHARED.equals(kind)) {
            return SHARED_GENERATOR;
        }
        throw new IllegalArgumentException("unknown randomness kind " + kind);
    }

    private static SecureRandom threadGenerator() {
        try {
            return SecureRandom.getInstance("SHA1PRNG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides SHA1PRNG", e);
        }
    }
}
