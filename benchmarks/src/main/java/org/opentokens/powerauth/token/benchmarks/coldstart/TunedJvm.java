package org.opentokens.powerauth.token.benchmarks.coldstart;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The tuned deployment of a cold-start process, as {@code bin/powerauth-token} runs the CLI: a dynamic AppCDS
 * archive of the classes a first header loads (written by one training run at exit), C1 only, the serial
 * collector. CDS maps only jars, so the class path's directories are packed into jars first.
 */
final class TunedJvm {
    /** The flags of every tuned run; {@code -Xshare:auto} falls back to no archive if it is missing or stale. */
    static final List<String> FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
            "-Xlog:cds*=off");

    private TunedJvm() {
    }

    /**
     * @param archive the archive file
     * @return the training run's extra flag: write the archive at exit
     */
    static String train(Path archive) {
        return "-XX:ArchiveClassesAtExit=" + archive;
    }

    /**
     * @param archive the archive file
     * @return the timed runs' extra flag: map the archive
     */
    static String use(Path archive) {
        return "-XX:SharedArchiveFile=" + archive;
    }

    /**
     * @param classPath a class path
     * @param directory where to write the jars of its directories
     * @return the same class path with every directory replaced by a jar of its contents
     * @throws IOException if a jar cannot be written
     */
    static String jarsOnly(String classPath, Path directory) throws IOException {
        List<String> out = new ArrayList<>();
        int n = 0;
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                Path jar = directory.resolve("classes-" + (++n) + ".jar");
                pack(path, jar);
                out.add(jar.toString());
            } else if (!entry.isEmpty()) {
                out.add(entry);
            }
        }
        return String.join(File.pathSeparator, out);
    }

    private static void pack(Path root, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(root.relativize(file).toString().replace(File.separatorChar, '/')));
                copy(file, out);
                out.closeEntry();
            }
        }
    }

    private static void copy(Path file, OutputStream out) throws IOException {
        Files.copy(file, out);
    }
}
