package org.opentokens.powerauth.token.benchmarks.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opentokens.powerauth.token.benchmarks.coldstart.ColdStartGroup;
import org.opentokens.powerauth.token.benchmarks.multiprocess.SignedCallsGroup;

/**
 * Runs the whole suite and writes the report. Each group runs in a JVM of its own ({@link GroupRunner}); the
 * cold-start group times fresh processes. A benchmark that fails fails the suite; a missed target does not (the
 * report says so).
 *
 * <p>Arguments: {@code --mode=full|short}, {@code --report=<file>} (full mode), {@code --short-report=<file>}
 * (short mode), optionally {@code --groups=<id,...>}.
 */
public final class BenchmarkSuite {
    /** The README command that runs the full suite. */
    static final String COMMAND = "mvn -B -q -Pbenchmarks -pl benchmarks -am -DskipTests verify";
    private static final List<String> CHILD_JVM_FLAGS = List.of("-Xms1g", "-Xmx1g",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");

    private BenchmarkSuite() {
    }

    /**
     * @param args see the class description
     * @throws IOException if the report cannot be written or a JVM cannot be started
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> options = options(args);
        SuiteMode mode = SuiteMode.named(options.getOrDefault("mode", "full"));
        Path report = Path.of(mode == SuiteMode.SHORT
                ? options.getOrDefault("short-report", "report-short.md")
                : options.getOrDefault("report", "report.md"));
        String groups = options.getOrDefault("groups", "all");
        Set<String> only = groups.equals("all") ? null : Set.of(groups.split(","));
        String loadBefore = Machine.loadAverage();
        String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                .substring(0, 16) + " UTC";
        long t0 = System.nanoTime();
        List<GroupResult> results = new ArrayList<>();
        for (Group group : Groups.all()) {
            if (only == null || only.contains(group.id())) {
                results.add(new GroupResult(group, runInChild(group, mode)));
            }
        }
        if (only == null || only.contains(SignedCallsGroup.ID)) {
            Progress.line("signed calls: 1 and 4 processes on one SQLite store");
            results.add(SignedCallsGroup.measure(mode));
        }
        if (only == null || only.contains(ColdStartGroup.ID)) {
            Progress.line("cold start: " + mode.coldStarts() + " round(s) of token header and floor per deployment");
            results.add(ColdStartGroup.measure(mode.coldStarts(), mode.warmupRound()));
        }
        long minutes = Math.round((System.nanoTime() - t0) / 60e9);
        List<String> header = new ArrayList<>();
        if (mode == SuiteMode.SHORT) {
            header.add("**Short mode: this only proves that every benchmark still runs. Nothing is warmed up; the "
                    + "numbers are not measurements and the met/not met column means nothing.**");
        }
        header.addAll(List.of(
                "Command: `" + COMMAND + (mode == SuiteMode.FULL ? "" : " -Dbench.mode=" + mode.name()) + "`",
                "Started " + started + ", took about " + minutes + " min; " + mode.rounds() + " interleaved round(s) "
                        + "per group, each side " + mode.warmupIterations() + " warm-up and "
                        + mode.measurementIterations() + " measured iteration(s) of " + mode.iterationTime()
                        + " per round",
                "Machine: " + Machine.description(),
                "Load average (1 / 5 / 15 min) at start: " + loadBefore + "; at end: " + Machine.loadAverage()
                        + ". The 2 cores are shared with other work, so absolute numbers move between runs; the "
                        + "ratios are what the targets are about."));
        String text = ReportWriter.render(mode, header, results);
        Path parent = report.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(report, text, StandardCharsets.UTF_8);
        Progress.line("report written to " + report.toAbsolutePath());
        if (mode == SuiteMode.SHORT) {
            Progress.line("short mode: every benchmark ran; its numbers are not measurements");
        } else {
            int start = text.indexOf("## Targets");
            System.out.println(text.substring(start, text.indexOf("\n## ", start + 1)));
        }
    }

    private static List<Measurement> runInChild(Group group, SuiteMode mode) throws IOException, InterruptedException {
        Path results = Files.createTempFile("bench-" + group.id() + "-", ".tsv");
        try {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(CHILD_JVM_FLAGS);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), GroupRunner.class.getName(),
                    group.id(), mode.name(), results.toString()));
            Progress.line("group " + group.id() + ": starting its JVM");
            Process process = new ProcessBuilder(command).inheritIO().start();
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("benchmark group " + group.id() + " failed with exit code " + exit);
            }
            List<Measurement> out = new ArrayList<>();
            for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(Measurement.parse(line));
                }
            }
            return out;
        } finally {
            Files.deleteIfExists(results);
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || arg.indexOf('=') < 0) {
                throw new IllegalArgumentException("arguments look like --name=value; got " + Arrays.toString(args));
            }
            out.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return out;
    }
}
