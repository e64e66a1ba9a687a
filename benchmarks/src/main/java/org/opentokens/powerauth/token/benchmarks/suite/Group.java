package org.opentokens.powerauth.token.benchmarks.suite;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One comparison group: sides measured in the same JVM, interleaved round by round, and the ratios and limits
 * computed from them.
 *
 * @param id short id, used on the command line
 * @param title heading in the report
 * @param sides the measured sides
 * @param ratios ratios between sides
 * @param limits absolute limits on sides
 * @param note what the report should say about the set-up
 */
public record Group(String id, String title, List<Side> sides, List<Ratio> ratios, List<Limit> limits,
        String note) {
    /**
     * @param id group id
     * @param title report heading
     * @param sides measured sides
     * @param ratios computed ratios
     * @param limits absolute limits
     * @param note set-up note
     */
    public Group {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        sides = List.copyOf(sides);
        ratios = List.copyOf(ratios);
        limits = List.copyOf(limits);
        Objects.requireNonNull(note, "note");
    }

    /**
     * @param label a side label
     * @return the side with that label
     */
    public Optional<Side> side(String label) {
        return sides.stream().filter(s -> s.label().equals(label)).findFirst();
    }
}
