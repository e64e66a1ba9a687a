package org.opentokens.powerauth.token.adapter.storage.sqlite;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySource;
import org.opentokens.powerauth.token.adapter.storage.internal.RecordCipher;
import org.opentokens.powerauth.token.domain.error.StorageException;
import org.opentokens.powerauth.token.domain.error.StorageUnavailableException;
import org.opentokens.powerauth.token.port.out.RandomSource;

/**
 * Configures and opens a {@link SqliteSecureStorage}: {@code SqliteSecureStorage.builder(file).keySource(keys)
 * .randomSource(random).open()}. A Guice module calls exactly this from its {@code @Provides} method.
 */
public final class SqliteSecureStorageBuilder {
    private static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);

    private final Path file;
    private StorageKeySource keySource;
    private RandomSource random;
    private Duration busyTimeout = DEFAULT_BUSY_TIMEOUT;
    private int targetVersion = SqliteSchema.CURRENT_VERSION;
    private List<List<String>> migrations = SqliteSchema.MIGRATIONS;

    SqliteSecureStorageBuilder(Path file) {
        Objects.requireNonNull(file, "file");
        if (file.toString().indexOf('?') >= 0) {
            throw new IllegalArgumentException("token store path must not contain '?'");
        }
        this.file = file.toAbsolutePath().normalize();
    }

    /**
     * @param keySource where the master key comes from (required)
     * @return this builder
     */
    public SqliteSecureStorageBuilder keySource(StorageKeySource keySource) {
        this.keySource = Objects.requireNonNull(keySource, "keySource");
        return this;
    }

    /**
     * @param random draws GCM nonces and temporary file names (required)
     * @return this builder
     */
    public SqliteSecureStorageBuilder randomSource(RandomSource random) {
        this.random = Objects.requireNonNull(random, "random");
        return this;
    }

    /**
     * @param busyTimeout how long a call waits for another connection's write lock; default 5 s
     * @return this builder
     * @throws IllegalArgumentException if negative or over one hour
     */
    public SqliteSecureStorageBuilder busyTimeout(Duration busyTimeout) {
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        if (busyTimeout.isNegative() || busyTimeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("busy timeout must be between 0 and 1 hour");
        }
        this.busyTimeout = busyTimeout;
        return this;
    }

    /** For schema tests: open as if this code's schema version and migration steps were these. */
    SqliteSecureStorageBuilder schema(int version, List<List<String>> steps) {
        this.targetVersion = version;
        this.migrations = steps;
        return this;
    }

    /**
     * Creates the file if it does not exist, checks it ({@code quick_check}, format marker, schema version),
     * migrates it forward if needed, and unlocks it with the key source.
     *
     * @return the open storage
     * @throws IllegalStateException if the key source or the random source is missing
     * @throws org.opentokens.powerauth.token.domain.error.StorageCorruptException if the file is damaged, empty,
     *     foreign or from a newer version; the file is left untouched
     * @throws org.opentokens.powerauth.token.domain.error.StorageLockedException if the key source's key does not open the store
     * @throws org.opentokens.powerauth.token.domain.error.StorageUnavailableException if the file cannot be
     *     created or opened
     */
    public SqliteSecureStorage open() {
        if (keySource == null || random == null) {
            throw new IllegalStateException("a key source and a random source are required");
        }
        if (!SqliteStoreFile.exists(file)) {
            SqliteStoreFile.create(file, busyTimeout, keySource, random);
        }
        SqliteConnections connections = new SqliteConnections(file, busyTimeout);
        try {
            Jdbi jdbi = SqliteSecureStorage.configure(Jdbi.create(connections));
            SqliteSchema.verifyAndMigrate(jdbi, targetVersion, migrations);
            SqliteMeta meta = jdbi.withHandle(SqliteMeta::read);
            Path lockFile = lockFile();
            RecordCipher cipher = RecordCipher.unlock(meta.method, meta.parameters, meta.keyCheck, keySource, random);
            return new SqliteSecureStorage(file.getFileName().toString(), connections, jdbi, cipher, lockFile);
        } catch (JdbiException | StorageException e) {
            closeQuietly(connections, e);
            throw SqliteErrors.map("open the store", e);
        } catch (RuntimeException | Error e) {
            closeQuietly(connections, e);
            throw e;
        }
    }

    /** @return the sidecar lock file beside the database's real path, so that every path to one file agrees */
    private Path lockFile() {
        try {
            return SqliteSecureStorage.lockFileOf(file.toRealPath());
        } catch (IOException e) {
            throw new StorageUnavailableException("cannot resolve the token store's path", e);
        }
    }

    private static void closeQuietly(SqliteConnections connections, Throwable failure) {
        try {
            connections.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
