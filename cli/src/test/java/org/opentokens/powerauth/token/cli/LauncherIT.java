package org.opentokens.powerauth.token.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/powerauth-token} with the runnable jar (after {@code package}), run the way users run it: through a
 * chain of symbolic links, on the JVM that runs this test ({@code JAVA_HOME}; {@code .ci/run} runs it again on JDK
 * 25 where one is installed). The first successful command trains the start-up cache (an AppCDS archive before JDK
 * 25, the AOT cache from 25 on), the next one uses it, and neither prints anything but the command's own output.
 */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("..", "bin", "powerauth-token").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private CliHarness cli;

    @BeforeEach
    void start() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "the launcher is a POSIX shell script");
        cli = new CliHarness(dir.resolve("data"));
    }

    @AfterEach
    void stop() throws IOException {
        if (cli != null) {
            cli.close();
        }
        for (Path link : List.of(dir.resolve("home").resolve("bin").resolve("pt"), dir.resolve("links")
                .resolve("powerauth-token"))) {
            Files.deleteIfExists(link);
        }
    }

    /** What one launcher run printed and returned. */
    record Run(int exitCode, String out, String err) {
    }

    private Run launch(Path launcher, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("POWERAUTH_TOKEN_") || name.equals("JAVA_OPTS")
                || name.startsWith("JAVA_TOOL") || name.equals("JDK_JAVA_OPTIONS"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("POWERAUTH_TOKEN_CACHE_DIR", dir.resolve("cache").toString());
        env.put(CliEnvironment.PASSPHRASE_ENV, CliHarness.PASSPHRASE);
        Process process = builder.start();
        CompletableFuture<byte[]> out = drain(process.getInputStream());
        CompletableFuture<byte[]> err = drain(process.getErrorStream());
        process.getOutputStream().close();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not end");
        }
        return new Run(process.exitValue(), new String(out.get(), StandardCharsets.UTF_8),
                new String(err.get(), StandardCharsets.UTF_8));
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private List<Path> caches() throws IOException {
        Path cache = dir.resolve("cache");
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.sorted().toList();
        }
    }

    /** @return {@code ~/bin/pt -> links/powerauth-token (absolute) -> the repository's bin/powerauth-token} */
    private Path linkedLauncher() throws IOException {
        assertThat(LAUNCHER).isExecutable();
        Path links = Files.createDirectories(dir.resolve("links"));
        Path first = Files.createSymbolicLink(links.resolve("powerauth-token"), LAUNCHER);
        Path home = Files.createDirectories(dir.resolve("home").resolve("bin"));
        return Files.createSymbolicLink(home.resolve("pt"), home.relativize(first));
    }

    @Test
    void runsThroughSymbolicLinks() throws Exception {
        Run version = launch(linkedLauncher(), "--version");

        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("powerauth-token ");
        assertThat(version.err()).isEmpty();
        assertThat(caches()).as("help and version do not train").isEmpty();
    }

    @Test
    void theFirstSuccessfulCommandTrainsTheCacheAndTheNextUsesItWithCleanOutput() throws Exception {
        cli.activate();
        assertThat(cli.run("token", "request", "t").exitCode()).isZero();
        Path launcher = linkedLauncher();
        String[] header = {"--data-dir", cli.dataDir.toString(), "--key-source", "passphrase", "token", "header", "t"};
        String kind = Runtime.version().feature() >= 25 ? ".aot" : ".jsa";

        Run failed = launch(launcher, "--data-dir", dir.resolve("empty").toString(), "status");
        assertThat(failed.exitCode()).isEqualTo(ExitCodes.ACTIVATION);
        assertThat(caches()).as("a failed command does not train").isEmpty();

        Run training = launch(launcher, header);
        assertThat(training.exitCode()).as(training.err()).isZero();
        assertThat(training.out().lines().toList()).hasSize(1).allMatch(l -> l.startsWith("X-PowerAuth-Token: "));
        assertThat(training.err()).isEmpty();
        assertThat(caches()).hasSize(1).allMatch(p -> p.getFileName().toString().endsWith(kind));

        Run trained = launch(launcher, header);
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(trained.out().lines().toList()).hasSize(1);
        assertThat(trained.err()).isEmpty();
        String value = trained.out().strip().substring("X-PowerAuth-Token: ".length());
        assertThat(cli.useHeaderValue(value)).isEqualTo(200);
        assertThat(caches()).hasSize(1);
    }
}
