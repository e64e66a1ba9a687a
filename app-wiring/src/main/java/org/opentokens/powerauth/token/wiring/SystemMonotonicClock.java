package org.opentokens.powerauth.token.wiring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opentokens.powerauth.token.port.out.MonotonicClock;

/**
 * The default {@link MonotonicClock}: {@code System.nanoTime}, which on Linux reads {@code CLOCK_MONOTONIC} (one
 * origin for every process of a boot), and the kernel's boot identifier {@code /proc/sys/kernel/random/boot_id}.
 * Elsewhere (macOS, Windows) no boot identifier is read, so a stored time offset is never trusted there and each
 * process synchronizes with the server, as before.
 */
final class SystemMonotonicClock implements MonotonicClock {
    static final SystemMonotonicClock INSTANCE = new SystemMonotonicClock();

    private static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");

    private SystemMonotonicClock() {
    }

    @Override
    public long millis() {
        return System.nanoTime() / 1_000_000L;
    }

    @Override
    public String bootId() {
        return Boot.ID;
    }

    @Override
    public String toString() {
        return "SystemMonotonicClock[boot " + (Boot.ID.isEmpty() ? "unknown" : Boot.ID) + "]";
    }

    /** Read once, on first use. */
    private static final class Boot {
        static final String ID = read();

        private static String read() {
            if (!System.getProperty("os.name", "").startsWith("Linux")) {
                return "";
            }
            try {
                String id = Files.readString(BOOT_ID, StandardCharsets.US_ASCII).strip();
                return id.length() >= 16 && id.length() <= 64 ? id : "";
            } catch (IOException | SecurityException | java.io.UncheckedIOException e) {
                return "";
            }
        }
    }
}
