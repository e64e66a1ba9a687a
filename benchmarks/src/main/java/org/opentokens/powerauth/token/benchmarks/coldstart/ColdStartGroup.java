package org.opentokens.powerauth.token.benchmarks.coldstart;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.opentokens.powerauth.token.benchmarks.suite.Group;
import org.opentokens.powerauth.token.benchmarks.suite.GroupResult;
import org.opentokens.powerauth.token.benchmarks.suite.Measurement;
import org.opentokens.powerauth.token.benchmarks.suite.Ratio;
import org.opentokens.powerauth.token.benchmarks.suite.Side;

/** Group 6 as the report sees it: per deployment, {@code token header} and the floor, in milliseconds. */
public final class ColdStartGroup {
    /** The group id. */
    public static final String ID = "cold-start";
    /** Largest acceptable {@code token header} / floor ratio on a tuned deployment. */
    static final double TARGET = 4;

    private ColdStartGroup() {
    }

    /**
     * @param deployments the deployments measured
     * @return the group definition
     */
    public static Group definition(List<Deployment> deployments) {
        List<Side> sides = new ArrayList<>();
        List<Ratio> ratios = new ArrayList<>();
        StringBuilder which = new StringBuilder();
        for (Deployment d : deployments) {
            sides.add(side(d.header()));
            sides.add(side(d.floor()));
            ratios.add(new Ratio(d.description() + ": token header / floor", List.of(d.header()),
                    List.of(d.floor()), d.tuned() ? TARGET : null, false));
            which.append(which.length() == 0 ? "" : "; ").append('`').append(d.label()).append("`: ")
                    .append(d.description());
        }
        return new Group(ID, "9. Cold start (whole process, against the floor)", sides, ratios, List.of(),
                "Each run is a fresh process started by `bin/powerauth-token`, timed by the parent from spawn to "
                        + "exit (shell, JVM start, work, JVM exit). header: `token header " + CliColdStart.TOKEN
                        + " --value-only` on the CLI's SQLite store, whose key is a raw 256-bit key (`--key-source "
                        + "key`, no key derivation, as with a keychain key) and which holds a time offset the "
                        + "process trusts, so it makes no server call (the probe checks each header with the "
                        + "emulator and that no `/pa/v3/status` call happened). floor: `StartupFloor`, a main class "
                        + "of the same jar that prints one line, started by the same launcher with the same JVM, "
                        + "flags and class cache (`POWERAUTH_TOKEN_MAIN_CLASS`). Each tuned deployment's cache is "
                        + "trained by one untimed `token header` first. header and floor alternate within each "
                        + "round, so both see the same machine load. Deployments: " + which + ".");
    }

    /**
     * @param runs timed rounds
     * @param warmUp whether to run one untimed round first (OS file cache)
     * @return the measurements
     * @throws IOException if a process cannot be started or fails
     * @throws InterruptedException if interrupted
     */
    public static GroupResult measure(int runs, boolean warmUp) throws IOException, InterruptedException {
        List<Deployment> deployments = Deployment.available();
        List<Measurement> out = new ArrayList<>();
        try (CliColdStart probe = new CliColdStart()) {
            for (Deployment d : deployments) {
                probe.train(d);
                if (warmUp) {
                    probe.header(d);
                    probe.floor(d);
                }
            }
            for (int round = 1; round <= runs; round++) {
                for (Deployment d : deployments) {
                    boolean headerFirst = round % 2 == 1;
                    CliColdStart.Run first = headerFirst ? probe.header(d) : probe.floor(d);
                    CliColdStart.Run second = headerFirst ? probe.floor(d) : probe.header(d);
                    out.add(ms(d.header(), round, headerFirst ? first : second));
                    out.add(ms(d.floor(), round, headerFirst ? second : first));
                }
            }
        }
        return new GroupResult(definition(deployments), out);
    }

    private static Measurement ms(String side, int round, CliColdStart.Run run) {
        return new Measurement(side, round, run.ms(), Double.NaN, "ms", Double.NaN);
    }

    private static Side side(String label) {
        return Side.of(label, CliColdStart.class, "header", Mode.SingleShotTime, TimeUnit.MILLISECONDS, 1);
    }
}
