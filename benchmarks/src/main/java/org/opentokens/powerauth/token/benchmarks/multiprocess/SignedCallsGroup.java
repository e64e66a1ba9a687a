package org.opentokens.powerauth.token.benchmarks.multiprocess;

import com.google.inject.Guice;
import com.google.inject.Stage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.openjdk.jmh.annotations.Mode;
import org.opentokens.powerauth.testkit.EmulatorActivationCode;
import org.opentokens.powerauth.testkit.EmulatorApplication;
import org.opentokens.powerauth.testkit.PowerAuthEmulator;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;
import org.opentokens.powerauth.token.benchmarks.storage.Backends;
import org.opentokens.powerauth.token.benchmarks.suite.Group;
import org.opentokens.powerauth.token.benchmarks.suite.GroupResult;
import org.opentokens.powerauth.token.benchmarks.suite.Measurement;
import org.opentokens.powerauth.token.benchmarks.suite.Progress;
import org.opentokens.powerauth.token.benchmarks.suite.Ratio;
import org.opentokens.powerauth.token.benchmarks.suite.Side;
import org.opentokens.powerauth.token.benchmarks.suite.SuiteMode;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.in.PowerAuthActivation;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.out.PostgresTestCluster;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.PowerAuthClientConfig;
import org.opentokens.powerauth.token.wiring.PowerAuthTokenModule;
import org.opentokens.powerauth.token.wiring.SqliteStorageModule;

/**
 * Group 7: signed calls per second on one activation whose store is shared by several client JVMs, against the
 * emulator over loopback HTTP: an SQLite store shared by 1 and by 4 processes, and PostgreSQL tables shared by 1 and
 * by 3 replicas. Signed calls of one activation take turns in the instance's exclusive section, so more processes
 * cannot add throughput; the group shows what sharing costs, and fails if any call was rejected. Without the
 * private PostgreSQL cluster its rows say {@value Backends#NO_CLUSTER}.
 */
public final class SignedCallsGroup {
    /** The group id. */
    public static final String ID = "signed-calls";
    private static final String INSTANCE = "shared";
    private static final int[] SQLITE_PROCESSES = {1, 4};
    private static final int[] POSTGRES_REPLICAS = {1, 3};

    private SignedCallsGroup() {
    }

    /** @return the group definition */
    public static Group definition() {
        return new Group(ID, "8. Signed calls on one activation shared by several processes (SQLite, PostgreSQL)",
                List.of(side(label(1)), side(label(4)), side(postgresLabel(1)).with("backend", Backends.POSTGRES),
                        side(postgresLabel(3)).with("backend", Backends.POSTGRES)),
                List.of(new Ratio("4 processes / 1 process (calls per second)", List.of(label(4)),
                        List.of(label(1)), null, true),
                        new Ratio("PostgreSQL: 3 replicas / 1 replica (calls per second)", List.of(postgresLabel(3)),
                                List.of(postgresLabel(1)), null, true)),
                List.of(),
                "Each side is a set of fresh client JVMs (the suite's classpath, `-XX:TieredStopAtLevel=1`) on one "
                        + "store under a raw key, sharing one activation on the emulator (loopback HTTP, "
                        + "Wultra's server crypto, in the suite's JVM): an SQLite file, or PostgreSQL tables in a "
                        + "fresh schema of the private test cluster (a HikariCP pool of 4 per replica). Each "
                        + "process makes warm-up calls, waits for a common start, then makes its timed calls: token "
                        + "create and token remove, alternating, each one signed call through the instance's "
                        + "exclusive section. Score: all timed calls divided by the wall time from the start to the "
                        + "last process done, as the parent saw it. The sides alternate per round; every call must "
                        + "succeed.");
    }

    /**
     * @param mode the suite mode
     * @return the measurements
     * @throws IOException if a process cannot be started
     * @throws InterruptedException if interrupted
     */
    public static GroupResult measure(SuiteMode mode) throws IOException, InterruptedException {
        List<Measurement> out = new ArrayList<>();
        try (Bed bed = new Bed(null)) {
            measure(mode, bed, SQLITE_PROCESSES, SignedCallsGroup::label, out);
        }
        Optional<String> noCluster = PostgresTestCluster.unavailable();
        if (noCluster.isPresent()) {
            Progress.line("signed calls on PostgreSQL " + Backends.NO_CLUSTER + ": " + noCluster.get());
        } else {
            try (PostgresTestCluster schema = PostgresTestCluster.open("bench_signed"); Bed bed = new Bed(schema)) {
                measure(mode, bed, POSTGRES_REPLICAS, SignedCallsGroup::postgresLabel, out);
            }
        }
        return new GroupResult(definition(), out);
    }

