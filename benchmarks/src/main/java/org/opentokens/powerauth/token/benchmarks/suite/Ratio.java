package org.opentokens.powerauth.token.benchmarks.suite;

import java.util.List;
import java.util.Objects;

/**
 * A reported ratio: the summed scores of the numerator sides over the summed scores of the denominator sides,
 * computed per round, with an optional target.
 *
 * @param name what the ratio compares, such as {@code Wultra / ours}
 * @param numerator side labels whose scores are added above the line
 * @param denominator side labels whose scores are added below the line
 * @param target the threshold, or {@code null} when the ratio is only reported
 * @param atLeast whether the ratio must be at least ({@code true}) or at most ({@code false}) the target
 */
public record Ratio(String name, List<String> numerator, List<String> denominator, Double target, boolean atLeast) {
    /**
     * @param name ratio name
     * @param numerator numerator side labels
     * @param denominator denominator side labels
     * @param target threshold or null
     * @param atLeast direction of the threshold
     */
    public Ratio {
        Objects.requireNonNull(name, "name");
        numerator = List.copyOf(numerator);
        denominator = List.copyOf(denominator);
    }

    /**
     * @param name ratio name
     * @param numerator the side above the line
     * @param denominator the side below the line
     * @param target the minimum
     * @return a ratio that must be at least {@code target}
     */
    public static Ratio atLeast(String name, String numerator, String denominator, double target) {
        return new Ratio(name, List.of(numerator), List.of(denominator), target, true);
    }

    /**
     * @param name ratio name
     * @param numerator the side above the line
     * @param denominator the side below the line
     * @param target the maximum
     * @return a ratio that must be at most {@code target}
     */
    public static Ratio atMost(String name, String numerator, String denominator, double target) {
        return new Ratio(name, List.of(numerator), List.of(denominator), target, false);
    }

    /**
     * @param value a computed ratio
     * @return whether it meets the target; always true without a target
     */
    public boolean meets(double value) {
        if (target == null) {
            return true;
        }
        return atLeast ? value >= target : value <= target;
    }

    /** @return the target as text, such as {@code ≥ 15} */
    public String targetText() {
        if (target == null) {
            return "—";
        }
        return (atLeast ? "≥ " : "≤ ") + Numbers.plain(target);
    }
}
