package org.opentokens.powerauth.token.benchmarks.coldstart;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.opentokens.powerauth.token.benchmarks.suite.Group;
import org.opentokens.powerauth.token.benchmarks.suite.GroupResult;
import org.opentokens.powerauth.token.benchmarks.suite.Limit;
import org.opentokens.powerauth.token.benchmarks.suite.Measurement;
import org.opentokens.powerauth.token.benchmarks.suite.Side;

/** Group 6 as the report sees it: each run is a "round" of three readings, in milliseconds. */
public final class ColdStartGroup {
    /** The group id. */
    public static final String ID = "cold-start";
    /** Prefix of the tuned deployment's side labels. */
    static final String TUNED = "tuned-";

    private ColdStartGroup() {
    }

    /**
     * @param storage the storage kind the processes use
     * @return the group definition
     */
    public static Group definition(String storage) {
        return new Group(ID, "6. Cold start (whole process)",
                List.of(side("process"), side("injector-ready"), side("first-header"), side(TUNED + "process"),
                        side(TUNED + "injector-ready"), side(TUNED + "first-header")),
                List.of(),
                List.of(new Limit("JVM start → injector → first header, whole process", "process", 600, "ms"),
                        new Limit("the same, tuned deployment (AppCDS archive, C1 only, Serial GC; not the default "
                                + "JVM)", TUNED + "process", 600, "ms")),
                "Each run is a fresh `java` process (the suite's classpath, default JVM flags): it builds the "
                        + "Guice injector (`Stage.PRODUCTION`, `PowerAuthTokenModule` and the storage module), "
                        + "loads the stored activation and token, synchronizes time with the emulator over "
                        + "loopback HTTP (a fresh process has no offset yet) and generates the first header, "
                        + "which the suite checks against the emulator. process: spawn to exit, timed by the "
                        + "parent; injector-ready and first-header: the child's clock, in ms since the parent "
                        + "spawned it. Storage: " + describe(storage) + ". The " + TUNED + "rows are the same "
                        + "process as `bin/powerauth-token` runs the CLI: `" + String.join(" ", TunedJvm.FLAGS)
                        + "` and a dynamic AppCDS archive (`-XX:SharedArchiveFile`) written by one untimed training "
                        + "run (`-XX:ArchiveClassesAtExit`) on the same class path packed as jars; plain and tuned "
                        + "runs alternate, so both see the same machine load.");
    }

    /**
     * @param storage the storage kind
     * @param runs timed runs
     * @param warmUp whether to run one untimed process first (OS file cache)
     * @return the measurements
     * @throws IOException if a process cannot be started
     * @throws InterruptedException if interrupted
     */
    public static GroupResult measure(String storage, int runs, boolean warmUp)
            throws IOException, InterruptedException {
        List<Measurement> out = new ArrayList<>();
        try (ColdStartProbe probe = new ColdStartProbe(storage)) {
            if (warmUp) {
                probe.run();
            }
            for (int i = 1; i <= runs; i++) {
                record(out, "", i, probe.run());
                record(out, TUNED, i, probe.runTuned());
            }
        }
        return new GroupResult(definition(storage), out);
    }

    private static void record(List<Measurement> out, String prefix, int round, ColdStartProbe.Run run) {
        out.add(new Measurement(prefix + "process", round, run.processMs(), Double.NaN, "ms", Double.NaN));
        out.add(new Measurement(prefix + "injector-ready", round, run.injectorMs(), Double.NaN, "ms", Double.NaN));
        out.add(new Measurement(prefix + "first-header", round, run.headerMs(), Double.NaN, "ms", Double.NaN));
    }

    private static String describe(String storage) {
        if (ColdStartMain.SQLITE.equals(storage)) {
            return "the wiring's `SqliteStorageModule` (the store is opened, checked and unlocked on first use), "
                    + "its raw master key read from a file as a keychain would hand it over";
        }
        return "in-memory, seeded from a file with what a persistent store would hold";
    }

    private static Side side(String label) {
        return Side.of(label, ColdStartMain.class, "main", Mode.SingleShotTime, TimeUnit.MILLISECONDS, 1);
    }
}
