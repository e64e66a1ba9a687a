package org.opentokens.powerauth.token.benchmarks.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.opentokens.powerauth.token.adapter.storage.inmemory.InMemorySecureStorage;
import org.opentokens.powerauth.token.port.out.SecureStorage;

/** The storage back ends the storage group measures, each in a fresh temporary directory when it has files. */
final class Backends {
    /** {@link InMemorySecureStorage}. */
    static final String MEMORY = "memory";

    private Backends() {
    }

    /**
     * @param name a back-end name
     * @param directory a fresh temporary directory the back end may use
     * @return a fresh, empty storage
     */
    static SecureStorage open(String name, Path directory) {
        if (MEMORY.equals(name)) {
            return new InMemorySecureStorage();
        }
        throw new IllegalArgumentException("unknown storage back end " + name);
    }

    /** Closes the storage if it holds resources. */
    static void close(SecureStorage storage) throws Exception {
        if (storage instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    static Path temporaryDirectory() throws IOException {
        return Files.createTempDirectory("powerauth-bench-");
    }

    static void delete(Path directory) throws IOException {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
