package org.opentokens.powerauth.token.benchmarks.coldstart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One way of starting the CLI through {@code bin/powerauth-token}: which JDK, and whether the launcher tunes the
 * JVM (C1 only, serial GC, a class cache: AppCDS on 17 to 24, the AOT cache on 25 and later).
 *
 * @param label prefix of the group's side labels
 * @param description what the report says about it
 * @param javaHome the JDK, handed to the launcher as {@code JAVA_HOME}
 * @param tuned whether the launcher's tuning is on ({@code POWERAUTH_TOKEN_TUNING})
 */
public record Deployment(String label, String description, Path javaHome, boolean tuned) {
    /** Where a JDK 25 is looked for. */
    static final Path JDK_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    /** @return the suite's own JVM without tuning, the JVM on the suite's JDK with it, and JDK 25 if installed */
    public static List<Deployment> available() {
        Path home = Path.of(System.getProperty("java.home"));
        String version = Runtime.version().feature() + "";
        List<Deployment> out = new ArrayList<>(List.of(
                new Deployment("plain", "JDK " + version + ", plain JVM (POWERAUTH_TOKEN_TUNING=off)", home, false),
                new Deployment("tuned", "JDK " + version + ", tuned (C1, Serial GC, "
                        + (Runtime.version().feature() >= 25 ? "AOT cache" : "AppCDS archive") + ")", home, true)));
        jdk25().ifPresent(jdk -> out.add(new Deployment("jdk25-tuned", "JDK 25, tuned (C1, Serial GC, AOT cache)",
                jdk, true)));
        return out;
    }

    /** @return the JDK 25 installation, when there is one and the suite does not run on it already */
    static Optional<Path> jdk25() {
        if (Runtime.version().feature() >= 25 || !Files.isExecutable(JDK_25.resolve("bin").resolve("java"))) {
            return Optional.empty();
        }
        return Optional.of(JDK_25);
    }

    /** @return the side label of {@code token header} */
    public String header() {
        return label + "-header";
    }

    /** @return the side label of the floor */
    public String floor() {
        return label + "-floor";
    }
}
