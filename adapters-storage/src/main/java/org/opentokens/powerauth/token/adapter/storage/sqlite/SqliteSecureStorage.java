package org.opentokens.powerauth.token.adapter.storage.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.opentokens.powerauth.token.adapter.storage.internal.LockFile;
import org.opentokens.powerauth.token.adapter.storage.internal.RecordCipher;
import org.opentokens.powerauth.token.adapter.storage.internal.SealedRowStorage;
import org.opentokens.powerauth.token.adapter.storage.internal.sql.JdbiSettings;
import org.opentokens.powerauth.token.domain.error.StorageUnavailableException;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/**
 * {@link SecureStorage} in one SQLite file, encrypted at rest; the embedded default for desktop and server
 * hosts. Open it with {@link #builder(java.nio.file.Path)}.
 *
 * <p>Namespace ids, names and values are sealed per row ({@link RecordCipher}); every write is one
 * {@code BEGIN IMMEDIATE} transaction that also moves the namespace's {@link #version} on. Threads and processes of
 * <em>one machine</em> may share the file on a local file system, never on a network one; {@link #exclusive} locks
 * the sidecar {@code <database>.lock} (do not delete it while processes use the store). Upgrade every process that
 * shares a file together: one running a library from before schema version 2 writes without moving versions.
 * Errors: {@link org.opentokens.powerauth.token.domain.error.StorageCorruptException} (a damaged or foreign file,
 * left as it is), {@link org.opentokens.powerauth.token.domain.error.StorageLockedException} (a key that does not
 * open it), {@link StorageUnavailableException} (I/O, lock timeouts, use after close).
 *
 * <p>Thread-safe. {@link #close()} releases its connections and lock file handle and wipes its keys. Guarantees
 * and sharing in detail: {@code docs/storage-design.md}.
 */
public final class SqliteSecureStorage implements SecureStorage, AutoCloseable {
    private final SealedRowStorage sealed;
    private final String fileName;
    private final SqliteConnections connections;
    private final Jdbi jdbi;
    private final LockFile lockFile;
    /** {@link #version} reads through its own connection and statement, prepared once; guarded by itself. */
    private final VersionReader versionReader = new VersionReader();

    SqliteSecureStorage(String fileName, SqliteConnections connections, Jdbi jdbi, RecordCipher cipher,
            Path lockFile) {
        this.fileName = fileName;
        this.connections = connections;
        this.jdbi = jdbi;
        this.lockFile = LockFile.use(lockFile);
        this.sealed = new SealedRowStorage(cipher, "SQLite token store", new Rows());
    }

    /**
     * @param file the database file, as its real path
     * @return the sidecar lock file of the exclusive sections: the database's name plus {@code .lock}
     */
    static Path lockFileOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    /**
     * @param file the database file; created (mode 0600) if missing, its directory must exist
     * @return a builder
     */
    public static SqliteSecureStorageBuilder builder(Path file) {
        return new SqliteSecureStorageBuilder(file);
    }

    static Jdbi configure(Jdbi jdbi) {
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
        return JdbiSettings.positionalOnly(jdbi);
    }

    @Override
    public Optional<SecretBytes> get(StorageNamespace namespace, String name) {
        return sealed.get(namespace, name);
    }

    @Override
    public void put(StorageNamespace namespace, String name, SecretBytes value) {
        sealed.put(namespace, name, value);
    }

    @Override
    public void putAll(StorageNamespace namespace, Map<String, SecretBytes> entries) {
        sealed.putAll(namespace, entries);
    }

    @Override
    public boolean delete(StorageNamespace namespace, String name) {
        return sealed.delete(namespace, name);
    }

    @Override
    public int deleteAll(StorageNamespace namespace, Collection<String> names) {
        return sealed.deleteAll(namespace, names);
    }

    @Override
    public int deleteAll(StorageNamespace namespace) {
        return sealed.deleteAll(namespace);
    }

    @Override
    public Set<String> names(StorageNamespace namespace) {
        return sealed.names(namespace);
    }

    @Override
    public <T> T exclusive(StorageNamespace namespace, Duration maxWait, Supplier<T> action) {
        return sealed.exclusive(namespace, maxWait, action);
    }

    @Override
    public long version(StorageNamespace namespace) {
        return sealed.version(namespace);
    }

    /**
     * Closes the store: waits for running calls and sections, then wipes the keys and releases the backend.
     *
     * @throws IllegalStateException if called from inside one of this storage's calls or exclusive sections
     */
    @Override
    public void close() {
        sealed.close();
    }

