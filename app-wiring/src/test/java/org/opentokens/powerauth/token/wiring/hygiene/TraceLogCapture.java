package org.opentokens.powerauth.token.wiring.hygiene;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Installed once per test JVM when the JUnit launcher session opens, before any test class loads: sets the JUL
 * root logger (where {@code System.Logger}, Guice and the JDK log) to {@code ALL} and writes every record, with
 * its raw message, parameters and thrown chain, to {@link #julLogFile()} (ISO-8859-1, so raw secret bytes would
 * appear there byte for byte). When the test plan starts (after surefire took over the standard
 * streams) it tees standard output and error. SLF4J (the testkit, JDBI)
 * goes through slf4j-simple at TRACE into {@link #slf4jLogFile()}, set up by the module's surefire settings.
 */
public final class TraceLogCapture implements LauncherSessionListener, TestExecutionListener {
    private static final int STD_LIMIT = 64 << 20;
    private static final AtomicLong JUL_RECORDS = new AtomicLong();
    private static Writer julWriter;
    private static final ByteArrayOutputStream STD = new ByteArrayOutputStream();
    private static volatile boolean installed;
    private static PrintStream teeOut;
    private static PrintStream teeErr;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        install();
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        install();
        teeStandardStreams();
    }

    private static synchronized void teeStandardStreams() {
        if (System.out != teeOut) {
            teeOut = new PrintStream(new Tee(System.out), true, StandardCharsets.UTF_8);
            System.setOut(teeOut);
        }
        if (System.err != teeErr) {
            teeErr = new PrintStream(new Tee(System.err), true, StandardCharsets.UTF_8);
            System.setErr(teeErr);
        }
    }

    /** Installs the capture unless it is installed already. */
    static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        try {
            Files.createDirectories(julLogFile().toAbsolutePath().getParent());
            // An OutputStreamWriter replaces what ISO-8859-1 cannot hold instead of failing.
            julWriter = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(julLogFile()),
                    StandardCharsets.ISO_8859_1), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Logger root = Logger.getLogger("");
        root.setLevel(Level.ALL);
        root.addHandler(new MemoryHandler());
    }

    static boolean installed() {
        return installed;
    }

    /** @return the file holding every JUL record so far, flushed */
    static Path julLogFile() {
        Path slf4j = slf4jLogFile();
        Path dir = slf4j != null ? slf4j.toAbsolutePath().getParent() : Path.of("target", "hygiene");
        return dir.resolve("jul-trace.log");
    }

    /** Flushes the JUL file, so a scan sees every record so far. */
    static void flush() {
        synchronized (TraceLogCapture.class) {
            try {
                if (julWriter != null) {
                    julWriter.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static long julRecords() {
        return JUL_RECORDS.get();
    }

    /** @return what went to standard output and error so far (up to 64 MiB) */
    static byte[] standardStreams() {
        synchronized (STD) {
            return STD.toByteArray();
        }
    }

    /** @return the file slf4j-simple writes to, or null if SLF4J is not sent to a file */
    static Path slf4jLogFile() {
        String file = System.getProperty("org.slf4j.simpleLogger.logFile");
        return file == null || file.startsWith("System.") ? null : Path.of(file);
    }

    private static final class MemoryHandler extends Handler {
        private final SimpleFormatter formatter = new SimpleFormatter();

        MemoryHandler() {
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            JUL_RECORDS.incrementAndGet();
            StringBuilder line = new StringBuilder(256)
                    .append(record.getLevel()).append(' ').append(record.getLoggerName()).append(": ");
            try {
                line.append(formatter.formatMessage(record));
            } catch (RuntimeException e) {
                line.append("<unformattable>");
            }
            if (record.getParameters() != null && record.getParameters().length > 0) {
                // The formatted text may drop a parameter the pattern does not name: keep the raw parts too.
                line.append(" | raw=").append(record.getMessage())
                        .append(" | params=").append(Arrays.deepToString(record.getParameters()));
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append('\n').append(trace);
            }
            line.append('\n');
            synchronized (TraceLogCapture.class) {
                try {
                    julWriter.write(line.toString());
                } catch (IOException e) {
                    reportError("cannot write the JUL capture", e, java.util.logging.ErrorManager.WRITE_FAILURE);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private static final class Tee extends OutputStream {
        private final OutputStream out;

        Tee(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            synchronized (STD) {
                if (STD.size() < STD_LIMIT) {
                    STD.write(b);
                }
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            synchronized (STD) {
                if (STD.size() < STD_LIMIT) {
                    STD.write(b, off, len);
                }
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
