package org.opentokens.powerauth.token.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Shared switches of the reliability suite (fuzzing, faults, stress, races, crashes, secret hygiene).
 *
 * <p>Every reliability test runs in the normal build in its {@linkplain Mode#SHORT short} mode. The long mode
 * ({@code -Dreliability.mode=long}, run by {@code bash .ci/reliability long}) scales the same tests up. Each test
 * reports its figure through {@link #record(String, String)}: one line in the test output and one line in
 * {@code target/reliability/figures.tsv} of its module, which the script gathers into the committed report.
 */
public final class Reliability {
    /** The system property that selects the mode. */
    public static final String MODE_PROPERTY = "reliability.mode";

    /** How hard the reliability tests push. */
    public enum Mode {
        /** Seconds per test; what CI runs. */
        SHORT,
        /** The figures the issue asks for (1,000,000 fuzz inputs, 10 s of stress, ...). */
        LONG
    }

    private Reliability() {
    }

    /** @return the mode this JVM runs in, {@link Mode#SHORT} unless {@value #MODE_PROPERTY} says {@code long} */
    public static Mode mode() {
        String value = System.getProperty(MODE_PROPERTY, "short").trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "short", "" -> Mode.SHORT;
            case "long" -> Mode.LONG;
            default -> throw new IllegalArgumentException(MODE_PROPERTY + " must be short or long, was " + value);
        };
    }

    /** @return {@code shortValue} in the short mode, {@code longValue} in the long mode */
    public static <T> T pick(T shortValue, T longValue) {
        return mode() == Mode.LONG ? longValue : shortValue;
    }

    /** @return {@code shortValue} in the short mode, {@code longValue} in the long mode */
    public static int pick(int shortValue, int longValue) {
        return mode() == Mode.LONG ? longValue : shortValue;
    }

    /**
     * Reports one figure: prints it and appends it to {@code target/reliability/figures.tsv}.
     *
     * @param check what was checked, e.g. {@code "fuzz: status blob parser"}
     * @param figure what was measured, e.g. {@code "1000000 inputs, 0 untyped errors"}
     */
    public static synchronized void record(String check, String figure) {
        String line = mode().name().toLowerCase(Locale.ROOT) + '\t' + clean(check) + '\t' + clean(figure);
        System.out.println("[reliability] " + clean(check) + ": " + clean(figure));
        Path file = Path.of("target", "reliability", "figures.tsv");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the reliability figure", e);
        }
    }

    private static String clean(String text) {
        return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
