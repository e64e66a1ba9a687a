package org.opentokens.powerauth.token.wiring.multiprocess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link SharedActivationWorker} in its own JVM, on the test class path. Its stdout and stderr go to files, so
 * that what it printed survives a SIGKILL; waits are bounded only by a hang guard, never asserted on.
 */
final class WorkerJvm implements AutoCloseable {
    /** Upper bound for one wait on a worker: a hang guard, not a timing assertion. */
    static final long HANG_GUARD_SECONDS = 180;

    private final Process process;
    private final Path out;
    private final Path err;

    private WorkerJvm(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /**
     * @param bed the shared set-up the worker joins
     * @param command the worker's command and its arguments
     * @return the running worker
     * @throws IOException if it cannot start
     */
    static WorkerJvm start(SharedBed bed, String... command) throws IOException {
        List<String> line = new ArrayList<>();
        line.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        line.add("-cp");
        line.add(System.getProperty("java.class.path"));
        line.add("-XX:TieredStopAtLevel=1");
        line.add("-XX:+UseSerialGC");
        line.add(SharedActivationWorker.class.getName());
        line.addAll(bed.workerArguments());
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line);
        builder.environment().put(SharedActivationWorker.KEY_ENV, bed.storageKeyHex());
        Path out = Files.createTempFile("worker-", ".out");
        Path err = Files.createTempFile("worker-", ".err");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        return new WorkerJvm(builder.start(), out, err);
    }

    /**
     * Waits until the worker printed a line starting with {@code prefix}.
     *
     * @param prefix the line's start
     * @return the line
     */
    String awaitLine(String prefix) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HANG_GUARD_SECONDS);
        while (System.nanoTime() < deadline) {
            for (String line : lines()) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                for (String line : lines()) {
                    if (line.startsWith(prefix)) {
                        return line;
                    }
                }
                throw new AssertionError("worker ended without printing '" + prefix + "': " + describe());
            }
            Thread.sleep(20);
        }
        throw new AssertionError("worker never printed '" + prefix + "': " + describe());
    }

    /** @return the exit code, once the worker has ended */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(HANG_GUARD_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("worker hung: " + describe());
        }
        return process.exitValue();
    }

    /** Sends SIGKILL and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
    }

    List<String> lines() throws IOException {
        return Files.readAllLines(out, StandardCharsets.UTF_8);
    }

    String describe() {
        try {
            return "exit=" + (process.isAlive() ? "running" : process.exitValue()) + ", out=" + lines()
                    + ", err=" + Files.readString(err, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "unreadable output: " + e;
        }
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
    }
}
