package org.opentokens.powerauth.token.benchmarks.coldstart;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.opentokens.powerauth.testkit.EmulatorActivationCode;
import org.opentokens.powerauth.testkit.EmulatorApplication;
import org.opentokens.powerauth.testkit.EmulatorRequest;
import org.opentokens.powerauth.testkit.PowerAuthEmulator;
import org.opentokens.powerauth.token.adapter.storage.sqlite.SqliteSecureStorage;
import org.opentokens.powerauth.token.benchmarks.storage.Backends;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.domain.token.TokenHeader;
import org.opentokens.powerauth.token.port.in.PowerAuthActivation;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.StorageNamespace;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.PowerAuthClientConfig;
import org.opentokens.powerauth.token.wiring.PowerAuthTokenModule;

/**
 * Times cold starts: an activated client with a stored token is prepared once against the emulator (loopback
 * HTTP), then {@link ColdStartMain} runs as a fresh JVM several times. Each run's header is checked against the
 * emulator, so a run that produced a wrong header fails the probe instead of counting.
 */
public final class ColdStartProbe implements AutoCloseable {
    private static final long PROCESS_TIMEOUT_SECONDS = 60;
    private static final char[] PASSWORD = "1234".toCharArray();

    private final PowerAuthEmulator emulator = PowerAuthEmulator.create();
    private final URI baseUri = emulator.start();
    private final EmulatorApplication application = emulator.createApplication();
    private final String storage;
    private final Path directory;
    private final Path store;
    private String tunedClassPath;

    /** One cold start: the whole process, and the child's own milestones, in ms since it was spawned. */
    public record Run(long processMs, long injectorMs, long headerMs) {
    }

    /**
     * Prepares the stored activation and token.
     *
     * @param storage the storage kind, {@link ColdStartMain#SQLITE} or {@link ColdStartMain#MEMORY_SEEDED}
     * @throws IOException if the store cannot be written
     */
    public ColdStartProbe(String storage) throws IOException {
        this.storage = storage;
        this.directory = Files.createTempDirectory("powerauth-cold-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        this.store = directory.resolve("store");
        prepare();
    }

    /**
     * @return one timed cold start
     * @throws IOException if the process cannot be started
     * @throws InterruptedException if interrupted while waiting
     */
    public Run run() throws IOException, InterruptedException {
        return run(List.of(), System.getProperty("java.class.path"));
    }

    /**
     * A cold start of the tuned deployment ({@link TunedJvm}). The first call packs the class path into jars and
     * trains the archive with one untimed run.
     *
     * @return one timed cold start with the tuned flags and the archive
     * @throws IOException if the process cannot be started or the archive was not written
     * @throws InterruptedException if interrupted while waiting
     */
    public Run runTuned() throws IOException, InterruptedException {
        Path archive = tunedArchive();
        if (tunedClassPath == null) {
            tunedClassPath = TunedJvm.jarsOnly(System.getProperty("java.class.path"), directory);
            List<String> training = new ArrayList<>(TunedJvm.FLAGS);
            training.add(TunedJvm.train(archive));
            run(training, tunedClassPath);
            if (!Files.isRegularFile(archive)) {
                throw new IllegalStateException("the training run wrote no class data archive");
            }
        }
        List<String> flags = new ArrayList<>(TunedJvm.FLAGS);
        flags.add(TunedJvm.use(archive));
        return run(flags, tunedClassPath);
    }

    /** @return where the tuned runs' class data archive is (written by the first {@link #runTuned()}) */
    Path tunedArchive() {
        return directory.resolve("cold-start.jsa");
    }

    private Run run(List<String> jvmFlags, String classPath) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", classPath, ColdStartMain.class.getName(), storage, store.toString(),
                baseUri.toString(), application.appKey(), application.appSecret(),
                application.masterServerPublicKey()));
        long spawned = System.currentTimeMillis();
        command.add(Long.toString(spawned));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output;
        try (InputStream in = process.getInputStream()) {
            output = in.readAllBytes();
        }
        if (!process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the cold-start process did not exit");
        }
        long processMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        String[] lines = new String(output, StandardCharsets.UTF_8).strip().split("\n");
        if (process.exitValue() != 0 || lines.length < 2 || !lines[0].startsWith("injector=")) {
            throw new IllegalStateException("the cold-start process failed with exit code " + process.exitValue()
                    + "; first output line: " + (lines.length == 0 ? "" : lines[0]));
        }
        String header = lines[lines.length - 1].strip();
        int status = emulator.handle(new EmulatorRequest("GET", "/api/resource",
                Map.of(TokenHeader.HEADER_NAME, header), new byte[0])).status();
        if (status != 200) {
            throw new IllegalStateException("the server rejected the cold-start header with HTTP " + status);
        }
        String[] milestones = lines[0].split(" ");
        return new Run(processMs, Long.parseLong(milestones[0].substring("injector=".length())),
                Long.parseLong(milestones[1].substring("header=".length())));
    }

    @Override
    public void close() throws IOException {
        emulator.close();
        try (var files = Files.walk(directory)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private PowerAuthClientConfig config() {
        return PowerAuthClientConfig.builder(baseUri, application.appKey(), application.appSecret(),
                application.masterServerPublicKey()).build();
    }

    private void prepare() throws IOException {
        if (ColdStartMain.SQLITE.equals(storage)) {
            SecretBytes key = Backends.randomKey();
            Path keyFile = ColdStartMain.keyFile(store);
            Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(keyFile, Base64.getEncoder().encodeToString(key.copyBytes(InsecureSecretAccess.get())),
                    StandardCharsets.US_ASCII);
        }
        // The parent writes the store through a module it can close; the cold processes use the wiring's.
        Injector injector = Guice.createInjector(Stage.PRODUCTION, new PowerAuthTokenModule(config()),
                ColdStartMain.SQLITE.equals(storage) ? new SqliteModule(store, ColdStartMain.readKey(store))
                        : ColdStartMain.storageModule(storage, store));
        try (PowerAuthClient client = injector.getInstance(PowerAuthClient.class)) {
            EmulatorActivationCode code = emulator.initActivation(application);
            client.activation().createActivation(PowerAuthActivation.builder(code.activationCode(), "cold start")
                    .build()).join();
            client.activation().commitActivation(PowerAuthAuthentication.commitWithPassword(PASSWORD.clone()));
            emulator.commitActivation(code.activationId());
            client.tokenStore().requestAccessToken(ColdStartMain.TOKEN_NAME,
                    PowerAuthAuthentication.possessionWithPassword(PASSWORD.clone())).join();
        }
        SecureStorage written = injector.getInstance(SecureStorage.class);
        if (ColdStartMain.MEMORY_SEEDED.equals(storage)) {
            export(written, config().powerAuthConfiguration().namespace());
        }
        if (written instanceof SqliteSecureStorage sqlite) {
            sqlite.close();
        }
    }

    /** Writes the namespace's entries as {@code name<TAB>base64(value)} lines, readable only by this user. */
    private void export(SecureStorage source, StorageNamespace namespace) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String name : source.names(namespace)) {
            SecretBytes value = source.get(namespace, name).orElseThrow();
            try {
                lines.add(name + "\t" + Base64.getEncoder().encodeToString(
                        value.copyBytes(InsecureSecretAccess.get())));
            } finally {
                value.destroy();
            }
        }
        Files.createFile(store, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(store, lines, StandardCharsets.UTF_8);
    }
}
