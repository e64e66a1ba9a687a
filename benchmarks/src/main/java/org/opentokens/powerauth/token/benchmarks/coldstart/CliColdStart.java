package org.opentokens.powerauth.token.benchmarks.coldstart;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.opentokens.powerauth.testkit.EmulatorActivationCode;
import org.opentokens.powerauth.testkit.EmulatorApplication;
import org.opentokens.powerauth.testkit.EmulatorRequest;
import org.opentokens.powerauth.testkit.PowerAuthEmulator;
import org.opentokens.powerauth.token.cli.StartupFloor;
import org.opentokens.powerauth.token.domain.internal.token.TokenHeader;

/**
 * Whole-process cold starts of the CLI, as a user runs it: {@code bin/powerauth-token token header NAME} on a store
 * whose key is a raw 256-bit key ({@code --key-source key}, the cost profile of a keychain key: no key derivation),
 * holding an activation, a token and a trusted time offset, so the header needs no server call. The floor is
 * {@link StartupFloor}, a trivial main class of the same jar, started by the same launcher with the same JVM, flags
 * and class cache ({@code POWERAUTH_TOKEN_MAIN_CLASS}).
 *
 * <p>Every header is checked against the emulator, and the emulator's count of {@code /pa/v3/status} calls must not
 * move while headers are timed: a run that synchronized over the network fails the probe instead of counting.
 */
public final class CliColdStart implements AutoCloseable {
    /** The token every header is generated for. */
    static final String TOKEN = "balance";
    private static final String STATUS = "/pa/v3/status";
    private static final long PROCESS_TIMEOUT_SECONDS = 120;

    private final PowerAuthEmulator emulator = PowerAuthEmulator.create();
    private final URI baseUri = emulator.start();
    private final EmulatorApplication application = emulator.createApplication();
    private final Path launcher;
    private final Path directory;
    private final String storeKey;
    private long statusCalls;

    /** One timed process: spawn to exit, in milliseconds, and what it printed. */
    public record Run(double ms, String output) {
    }

