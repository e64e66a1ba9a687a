package org.opentokens.powerauth.token.benchmarks.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.security.SecureRandom;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySource;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;
import org.opentokens.powerauth.token.adapter.storage.inmemory.InMemorySecureStorage;
import org.opentokens.powerauth.token.adapter.storage.sqlite.SqliteSecureStorage;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.RandomSource;
import org.opentokens.powerauth.token.port.out.SecureStorage;

/** The storage back ends the benchmarks use, each in a fresh temporary directory when it has files. */
public final class Backends {
    /** {@link InMemorySecureStorage}. */
    public static final String MEMORY = "memory";
    /** {@link SqliteSecureStorage} in a file of a fresh directory, with a raw key (as from the OS keychain). */
    public static final String SQLITE = "sqlite";

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
        if (SQLITE.equals(name)) {
            return sqlite(directory.resolve("tokens.db"), randomKey());
        }
        throw new IllegalArgumentException("unknown storage back end " + name);
    }

    /**
     * @param file the store file, created if missing
     * @param key the 32-byte master key
     * @return the open SQLite storage
     */
    public static SqliteSecureStorage sqlite(Path file, SecretBytes key) {
        return SqliteSecureStorage.builder(file).keySource(StorageKeySources.rawKey(key))
                .randomSource(RandomSource.of(new SecureRandom())).open();
    }

    /** @return a fresh random 32-byte master key */
    public static SecretBytes randomKey() {
        byte[] key = new byte[StorageKeySource.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return SecretBytes.takeOwnership(key);
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