    /** The rows in SQLite, for the sealed-row core. */
    private final class Rows implements SealedRowStorage.Backend {
        @Override
        public Optional<byte[]> readValue(byte[] ns, byte[] tag) {
            return jdbi.withHandle(handle -> handle
                    .createQuery("SELECT sealed_value FROM entry WHERE ns = ? AND name = ?")
                    .bind(0, ns).bind(1, tag).mapTo(byte[].class).findOne());
        }

        @Override
        public List<byte[][]> readNames(byte[] ns) {
            return jdbi.withHandle(handle -> handle
                    .createQuery("SELECT name, sealed_name FROM entry WHERE ns = ?").bind(0, ns)
                    .map((rs, ctx) -> new byte[][] {rs.getBytes(1), rs.getBytes(2)}).list());
        }

        @Override
        public void writeRows(byte[] ns, List<byte[][]> rows) {
            jdbi.useTransaction(handle -> {
                // One prepared statement for the whole batch: preparing a statement per row dominated big batches.
                PreparedBatch batch = handle.prepareBatch(
                        "INSERT INTO entry (ns, name, sealed_name, sealed_value) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (ns, name) DO UPDATE SET sealed_name = excluded.sealed_name,"
                        + " sealed_value = excluded.sealed_value");
                for (byte[][] row : rows) {
                    batch.bind(0, ns).bind(1, row[0]).bind(2, row[1]).bind(3, row[2]).add();
                }
                batch.execute();
                bumpVersion(handle, ns);
            });
        }

        @Override
        public int deleteRows(byte[] ns, List<byte[]> tags) {
            return jdbi.inTransaction(handle -> {
                PreparedBatch batch = handle.prepareBatch("DELETE FROM entry WHERE ns = ? AND name = ?");
                for (byte[] tag : tags) {
                    batch.bind(0, ns).bind(1, tag).add();
                }
                int removed = 0;
                for (int count : batch.execute()) {
                    removed += count;
                }
                if (removed > 0) {
                    bumpVersion(handle, ns);
                }
                return removed;
            });
        }

        @Override
        public int deleteNamespace(byte[] ns) {
            return jdbi.inTransaction(handle -> {
                int removed = handle.createUpdate("DELETE FROM entry WHERE ns = ?").bind(0, ns).execute();
                if (removed > 0) {
                    bumpVersion(handle, ns);
                }
                return removed;
            });
        }

        /**
         * The section: an OS lock on one byte of the sidecar lock file ({@code <database>.lock}, created mode 0600 at
         * the first section), at a position derived from the keyed namespace tag, behind a JVM-wide in-process lock
         * (see {@link LockFile}).
         */
        @Override
        public <T> T runExclusive(byte[] ns, Duration maxWait, Supplier<T> action) {
            return lockFile.run(LockFile.position(ns, 1), maxWait, action);
        }

        /**
         * Reads the namespace's row of {@code ns_version}, which every write transaction that changes the namespace
         * increments (0 if it never changed since the file was created or migrated to schema version 2). One
         * prepared statement on a connection of its own, so a warm call costs about a microsecond of SQLite.
         */
        @Override
        public long readVersion(byte[] ns) {
            return versionReader.read(ns);
        }

        @Override
        public RuntimeException backendFailure(String action, RuntimeException failure) {
            return failure instanceof JdbiException ? SqliteErrors.map(action, failure) : failure;
        }

        /** Stops using the lock file and closes the pooled connections. */
        @Override
        public void closeBackend() {
            lockFile.release();
            versionReader.close();
            try {
                connections.close();
            } catch (SQLException e) {
                throw new StorageUnavailableException("closing the SQLite token store failed", e);
            }
        }
    }

    /** The connection and statement of {@link #version}, opened at the first call and closed by {@link #close()}. */
    private final class VersionReader {
        private Connection connection;
        private PreparedStatement query;

        synchronized long read(byte[] ns) {
            try {
                if (query == null) {
                    connection = connections.openConnection();
                    query = connection.prepareStatement("SELECT version FROM ns_version WHERE ns = ?");
                }
                query.setBytes(1, ns);
                // Closing the result set ends the implicit read transaction, so no snapshot is kept between calls.
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? row.getLong(1) : 0L;
                }
            } catch (SQLException e) {
                close();
                throw SqliteErrors.map("read the version", e);
            }
        }

        synchronized void close() {
            try {
                if (connection != null) {
                    connection.close();
                }
            } catch (SQLException e) {
                // the connection is discarded either way
            } finally {
                connection = null;
                query = null;
            }
        }
    }

    private static void bumpVersion(Handle handle, byte[] ns) {
        handle.createUpdate("INSERT INTO ns_version (ns, version) VALUES (?, 1)"
                + " ON CONFLICT (ns) DO UPDATE SET version = version + 1").bind(0, ns).execute();
    }

    @Override
    public String toString() {
        return "SqliteSecureStorage[" + fileName + "]";
    }
}
