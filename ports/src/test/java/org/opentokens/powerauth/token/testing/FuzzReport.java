package org.opentokens.powerauth.token.testing;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What one fuzz run saw: how many inputs ran, how many were accepted, the typed errors by exception type, and the
 * first few untyped failures with the input that caused them.
 *
 * @param target the fuzz target's name
 * @param seed the seed that reproduces the run
 * @param inputs how many inputs ran
 * @param accepted how many inputs were accepted without an exception
 * @param typed typed errors by exception simple name
 * @param untypedCount how many inputs ended in an untyped error (or broke an invariant)
 * @param untyped descriptions of the first untyped failures
 */
public record FuzzReport(String target, long seed, long inputs, long accepted, Map<String, Long> typed,
        long untypedCount, List<String> untyped) {

    /** @return the total of typed errors */
    public long typedTotal() {
        return typed.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Fails the test if any input ended in an untyped error, listing the first ones with the seed.
     *
     * @return this
     */
    public FuzzReport assertNoUntypedErrors() {
        org.assertj.core.api.Assertions.assertThat(untyped)
                .as("%s: untyped errors (rerun with -Dfuzz.seed=%d)", target, seed).isEmpty();
        org.assertj.core.api.Assertions.assertThat(untypedCount).as(target).isZero();
        return this;
    }

    /** @return the figure line: inputs, accepted, typed errors by type, untyped errors */
    public String figure() {
        String byType = new TreeMap<>(typed).entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return inputs + " inputs (seed " + seed + "), " + accepted + " accepted, typed errors: "
                + (byType.isEmpty() ? "none" : byType) + "; " + untypedCount + " untyped errors";
    }
}
