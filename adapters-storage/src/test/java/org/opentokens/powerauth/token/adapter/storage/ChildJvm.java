package org.opentokens.powerauth.token.adapter.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM on the test class path, for multi-process and crash tests. It talks in lines over stdin and
 * stdout; stderr goes to a file that failure messages quote. Only a hang guard bounds waits.
 */
public final class ChildJvm implements AutoCloseable {
    /** Upper bound for any single wait on a child: a hang guard, not a timing assertion. */
    public static final long HANG_GUARD_SECONDS = 120;

    private final Process process;
    private final BufferedReader out;
    private final OutputTail tail;
    private final Path output;
    private final PrintWriter in;
    private final Path errors;

    private ChildJvm(Process process, Path errors, Path output) throws IOException {
        this.process = process;
        this.errors = errors;
        this.output = output;
        this.out = output == null
                ? new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) : null;
        this.tail = output == null ? null : new OutputTail(output, process::isAlive);
        this.in = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
    }

    /**
     * @param main a class with a {@code main} method on the test class path
     * @param environment variables to set ({@code null} values remove a variable)
     * @param args arguments
     * @return the running child
     * @throws IOException if it cannot start
     */
    public static ChildJvm start(Class<?> main, Map<String, String> environment, String... args) throws IOException {
        return start(false, main, environment, args);
    }

    /**
     * Like {@link #start}, but the child's stdout goes to a file that {@link #readLine()} follows, so that every
     * line the child printed before a {@link #kill()} can still be read afterwards (see {@link OutputTail}).
     */
    public static ChildJvm startKillable(Class<?> main, Map<String, String> environment, String... args)
            throws IOException {
        return start(true, main, environment, args);
    }

    private static ChildJvm start(boolean outputToFile, Class<?> main, Map<String, String> environment,
            String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-XX:TieredStopAtLevel=1");
        command.add(main.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Path errors = Files.createTempFile("child-jvm-", ".err");
        builder.redirectError(errors.toFile());
        Path output = outputToFile ? Files.createTempFile("child-jvm-", ".out") : null;
        if (output != null) {
            builder.redirectOutput(output.toFile());
        }
        return new ChildJvm(builder.start(), errors, output);
    }

    /** @param line sent to the child's stdin */
    public void send(String line) {
        in.println(line);
    }

    /**
     * @return the child's next stdout line
     * @throws IOException if reading fails
     * @throws AssertionError if the child ended instead
     */
    public String readLine() throws IOException {
        String line = readLineOrNull();
        if (line == null) {
            throw new AssertionError("child ended early: " + describe());
        }
        return line;
    }

    /**
     * @return the child's next stdout line, or null once it has ended and everything it printed was read
     * @throws IOException if reading fails
     */
    public String readLineOrNull() throws IOException {
        return tail == null ? out.readLine() : tail.readLine();
    }

    /**
     * Reads lines until one starts with {@code prefix}.
     *
     * @param prefix the expected start
     * @return that line
     * @throws IOException if reading fails
     */
    public String awaitLine(String prefix) throws IOException {
        while (true) {
            String line = readLine();
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /**
     * @return the exit code
     * @throws InterruptedException if interrupted
     */
    public int waitForExit() throws InterruptedException {
        if (!process.waitFor(HANG_GUARD_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child did not exit within the hang guard: " + describe());
        }
        return process.exitValue();
    }

    /**
     * Kills the child with SIGKILL (on Linux and macOS) and waits until it is gone.
     *
     * @throws InterruptedException if interrupted
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        waitForExit();
    }

    /** @return the child's stderr so far, for failure messages */
    public String describe() {
        try {
            return "stderr:\n" + Files.readString(errors);
        } catch (IOException e) {
            return "(stderr unreadable)";
        }
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        Files.deleteIfExists(errors);
        if (tail != null) {
            tail.close();
            Files.deleteIfExists(output);
        }
    }
}
