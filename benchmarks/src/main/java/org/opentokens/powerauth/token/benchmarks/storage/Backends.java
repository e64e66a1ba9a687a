package org.opentokens.powerauth.token.benchmarks.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySource;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;
import org.opentokens.powerauth.token.adapter.storage.inmemory.InMemorySecureStorage;
import org.opentokens.powerauth.token.adapter.storage.postgres.PostgresSecureStorage;
import org.opentokens.powerauth.token.adapter.storage.sqlite.SqliteSecureStorage;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.PostgresTestCluster;
import org.opentokens.powerauth.token.port.out.RandomSource;
import org.opentokens.powerauth.token.port.out.SecureStorage;

/**
 * The storage back ends the benchmarks use, each in a fresh temporary directory when it has files, PostgreSQL in a
 * fresh schema of the private test cluster (dropped when the storage is closed here).
 */
public final class Backends {
    /** {@link InMemorySecureStorage}. */
    public static final String MEMORY = "memory";
    /** {@link SqliteSecureStorage} in a file of a fresh directory, with a raw key (as from the OS keychain). */
    public static final String SQLITE = "sqlite";
    /** {@link PostgresSecureStorage} in a fresh schema of the cluster of {@code .ci/postgres-up.sh}, a raw key. */
    public static final String POSTGRES = "postgres";
    /** What a side on PostgreSQL says when there is no cluster. */
    public static final String NO_CLUSTER = "not run (no cluster)";
    /** The test schema of each open PostgreSQL storage, dropped by {@link #close}. */
    private static final Map<SecureStorage, PostgresTestCluster> SCHEMAS = new IdentityHashMap<>();

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
        if (POSTGRES.equals(name)) {
            PostgresTestCluster schema = PostgresTestCluster.open("bench");
            PostgresSecureStorage storage = PostgresSecureStorage.builder(schema.pool(4)).schema(schema.schema())
                    .keySource(StorageKeySources.rawKey(randomKey())).randomSource(RandomSource.of(new SecureRandom()))
                    .open();
            synchronized (SCHEMAS) {
                SCHEMAS.put(storage, schema);
            }
            return storage;
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

    /**
     * @param params a side's JMH parameters
     * @return why the side cannot run here ({@link #NO_CLUSTER}), or empty
     */
    public static Optional<String> notRun(Map<String, String> params) {
        if (POSTGRES.equals(params.get("backend")) && PostgresTestCluster.unavailable().isPresent()) {
            return Optional.of(NO_CLUSTER);
        }
        return Optional.empty();
    }

    /** Closes the storage if it holds resources, and drops its PostgreSQL schema. */
    static void close(SecureStorage storage) throws Exception {
        if (storage instanceof AutoCloseable closeable) {
            closeable.close();
        }
        PostgresTestCluster schema;
        synchronized (SCHEMAS) {
            schema = SCHEMAS.remove(storage);
        }
        if (schema != null) {
            schema.close();
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