    /**
     * Finds the launcher and the CLI jar, then activates and requests the token through the CLI (untimed, plain
     * JVM, so the class caches are trained on {@code token header}, not on these).
     *
     * @throws IOException if a process or a file fails
     * @throws InterruptedException if interrupted
     */
    public CliColdStart() throws IOException, InterruptedException {
        this.launcher = findLauncher();
        this.directory = Files.createTempDirectory("powerauth-cold-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.storeKey = Base64.getEncoder().encodeToString(key);
        Deployment setup = Deployment.available().get(0);
        EmulatorActivationCode code = emulator.initActivation(application);
        cli(setup, false, "activate", "--server", baseUri.toString(), "--app-key", application.appKey(),
                "--app-secret", application.appSecret(), "--master-key", application.masterServerPublicKey(),
                "--code", code.activationCode());
        emulator.commitActivation(code.activationId());
        cli(setup, false, "token", "request", TOKEN);
        statusCalls = emulator.count(STATUS);
    }

    /**
     * Makes a tuned deployment's class cache with one untimed {@code token header} (the launcher trains it when it
     * is missing); nothing for a plain one.
     *
     * @param deployment the deployment
     * @throws IOException if the process fails or no cache was written
     * @throws InterruptedException if interrupted
     */
    public void train(Deployment deployment) throws IOException, InterruptedException {
        if (!deployment.tuned()) {
            return;
        }
        header(deployment);
        try (DirectoryStream<Path> caches = Files.newDirectoryStream(cacheDir(deployment), "powerauth-token-*")) {
            if (!caches.iterator().hasNext()) {
                throw new IllegalStateException("the launcher wrote no class cache for " + deployment.label());
            }
        }
    }

    /**
     * @param deployment how to start it
     * @return one timed {@code token header}, whose header the emulator accepted
     * @throws IOException if the process fails
     * @throws InterruptedException if interrupted
     */
    public Run header(Deployment deployment) throws IOException, InterruptedException {
        Run run = cli(deployment, false, "token", "header", TOKEN, "--value-only");
        String value = run.output().strip();
        int status = emulator.handle(new EmulatorRequest("GET", PowerAuthEmulator.POSSESSION_RESOURCE_PATH,
                Map.of(TokenHeader.HEADER_NAME, value), new byte[0])).status();
        if (status != 200) {
            throw new IllegalStateException("the server rejected the cold-start header with HTTP " + status);
        }
        long now = emulator.count(STATUS);
        if (now != statusCalls) {
            throw new IllegalStateException("a token header process called the server for the time; the stored "
                    + "offset was not trusted");
        }
        return run;
    }

    /**
     * @param deployment how to start it
     * @return one timed floor process
     * @throws IOException if the process fails
     * @throws InterruptedException if interrupted
     */
    public Run floor(Deployment deployment) throws IOException, InterruptedException {
        Run run = cli(deployment, true);
        if (!run.output().strip().equals("floor")) {
            throw new IllegalStateException("the floor printed " + run.output());
        }
        return run;
    }

    private Run cli(Deployment deployment, boolean floor, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        if (!floor) {
            command.addAll(List.of("--data-dir", directory.resolve("data").toString(), "--key-source", "key"));
            command.addAll(List.of(args));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(directory.resolve("stderr").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("POWERAUTH_TOKEN_") || name.equals("JAVA_OPTS"));
        env.put("JAVA_HOME", deployment.javaHome().toString());
        env.put("POWERAUTH_TOKEN_STORE_KEY", storeKey);
        env.put("POWERAUTH_TOKEN_PASSWORD", "1234");
        env.put("POWERAUTH_TOKEN_CACHE_DIR", cacheDir(deployment).toString());
        if (!deployment.tuned()) {
            env.put("POWERAUTH_TOKEN_TUNING", "off");
        }
        if (floor) {
            env.put("POWERAUTH_TOKEN_MAIN_CLASS", StartupFloor.class.getName());
        }
        long start = System.nanoTime();
        Process process = builder.start();
        byte[] output;
        try (InputStream in = process.getInputStream()) {
            output = in.readAllBytes();
        }
        if (!process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the cold-start process did not exit");
        }
        double ms = (System.nanoTime() - start) / 1e6;
        if (process.exitValue() != 0) {
            throw new IllegalStateException("'" + String.join(" ", args) + "' (" + deployment.label() + ") exited with "
                    + process.exitValue() + ": " + Files.readString(directory.resolve("stderr")).strip());
        }
        return new Run(ms, new String(output, StandardCharsets.UTF_8));
    }

    private Path cacheDir(Deployment deployment) {
        return directory.resolve("cache-" + deployment.label());
    }

    /**
     * @return {@code bin/powerauth-token} of this checkout: the {@code bench.launcher} property, else the first
     *     {@code bin/powerauth-token} found from the working directory upwards; it must have a CLI jar beside it
     */
    static Path findLauncher() {
        String configured = System.getProperty("bench.launcher");
        Path found = null;
        if (configured != null) {
            found = Path.of(configured);
        } else {
            for (Path dir = Path.of("").toAbsolutePath(); dir != null && found == null; dir = dir.getParent()) {
                Path candidate = dir.resolve("bin").resolve("powerauth-token");
                if (Files.isExecutable(candidate)) {
                    found = candidate;
                }
            }
        }
        if (found == null || !Files.isExecutable(found)) {
            throw new IllegalStateException("bin/powerauth-token not found; run from the checkout or set "
                    + "-Dbench.launcher");
        }
        Path target = found.toAbsolutePath().getParent().resolveSibling("cli").resolve("target");
        try (Stream<Path> jars = Files.list(target)) {
            if (jars.noneMatch(jar -> jar.getFileName().toString().endsWith("-all.jar"))) {
                throw new IllegalStateException("no CLI jar in " + target);
            }
        } catch (IOException e) {
            throw new IllegalStateException("no CLI jar in " + target + "; build it: mvn -B -q -pl cli -am "
                    + "-DskipTests package", e);
        }
        return found;
    }

    @Override
    public void close() throws IOException {
        emulator.close();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
