package org.opentokens.powerauth.token.benchmarks.suite;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;

/**
 * One measured side of a comparison: a JMH benchmark method run in a given mode and thread count.
 *
 * @param label the name used in ratios and the report, such as {@code ours} or {@code wultra}
 * @param benchmark the class holding the {@code @Benchmark} method
 * @param method the method name
 * @param mode average time, throughput or single shot
 * @param unit the time unit of the score
 * @param threads benchmark threads
 * @param params JMH {@code @Param} values to set, by name
 * @param cpuComparable whether CPU time per operation means something for this side: not when per-call set-up
 *     (JMH {@code Level.Invocation}) or per-shot refills run inside the timed iteration
 */
public record Side(String label, Class<?> benchmark, String method, Mode mode, TimeUnit unit, int threads,
        Map<String, String> params, boolean cpuComparable) {
    /**
     * @param label side label
     * @param benchmark benchmark class
     * @param method benchmark method
     * @param mode JMH mode
     * @param unit score unit
     * @param threads thread count, at least 1
     * @param params JMH parameters
     * @param cpuComparable whether the CPU time per operation is meaningful
     */
    public Side {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(unit, "unit");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        params = Map.copyOf(params);
    }

    /**
     * @param label side label
     * @param benchmark benchmark class
     * @param method benchmark method
     * @param mode JMH mode
     * @param unit score unit
     * @param threads thread count
     * @return a side without parameters
     */
    public static Side of(String label, Class<?> benchmark, String method, Mode mode, TimeUnit unit, int threads) {
        return new Side(label, benchmark, method, mode, unit, threads, Map.of(), mode != Mode.SingleShotTime);
    }

    /**
     * @param name a JMH parameter name
     * @param value its value
     * @return this side with the parameter set
     */
    public Side with(String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(params);
        more.put(name, value);
        return new Side(label, benchmark, method, mode, unit, threads, more, cpuComparable);
    }

    /** @return this side with its CPU time per operation marked as not meaningful */
    public Side withoutCpu() {
        return new Side(label, benchmark, method, mode, unit, threads, params, false);
    }

    /**
     * @param label side label
     * @param benchmark benchmark class
     * @param method benchmark method
     * @param unit score unit
     * @return a single-threaded average-time side
     */
    public static Side averageTime(String label, Class<?> benchmark, String method, TimeUnit unit) {
        return of(label, benchmark, method, Mode.AverageTime, unit, 1);
    }

    /** @return the JMH include pattern matching exactly this method */
    public String includePattern() {
        return "^" + java.util.regex.Pattern.quote(benchmark.getName() + "." + method) + "$";
    }
}
