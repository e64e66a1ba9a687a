package org.opentokens.powerauth.token.benchmarks.header;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.opentokens.powerauth.token.port.out.RandomSource;

/** The two kinds of randomness the header benchmarks compare, for the client and for the floor. */
final class HeaderRandom {
    /** One SHA1PRNG per thread. */
    static final String PER_THREAD = "perThread";
    /** One DRBG per thread. */
    static final String PER_THREAD_DRBG = "perThreadDrbg";
    /** One default generator shared by every thread. */
    static final String SHARED = "shared";

    private static final SecureRandom SHARED_GENERATOR = new SecureRandom();

    private HeaderRandom() {
    }

    static RandomSource source(String kind) {
        if (PER_THREAD.equals(kind)) {
            return RandomSource.perThread(HeaderRandom::threadGenerator);
        }
        if (PER_THREAD_DRBG.equals(kind)) {
            return RandomSource.perThread(() -> named("DRBG"));
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
        if (PER_THREAD_DRBG.equals(kind)) {
            return named("DRBG");
        }
        if (SHARED.equals(kind)) {
            return SHARED_GENERATOR;
        }
        throw new IllegalArgumentException("unknown randomness kind " + kind);
    }

    private static SecureRandom threadGenerator() {
        return named("SHA1PRNG");
    }

    private static SecureRandom named(String algorithm) {
        try {
            return SecureRandom.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides " + algorithm, e);
        }
    }
}
