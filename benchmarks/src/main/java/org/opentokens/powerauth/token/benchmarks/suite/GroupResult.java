package org.opentokens.powerauth.token.benchmarks.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

/**
 * A group's measurements, and the ratios and limits computed from them: every ratio per round (its sides were
 * measured close together in time), then the median over rounds.
 *
 * @param group the group
 * @param measurements one per side and round
 */
public record GroupResult(Group group, List<Measurement> measurements) {
    /**
     * @param group the group
     * @param measurements its measurements
     */
    public GroupResult {
        Objects.requireNonNull(group, "group");
        measurements = List.copyOf(measurements);
    }

    /** @return the highest round number measured */
    public int rounds() {
        return measurements.stream().mapToInt(Measurement::round).max().orElse(0);
    }

    /**
     * @param side a side label
     * @return its measurements, by round
     */
    public List<Measurement> of(String side) {
        return measurements.stream().filter(m -> m.side().equals(side)).toList();
    }

    /**
     * @param side a side label
     * @return the median of its scores
     */
    public double medianScore(String side) {
        return Numbers.median(of(side).stream().map(Measurement::score).toList());
    }

    /**
     * @param side a side label
     * @return the median of its CPU times per operation, if known and meaningful
     */
    public OptionalDouble medianCpu(String side) {
        boolean comparable = group.side(side).map(Side::cpuComparable).orElse(false);
        List<Double> cpu = of(side).stream().map(Measurement::cpuNsPerOp).filter(v -> !Double.isNaN(v)).toList();
        return comparable && !cpu.isEmpty() ? OptionalDouble.of(Numbers.median(cpu)) : OptionalDouble.empty();
    }

    /**
     * @param ratio one of the group's ratios
     * @return its value in each round, in round order
     */
    public List<Double> perRound(Ratio ratio) {
        return perRound(ratio, Measurement::score);
    }

    /**
     * @param ratio one of the group's ratios
     * @return the same ratio on CPU time per operation, per round; empty when a side's CPU time is not
     *     meaningful. Throughput sides are per-operation costs here, so the ratio is inverted for them.
     */
    public List<Double> perRoundCpu(Ratio ratio) {
        List<String> all = new ArrayList<>(ratio.numerator());
        all.addAll(ratio.denominator());
        for (String label : all) {
            if (!group.side(label).map(Side::cpuComparable).orElse(false)) {
                return List.of();
            }
        }
        boolean throughput = group.side(ratio.numerator().get(0))
                .map(s -> s.mode() == org.openjdk.jmh.annotations.Mode.Throughput).orElse(false);
        if (throughput) {
            // Per-operation CPU of the denominator over the numerator's keeps "higher is better" for throughput.
            return perRound(new Ratio(ratio.name(), ratio.denominator(), ratio.numerator(), null, true),
                    Measurement::cpuNsPerOp);
        }
        return perRound(ratio, Measurement::cpuNsPerOp);
    }

    /**
     * @param ratio one of the group's ratios
     * @return the median of its per-round values
     */
    public double median(Ratio ratio) {
        return Numbers.median(perRound(ratio));
    }

    private List<Double> perRound(Ratio ratio, ToDoubleFunction<Measurement> value) {
        List<Double> out = new ArrayList<>();
        for (int round = 1; round <= rounds(); round++) {
            double numerator = sum(ratio.numerator(), round, value);
            double denominator = sum(ratio.denominator(), round, value);
            if (!Double.isNaN(numerator) && !Double.isNaN(denominator) && denominator != 0) {
                out.add(numerator / denominator);
            }
        }
        return out;
    }

    private double sum(List<String> sides, int round, ToDoubleFunction<Measurement> value) {
        double total = 0;
        for (String side : sides) {
            final int r = round;
            Measurement m = measurements.stream().filter(x -> x.side().equals(side) && x.round() == r).findFirst()
                    .orElse(null);
            if (m == null) {
                return Double.NaN;
            }
            total += value.applyAsDouble(m);
        }
        return total;
    }
}