    private static void measure(SuiteMode mode, Bed bed, int[] processCounts, IntFunction<String> labels,
            List<Measurement> out) throws IOException, InterruptedException {
        boolean full = mode == SuiteMode.FULL;
        int warmUp = full ? 10 : 2;
        int timed = full ? 40 : 4;
        for (int round = 1; round <= mode.rounds(); round++) {
            for (int processes : processCounts) {
                double perSecond = bed.run(processes, warmUp, timed, round);
                Progress.line("signed calls round " + round + ", " + labels.apply(processes) + ": "
                        + Math.round(perSecond) + " calls/s");
                out.add(new Measurement(labels.apply(processes), round, perSecond, Double.NaN, "calls/s", Double.NaN));
            }
        }
    }

    private static String label(int processes) {
        return processes + (processes == 1 ? "-process" : "-processes");
    }

    private static String postgresLabel(int replicas) {
        return "postgres-" + replicas + (replicas == 1 ? "-replica" : "-replicas");
    }

    private static Side side(String label) {
        return Side.of(label, SignedCallsWorker.class, "main", Mode.Throughput, TimeUnit.SECONDS, 1);
    }

    /** The emulator, the store and the activation the workers share. */
    private static final class Bed implements AutoCloseable {
        private final PowerAuthEmulator emulator = PowerAuthEmulator.create();
        private final URI baseUri = emulator.start();
        private final EmulatorApplication application = emulator.createApplication();
        private final Path directory = Files.createTempDirectory("signed-calls-");
        private final Path database = directory.resolve("tokens.db");
        /** The PostgreSQL schema of the store, or null for the SQLite file. */
        private final PostgresTestCluster postgres;
        private final byte[] key = new byte[32];

        Bed(PostgresTestCluster postgres) throws IOException {
            this.postgres = postgres;
            new SecureRandom().nextBytes(key);
            PowerAuthClientConfig config = PowerAuthClientConfig.builder(baseUri, application.appKey(),
                    application.appSecret(), application.masterServerPublicKey()).instanceId(INSTANCE)
                    .protocolVersion(ProtocolVersion.V3_3).build();
            try (PowerAuthClient client = Guice.createInjector(Stage.PRODUCTION, new PowerAuthTokenModule(config),
                            SignedCallsWorker.storage(store(), SecretBytes.copyOf(key)))
                    .getInstance(PowerAuthClient.class)) {
                EmulatorActivationCode code = emulator.initActivation(application);
                client.activation().createActivation(PowerAuthActivation.builder(code.activationCode(), "bench")
                        .build()).join();
                client.activation().commitActivation(PowerAuthAuthentication.commitWithPassword("1234".toCharArray()));
                emulator.commitActivation(code.activationId());
            }
        }

        double run(int processes, int warmUp, int timed, int round) throws IOException, InterruptedException {
            List<Process> workers = new ArrayList<>();
            List<BufferedReader> outputs = new ArrayList<>();
            try {
                for (int p = 0; p < processes; p++) {
                    Process worker = start("r" + round + "p" + processes + "w" + p, warmUp, timed);
                    workers.add(worker);
                    outputs.add(new BufferedReader(new InputStreamReader(worker.getInputStream(),
                            StandardCharsets.UTF_8)));
                }
                for (BufferedReader output : outputs) {
                    expect(output, "READY");
                }
                long start = System.nanoTime();
                for (Process worker : workers) {
                    PrintWriter in = new PrintWriter(new OutputStreamWriter(worker.getOutputStream(),
                            StandardCharsets.UTF_8), true);
                    in.println("GO");
                }
                for (BufferedReader output : outputs) {
                    String done = expect(output, "DONE");
                    if (!done.equals("DONE 0")) {
                        throw new IllegalStateException("a worker had failed calls: " + done);
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                return processes * timed / seconds;
            } finally {
                for (Process worker : workers) {
                    if (!worker.waitFor(60, TimeUnit.SECONDS)) {
                        worker.destroyForcibly();
                    }
                }
            }
        }

        private Process start(String label, int warmUp, int timed) throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), SignedCallsWorker.class.getName(),
                    baseUri.toString(), application.appKey(), application.appSecret(),
                    application.masterServerPublicKey(), store(), INSTANCE, label,
                    Integer.toString(warmUp), Integer.toString(timed)));
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.environment().put(SignedCallsWorker.KEY_ENV, HexFormat.of().formatHex(key));
            return builder.start();
        }

        /** @return how a worker names the store: the SQLite file, or {@code pg:SCHEMA} */
        private String store() {
            return postgres == null ? database.toString() : "pg:" + postgres.schema();
        }

        private static String expect(BufferedReader output, String prefix) throws IOException {
            String line;
            while ((line = output.readLine()) != null) {
                if (line.startsWith(prefix)) {
                    return line;
                }
                Progress.line("worker: " + line);
            }
            throw new IllegalStateException("a worker ended before printing " + prefix);
        }

        @Override
        public void close() throws IOException {
            emulator.close();
            java.util.Arrays.fill(key, (byte) 0);
            try (var files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(directory);
        }
    }
}
