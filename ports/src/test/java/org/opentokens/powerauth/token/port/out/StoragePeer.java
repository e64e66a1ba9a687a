package org.opentokens.powerauth.token.port.out;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.opentokens.powerauth.token.domain.error.StorageBusyException;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/**
 * Another JVM that opens the test's backing store, for the cross-process part of the storage contract. The
 * adapter's test sources hold a small main class that opens the store and calls {@link #serve}; the contract
 * starts it with {@link #start} and talks to it in lines:
 * <ul>
 *   <li>{@code hold NS} enters the section of namespace id NS on a new thread and prints {@code held NS};
 *       {@code release NS} leaves it and prints {@code released NS};</li>
 *   <li>{@code try NS MILLIS} prints {@code entered} or {@code busy};</li>
 *   <li>{@code count NS NAME TIMES} increments a counter entry TIMES times inside sections
 *       ({@link SectionProbe#count}) and prints {@code counted} and the most threads it saw inside at once;</li>
 *   <li>{@code fill NS PREFIX COUNT} puts COUNT entries PREFIX0.. one by one, without sections, and prints
 *       {@code filled};</li>
 *   <li>{@code put NS NAME TEXT}, {@code get NS NAME} (the text, or {@code absent}), {@code version NS}.</li>
 * </ul>
 * Any failure prints {@code error} and the exception class. Only a hang guard bounds waits.
 */
public final class StoragePeer implements AutoCloseable {
    /** Upper bound for any single wait on the peer: a hang guard, not a timing assertion. */
    public static final long HANG_GUARD_SECONDS = 120;
    private static final String END = "\u0000end";

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final PrintWriter in;
    private final Path errors;

    private StoragePeer(Process process, Path errors) {
        this.process = process;
        this.errors = errors;
        this.in = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the peer is gone; END tells the reader
            } finally {
                lines.add(END);
            }
        }, "storage-peer-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code main} on this JVM's class path, sends it {@code setupLines} and waits for its {@code ready}.
     *
     * @param main a class whose {@code main} opens the store and calls {@link #serve}
     * @param environment variables to set ({@code null} values remove one)
     * @param setupLines lines sent first (a key, for example: never on the command line)
     * @param args its arguments
     * @return the running peer, ready for commands
     * @throws IOException if it cannot start
     */
    public static StoragePeer start(Class<?> main, Map<String, String> environment, List<String> setupLines,
            String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
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
        Path errors = Files.createTempFile("storage-peer-", ".err");
        builder.redirectError(errors.toFile());
        StoragePeer peer = new StoragePeer(builder.start(), errors);
        setupLines.forEach(peer::send);
        String ready = peer.readLine();
        if (!ready.equals("ready")) {
            peer.close();
            throw new AssertionError("peer did not start: " + ready + "; " + peer.describe());
        }
        return peer;
    }

    /** @param line sent to the peer */
    public void send(String line) {
        in.println(line);
    }

    /**
     * @return the peer's next line
     * @throws AssertionError if it ended or stayed silent for the hang guard
     */
    public String readLine() {
        try {
            String line = lines.poll(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("peer silent for the hang guard; " + describe());
            }
            if (line.equals(END)) {
                lines.add(END);
                throw new AssertionError("peer ended; " + describe());
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while reading from the peer", e);
        }
    }

    /**
     * @param command a command
     * @return the peer's answer
     */
    public String ask(String command) {
        send(command);
        return readLine();
    }

    /** Kills the peer with SIGKILL (on Linux and macOS) and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(HANG_GUARD_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("peer survived SIGKILL for the hang guard");
        }
    }

    /** @return the peer's stderr so far, for failure messages */
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
        try {
            process.waitFor(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(errors);
    }

    /**
     * The peer's side: prints {@code ready} and serves commands from {@code in} until it ends.
     *
     * @param storage the storage the peer opened
     * @param in its command lines
     * @param out where answers go
     * @throws IOException if reading fails
     */
    public static void serve(SecureStorage storage, BufferedReader in, PrintStream out) throws IOException {
        Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
        Map<String, Thread> holders = new ConcurrentHashMap<>();
        print(out, "ready");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.split(" ");
            try {
                StorageNamespace ns = words.length > 1 ? StorageNamespace.of(words[1]) : null;
                switch (words[0]) {
                    case "hold" -> {
                        CountDownLatch leave = new CountDownLatch(1);
                        holds.put(words[1], leave);
                        Thread holder = new Thread(() -> {
                            try {
                                storage.exclusive(ns, SectionProbe.LONG_WAIT, () -> {
                                    print(out, "held " + words[1]);
                                    awaitQuietly(leave);
                                    return null;
                                });
                            } catch (RuntimeException e) {
                                print(out, "error " + e.getClass().getSimpleName());
                            }
                        });
                        holders.put(words[1], holder);
                        holder.start();
                    }
                    case "release" -> {
                        holds.remove(words[1]).countDown();
                        holders.remove(words[1]).join();
                        print(out, "released " + words[1]);
                    }
                    case "try" -> {
                        Duration wait = Duration.ofMillis(Long.parseLong(words[2]));
                        String result;
                        try {
                            result = storage.exclusive(ns, wait, () -> "entered");
                        } catch (StorageBusyException e) {
                            result = "busy";
                        }
                        print(out, result);
                    }
                    case "count" -> {
                        AtomicInteger inside = new AtomicInteger();
                        AtomicInteger maxInside = new AtomicInteger();
                        SectionProbe.count(storage, ns, words[2], Integer.parseInt(words[3]), inside, maxInside);
                        print(out, "counted " + maxInside.get());
                    }
                    case "fill" -> {
                        for (int i = 0; i < Integer.parseInt(words[3]); i++) {
                            storage.put(ns, words[2] + i, fillValue(words[2], i));
                        }
                        print(out, "filled");
                    }
                    case "put" -> {
                        storage.put(ns, words[2], SecretBytes.copyOf(words[3].getBytes(StandardCharsets.UTF_8)));
                        print(out, "put");
                    }
                    case "get" -> {
                        Optional<SecretBytes> value = storage.get(ns, words[2]);
                        print(out, value.map(v -> new String(v.copyBytes(InsecureSecretAccess.get()),
                                StandardCharsets.UTF_8)).orElse("absent"));
                    }
                    case "version" -> print(out, Long.toString(storage.version(ns)));
                    default -> print(out, "error unknown command");
                }
            } catch (RuntimeException e) {
                print(out, "error " + e.getClass().getSimpleName());
                e.printStackTrace();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * @return the value {@code fill} stores under {@code prefix + i}
     */
    public static SecretBytes fillValue(String prefix, int i) {
        return SecretBytes.copyOf((prefix + "=" + i).getBytes(StandardCharsets.UTF_8));
    }

    private static void print(PrintStream out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
