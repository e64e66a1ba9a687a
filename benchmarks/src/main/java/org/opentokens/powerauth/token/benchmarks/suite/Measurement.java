package org.opentokens.powerauth.token.benchmarks.suite;

import java.util.Locale;
import java.util.Objects;

/**
 * One side's score in one round.
 *
 * @param side the side label
 * @param round the round, from 1
 * @param score the JMH primary score
 * @param error the JMH 99.9% error half-width, NaN when JMH cannot compute one
 * @param unit the score unit, such as {@code ns/op} or {@code ops/ms}
 * @param cpuNsPerOp process CPU nanoseconds per operation, NaN when unknown
 */
public record Measurement(String side, int round, double score, double error, String unit, double cpuNsPerOp) {
    /**
     * @param side side label
     * @param round round number
     * @param score score
     * @param error error half-width
     * @param unit score unit
     * @param cpuNsPerOp CPU time per operation
     */
    public Measurement {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(unit, "unit");
        if (side.contains("\t") || unit.contains("\t")) {
            throw new IllegalArgumentException("labels and units must not contain tabs");
        }
    }

    /** @return one tab-separated line, read back by {@link #parse(String)} */
    public String toLine() {
        return side + "\t" + round + "\t" + String.format(Locale.ROOT, "%.6f", score) + "\t"
                + String.format(Locale.ROOT, "%.6f", error) + "\t" + unit + "\t"
                + String.format(Locale.ROOT, "%.3f", cpuNsPerOp);
    }

    /**
     * @param line a line written by {@link #toLine()}
     * @return the measurement
     * @throws IllegalArgumentException if the line is not in that format
     */
    public static Measurement parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 6) {
            throw new IllegalArgumentException("a measurement line has 6 tab-separated fields");
        }
        return new Measurement(f[0], Integer.parseInt(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                f[4], Double.parseDouble(f[5]));
    }
}
