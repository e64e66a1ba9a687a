package org.opentokens.powerauth.token.port.out;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Randomness for nonces, challenges and ephemeral keys; production code gets a {@link SecureRandom} from the wiring,
 * tests a seeded source. Wrap one shared generator with {@link #of(SecureRandom)}, or use one per thread with
 * {@link #perThread(Supplier)} so header threads never wait for each other. An implementation normally provides only
 * {@link #secureRandom()}; the default {@link #nextBytes(int)} draws from it, so all callers share one stream.
 * Implementations, and the {@code SecureRandom} they return, must be safe for concurrent use.
 */
@FunctionalInterface
public interface RandomSource {

    /**
     * The generator to pass to domain functions that take a {@code SecureRandom}.
     *
     * @return the generator; may be the same shared instance on every call, never {@code null}
     */
    SecureRandom secureRandom();

    /**
     * Fresh random bytes, for example a 16-byte token nonce.
     *
     * @param length how many bytes; {@code 0} gives an empty array
     * @return a new array of exactly {@code length} bytes, owned by the caller
     * @throws IllegalArgumentException if {@code length} is negative
     */
    default byte[] nextBytes(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative, was " + length);
        }
        byte[] bytes = new byte[length];
        if (length > 0) {
            secureRandom().nextBytes(bytes);
        }
        return bytes;
    }

    /**
     * Wraps a shared generator. The wiring calls this once with the instance it creates.
     *
     * @param random the generator to share; it is used, never copied
     * @return a source drawing from {@code random}
     * @throws NullPointerException if {@code random} is null
     */
    static RandomSource of(SecureRandom random) {
        return new SecureRandomSource(Objects.requireNonNull(random, "random"));
    }

    /**
     * One generator per thread, each created by {@code factory} on that thread's first draw and used by it
     * alone. A shared generator serialises concurrent callers (every JDK {@code SecureRandom} locks, and the
     * default {@code NativePRNG} takes process-wide locks), so this is the choice for hosts that generate token
     * headers on several threads. The factory must return an independent, self-seeding generator (for example
     * {@code SecureRandom.getInstance("SHA1PRNG")} or {@code "DRBG"}), not one shared instance.
     *
     * @param factory creates a thread's generator; called once per thread that draws
     * @return a source drawing from the calling thread's generator
     * @throws NullPointerException if {@code factory} is null (or later returns null)
     */
    static RandomSource perThread(Supplier<SecureRandom> factory) {
        return new PerThreadRandomSource(Objects.requireNonNull(factory, "factory"));
    }
}
