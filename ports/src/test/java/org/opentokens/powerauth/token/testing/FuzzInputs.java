package org.opentokens.powerauth.token.testing;

import java.util.Random;

/**
 * Where a fuzz target's inputs come from: one input per call, drawn from the run's seeded {@link Random}, so a
 * run is repeated exactly by its seed.
 *
 * @param <T> the input type
 */
@FunctionalInterface
public interface FuzzInputs<T> {
    /** Longs that break arithmetic more often than uniform draws do. */
    long[] EDGE_LONGS = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE,
            Long.MAX_VALUE - 1, Long.MIN_VALUE + 1};

    /**
     * @param random the run's random source
     * @return the next input
     */
    T next(Random random);

    /** @return uniform longs with an edge value one time in eight */
    static FuzzInputs<Long> longs() {
        return r -> r.nextInt(8) == 0 ? EDGE_LONGS[r.nextInt(EDGE_LONGS.length)] : r.nextLong();
    }

    /**
     * @param inputs a lambda drawing one input
     * @param <T> the input type
     * @return the lambda, typed (reads better at call sites than a cast)
     */
    static <T> FuzzInputs<T> of(FuzzInputs<T> inputs) {
        return inputs;
    }
}
