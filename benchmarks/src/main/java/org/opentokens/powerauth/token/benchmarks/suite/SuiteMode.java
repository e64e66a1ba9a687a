package org.opentokens.powerauth.token.benchmarks.suite;

import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How long the suite measures. {@link #FULL} gives the committed report in a few minutes; {@link #SHORT} runs
 * every benchmark once, briefly, only to prove that the suite still works (its numbers mean nothing).
 *
 * @param name {@code full} or {@code short}
 * @param rounds how many times each group's sides are run, interleaved
 * @param warmupIterations JMH warm-up iterations per side and round
 * @param measurementIterations JMH measurement iterations per side and round
 * @param iterationTime the length of one timed iteration
 * @param singleShots measured single shots of one-shot benchmarks, such as a 10,000-token wipe
 * @param coldStarts cold-start processes to time
 * @param warmupRound whether every side first runs once unrecorded, so that the first recorded round does not
 *     see code the JIT has not compiled yet for the other sides
 */
public record SuiteMode(String name, int rounds, int warmupIterations, int measurementIterations,
        TimeValue iterationTime, int singleShots, int coldStarts, boolean warmupRound) {
    /** The committed report. */
    public static final SuiteMode FULL = new SuiteMode("full", 3, 2, 2, TimeValue.seconds(1), 5, 7, true);
    /** A smoke run of a few seconds. */
    public static final SuiteMode SHORT = new SuiteMode("short", 1, 1, 1, TimeValue.milliseconds(100), 1, 1, false);

    /**
     * @param name {@code full} or {@code short}
     * @return the mode
     * @throws IllegalArgumentException for any other name
     */
    public static SuiteMode named(String name) {
        if (FULL.name.equals(name)) {
            return FULL;
        }
        if (SHORT.name.equals(name)) {
            return SHORT;
        }
        throw new IllegalArgumentException("mode must be full or short, was " + name);
    }
}
