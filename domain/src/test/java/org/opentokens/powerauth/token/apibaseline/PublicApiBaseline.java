package org.opentokens.powerauth.token.apibaseline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Compares a module's public API listing with its checked-in baseline, {@code api/<module>.api}, so that every
 * change to the public surface is a deliberate diff in review. With {@code -Dapi.baseline.update=true} it
 * rewrites the baseline instead of failing.
 */
public final class PublicApiBaseline {
    /** The system property that turns a check into an update. */
    public static final String UPDATE_PROPERTY = "api.baseline.update";

    private PublicApiBaseline() {
    }

    /**
     * Checks the module whose tests are running (Surefire's working directory is the module's directory).
     *
     * @param module the module's directory name, e.g. {@code ports}
     * @throws AssertionError with a unified diff and the command that regenerates the baseline, on a mismatch
     */
    public static void check(String module) {
        check(module, Path.of("api", module + ".api"), PublicApiListing.apiClassesIn(Path.of("target", "classes")));
    }

    /**
     * @param module the module's directory name, for the message
     * @param baseline the recorded listing
     * @param classes the module's classes
     * @throws AssertionError with a unified diff and the command that regenerates the baseline, on a mismatch
     */
    public static void check(String module, Path baseline, Collection<Class<?>> classes) {
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            write(baseline, PublicApiListing.list(classes));
            return;
        }
        compare(module, baseline, classes);
    }

    /**
     * Like {@link #check(String, Path, Collection)}, but never updates.
     *
     * @param module the module's directory name, for the message
     * @param baseline the recorded listing
     * @param classes the module's classes
     * @throws AssertionError with a unified diff and the command that regenerates the baseline, on a mismatch
     */
    public static void compare(String module, Path baseline, Collection<Class<?>> classes) {
        List<String> current = PublicApiListing.list(classes);
        List<String> recorded = Files.exists(baseline) ? read(baseline) : List.of();
        String diff = unifiedDiff(recorded, current, baseline.toString());
        if (!diff.isEmpty()) {
            throw new AssertionError("The public API of " + module + " differs from " + baseline + ". If the change"
                    + " is deliberate, regenerate the baseline and commit it:\n  mvn -B -o -pl " + module
                    + " -am verify -Dtest=PublicApiBaselineTest -Dsurefire.failIfNoSpecifiedTests=false -D"
                    + UPDATE_PROPERTY + "=true\n" + diff);
        }
    }

    /**
     * A unified diff (three lines of context) of two listings, empty when they are equal.
     *
     * @param recorded the baseline's lines
     * @param current the current lines
     * @param name the baseline's name, for the header
     * @return the diff
     */
    public static String unifiedDiff(List<String> recorded, List<String> current, String name) {
        int n = recorded.size();
        int m = current.size();
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = recorded.get(i).equals(current.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && recorded.get(i).equals(current.get(j))) {
                lines.add(" " + recorded.get(i++));
                j++;
            } else if (j < m && (i == n || common[i][j + 1] >= common[i + 1][j])) {
                lines.add("+" + current.get(j++));
            } else {
                lines.add("-" + recorded.get(i++));
            }
        }
        StringBuilder out = new StringBuilder();
        int context = 3;
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).startsWith(" ")) {
                continue;
            }
            int start = Math.max(0, k - context);
            int end = k;
            while (end < lines.size() && (!lines.get(end).startsWith(" ") || near(lines, end, context))) {
                end++;
            }
            end = Math.min(lines.size(), end + context);
            if (out.length() == 0) {
                out.append("--- ").append(name).append(" (recorded)\n+++ ").append(name).append(" (current)\n");
            }
            out.append("@@ line ").append(start + 1).append(" @@\n");
            for (int l = start; l < end; l++) {
                out.append(lines.get(l)).append('\n');
            }
            k = end - 1;
        }
        return out.toString();
    }

    private static boolean near(List<String> lines, int index, int context) {
        for (int l = index + 1; l <= Math.min(lines.size() - 1, index + 2 * context); l++) {
            if (!lines.get(l).startsWith(" ")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, List<String> lines) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
