package org.opentokens.powerauth.token.benchmarks.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.opentokens.powerauth.token.benchmarks.storage.Backends;

/**
 * Runs one group inside this JVM (JMH without forking), its sides interleaved: every round runs every side
 * once, starting at a different side each round, so slow drifts in machine load hit all sides alike.
 *
 * <p>Usage: {@code GroupRunner <group id> <full|short> <results file>}; the file gets one
 * {@link Measurement} line per side and round.
 */
public final class GroupRunner {
    private GroupRunner() {
    }

    /**
     * @param args group id, mode and results file
     * @throws IOException if the results file cannot be written
     * @throws RunnerException if JMH fails
     */
    public static void main(String[] args) throws IOException, RunnerException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: GroupRunner <group id> <full|short> <results file>");
        }
        Group group = Groups.byId(args[0]);
        SuiteMode mode = SuiteMode.named(args[1]);
        List<Measurement> results = run(group, mode);
        List<String> lines = new ArrayList<>();
        for (Measurement m : results) {
            lines.add(m.toLine());
        }
        Files.write(Path.of(args[2]), lines, StandardCharsets.UTF_8);
    }

    /**
     * @param group the group
     * @param mode how long to measure
     * @return one measurement per side and round
     * @throws RunnerException if JMH fails
     */
    static List<Measurement> run(Group group, SuiteMode mode) throws RunnerException {
        List<Measurement> results = new ArrayList<>();
        List<Side> sides = group.sides().stream().filter(side -> Backends.notRun(side.params()).isEmpty()).toList();
        if (mode.warmupRound()) {
            SuiteMode warmup = new SuiteMode("warm-up", 1, mode.warmupIterations(), 1, mode.iterationTime(), 1, 0,
                    false);
            for (Side side : sides) {
                measure(side, warmup, 0);
            }
            Progress.line(group.id() + " warm-up round done");
        }
        for (int round = 1; round <= mode.rounds(); round++) {
            for (int i = 0; i < sides.size(); i++) {
                Side side = sides.get((i + round - 1) % sides.size());
                Measurement m = measure(side, mode, round);
                Progress.line(group.id() + " round " + round + " " + side.label() + ": "
                        + Numbers.format(m.score()) + " " + m.unit() + " (cpu " + Numbers.format(m.cpuNsPerOp())
                        + " ns/op)");
                results.add(m);
            }
        }
        return results;
    }

    private static Measurement measure(Side side, SuiteMode mode, int round) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(side.includePattern())
                .forks(0)
                .mode(side.mode())
                .timeUnit(side.unit())
                .threads(side.threads())
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .addProfiler(CpuTimeProfiler.class);
        side.params().forEach(options::param);
        if (side.mode() == Mode.SingleShotTime) {
            options.warmupIterations(mode.singleShots() > 1 ? 1 : 0)
                    .measurementIterations(mode.singleShots());
        } else {
            options.warmupIterations(mode.warmupIterations()).warmupTime(mode.iterationTime())
                    .measurementIterations(mode.measurementIterations()).measurementTime(mode.iterationTime());
        }
        Collection<RunResult> runs = new Runner(options.build()).run();
        if (runs.size() != 1) {
            throw new IllegalStateException("expected one JMH result for " + side.includePattern() + ", got "
                    + runs.size());
        }
        RunResult run = runs.iterator().next();
        Result<?> primary = run.getPrimaryResult();
        Result<?> cpu = run.getSecondaryResults().get(CpuTimeProfiler.LABEL);
        return new Measurement(side.label(), round, primary.getScore(), primary.getScoreError(),
                primary.getScoreUnit(), cpu == null ? Double.NaN : cpu.getScore());
    }
}
