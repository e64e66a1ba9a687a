package org.opentokens.powerauth.token.benchmarks.suite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.opentokens.powerauth.token.benchmarks.storage.Backends;

/**
 * Renders the suite's results as Markdown: the targets first, then every group's rounds, then the hand-written
 * notes ({@value #NOTES}) on what the figures say about the domain's design.
 */
final class ReportWriter {
    /** The hand-written notes, a resource next to this class. */
    static final String NOTES = "report-notes.md";

    private final StringBuilder out = new StringBuilder();

    /**
     * @param mode the suite mode
     * @param header lines about the run (command, date, machine, load), rendered as a list
     * @param results every group's results, in report order
     * @return the Markdown report
     */
    static String render(SuiteMode mode, List<String> header, List<GroupResult> results) {
        ReportWriter w = new ReportWriter();
        w.line("# Benchmark report (" + mode.name() + " mode)");
        w.line("");
        header.forEach(h -> w.line("- " + h));
        w.line("");
        w.targets(results);
        results.forEach(w::group);
        w.out.append(notes());
        return w.out.toString();
    }

    private void targets(List<GroupResult> results) {
        line("## Targets");
        line("");
        line("Each ratio is computed per round from sides measured side by side in one JVM, then the median over "
                + "rounds is compared with the target. The CPU column is the same ratio on process CPU time per "
                + "operation, which stretches less with the machine's other load; for throughput it is CPU time per "
                + "operation at 1 thread over 2 threads, so about 1 means the second thread adds no CPU per header.");
        line("");
        line("| group | measure | median | rounds (min–max) | CPU-time ratio | target | met |");
        line("|---|---|---|---|---|---|---|");
        for (GroupResult r : results) {
            for (Ratio ratio : r.group().ratios()) {
                if (ratio.target() == null) {
                    continue;
                }
                List<Double> rounds = r.perRound(ratio);
                if (rounds.isEmpty()) {
                    continue;
                }
                double median = Numbers.median(rounds);
                line("| " + r.group().id() + " | " + ratio.name() + " | **" + Numbers.format(median) + "** | "
                        + range(rounds) + " | " + cpu(r.perRoundCpu(ratio)) + " | " + ratio.targetText() + " | "
                        + (ratio.meets(median) ? "yes" : "**no**") + " |");
            }
            for (Limit limit : r.group().limits()) {
                List<Measurement> ms = r.of(limit.side());
                if (ms.isEmpty()) {
                    continue;
                }
                double median = r.medianScore(limit.side());
                line("| " + r.group().id() + " | " + limit.name() + " | **" + Numbers.format(median) + " "
                        + limit.unit() + "** | " + range(ms.stream().map(Measurement::score).toList()) + " | — | ≤ "
                        + Numbers.plain(limit.max()) + " " + limit.unit() + " | "
                        + (limit.meets(median) ? "yes" : "**no**") + " |");
            }
        }
        line("");
    }

    private void group(GroupResult r) {
        Group g = r.group();
        line("## " + g.title());
        line("");
        line(g.note());
        line("");
        StringBuilder head = new StringBuilder("| side |");
        StringBuilder rule = new StringBuilder("|---|");
        for (int i = 1; i <= r.rounds(); i++) {
            head.append(" round ").append(i).append(" |");
            rule.append("---|");
        }
        line(head + " median | unit | CPU ns/op (median) |");
        line(rule + "---|---|---|");
        for (Side side : g.sides()) {
            List<Measurement> ms = r.of(side.label());
            if (ms.isEmpty()) {
                Backends.notRun(side.params()).ifPresent(reason -> line("| " + side.label() + " | " + reason
                        + " |" + " |".repeat(r.rounds() + 2)));
                continue;
            }
            StringBuilder row = new StringBuilder("| " + side.label() + " |");
            for (int i = 1; i <= r.rounds(); i++) {
                final int round = i;
                row.append(' ').append(ms.stream().filter(m -> m.round() == round).findFirst()
                        .map(m -> Numbers.format(m.score())).orElse("—")).append(" |");
            }
            OptionalDouble cpu = r.medianCpu(side.label());
            row.append(' ').append(Numbers.format(r.medianScore(side.label()))).append(" | ").append(ms.get(0).unit())
                    .append(" | ").append(cpu.isPresent() ? Numbers.format(cpu.getAsDouble()) : "—").append(" |");
            line(row.toString());
        }
        line("");
        if (!g.ratios().isEmpty()) {
            line("| ratio | per round | median | CPU-time ratio | target |");
            line("|---|---|---|---|---|");
            for (Ratio ratio : g.ratios()) {
                List<Double> rounds = r.perRound(ratio);
                if (rounds.isEmpty()) {
                    continue;
                }
                line("| " + ratio.name() + " | " + rounds.stream().map(Numbers::format)
                        .collect(Collectors.joining(", ")) + " | " + Numbers.format(Numbers.median(rounds)) + " | "
                        + cpu(r.perRoundCpu(ratio)) + " | " + ratio.targetText() + " |");
            }
            line("");
        }
    }

    private static String notes() {
        try (InputStream in = ReportWriter.class.getResourceAsStream(NOTES)) {
            if (in == null) {
                throw new IllegalStateException("resource " + NOTES + " is missing next to ReportWriter");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String range(List<Double> values) {
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return Numbers.format(min) + "–" + Numbers.format(max);
    }

    private static String cpu(List<Double> rounds) {
        return rounds.isEmpty() ? "—" : Numbers.format(Numbers.median(rounds));
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
