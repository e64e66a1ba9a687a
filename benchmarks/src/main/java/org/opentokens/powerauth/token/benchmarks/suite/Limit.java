package org.opentokens.powerauth.token.benchmarks.suite;

import java.util.Objects;

/**
 * An absolute target on one side's score, in that side's unit.
 *
 * @param name what is limited, such as {@code removeAllLocalTokens, 10,000 SQLite tokens}
 * @param side the side label
 * @param max the largest acceptable score
 * @param unit the unit text of {@code max}, matching the side's score unit
 */
public record Limit(String name, String side, double max, String unit) {
    /**
     * @param name limit name
     * @param side side label
     * @param max maximum score
     * @param unit unit text
     */
    public Limit {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(unit, "unit");
    }

    /**
     * @param value a score
     * @return whether it is within the limit
     */
    public boolean meets(double value) {
        return value <= max;
    }
}
