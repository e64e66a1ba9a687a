package org.opentokens.powerauth.token.adapter.storage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Reads the lines a child process writes to a file, following the file while the child runs and reading it to
 * the end once the child is gone. Crash tests use it instead of a pipe: when a child dies, the JDK drains and
 * closes its stdout pipe from the reaper thread, and a read caught in between fails ("Stream closed"), losing
 * the last lines; a file keeps every byte the child wrote before the kill.
 */
final class OutputTail implements AutoCloseable {
    private static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final InputStream in;
    private final BooleanSupplier writerAlive;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final byte[] buffer = new byte[8192];
    private int start;
    private int end;
    private boolean finished;

    OutputTail(Path file, BooleanSupplier writerAlive) throws IOException {
        this.in = Files.newInputStream(file);
        this.writerAlive = writerAlive;
    }

    /** @return the next complete line, or null once the writer is gone and every line was read */
    String readLine() throws IOException {
        long pause = TimeUnit.MICROSECONDS.toNanos(50);
        while (true) {
            while (start < end) {
                byte b = buffer[start++];
                if (b == '\n') {
                    String line = partial.toString(StandardCharsets.UTF_8);
                    partial.reset();
                    return line;
                }
                partial.write(b);
            }
            if (finished) {
                return null;
            }
            // Checked before the read: a writer seen dead has written its last byte, so an empty read after it is
            // the real end.
            boolean alive = writerAlive.getAsBoolean();
            int n = in.read(buffer, 0, buffer.length);
            if (n > 0) {
                start = 0;
                end = n;
                pause = TimeUnit.MICROSECONDS.toNanos(50);
            } else if (!alive) {
                finished = true; // a last line without a newline was cut by the kill: not a line
            } else {
                LockSupport.parkNanos(pause);
                pause = Math.min(MAX_PAUSE_NANOS, pause * 2);
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
