package org.opentokens.powerauth.token.adapter.storage.sqlite;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.opentokens.powerauth.token.adapter.storage.LockFile;
import org.opentokens.powerauth.token.adapter.storage.sql.JdbiSettings;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.ExclusiveSections;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.StorageArguments;
import org.opentokens.powerauth.token.port.out.StorageNamespace;
import org.opentokens.powerauth.token.port.out.StorageUnavailableException;

/**
 * {@link SecureStorage} in one SQLite file, encrypted at rest; the embedded default for desktop and server
 * hosts. Open it with {@link #builder(java.nio.file.Path)}.
 *
 * <p><b>What is stored.</b> Per entry: a keyed HMAC tag of the namespace, a keyed tag of the name, and the
 * name and the value each sealed with AES-256-GCM; the associated data binds both tags, so rows cannot be
 * swapped or moved. Namespace ids, names and values never appear in the clear. The {@code meta} table holds
 * the key method, its non-secret parameters and a key-check value. See {@link RecordCipher}. The
 * {@code ns_version} table holds, per namespace tag, the count of changes ({@link #version}) in the clear.
 *
 * <p><b>Guarantees.</b> Every write is one {@code BEGIN IMMEDIATE} transaction that also moves the namespace's
 * version on, so batches are atomic across threads and processes and a version never runs ahead of or behind
 * its data. A crash or a kill leaves every record whole or absent; with {@code synchronous=NORMAL} the last
 * commits before a power loss may be lost, never torn.
 *
 * <p><b>Sharing.</b> Any number of threads, storage objects and processes <em>on one machine</em> may share the
 * file, when it is on a local file system. {@link #exclusive} locks one byte per namespace of the sidecar file
 * {@code <database>.lock} (created mode 0600 beside the database's real path at the first section, never
 * deleted; do not delete it while processes use the store), and the OS frees that lock when its holder dies.
 * Not on network file systems (NFS, SMB, cloud-synced folders): SQLite's WAL needs shared memory that only
 * exists between processes of one machine, and byte-range locks there are emulated or missing, depending on
 * the server and the mount, so neither the database nor the sections would be safe. Processes of other
 * machines cannot share it at all. A process still running a library from before schema version 2 keeps
 * writing without moving versions on: upgrade every process that shares a file together.
 *
 * <p><b>Errors.</b> A damaged, truncated, empty, foreign or too-new file gives
 * {@link org.opentokens.powerauth.token.port.out.StorageCorruptException} at open and is left as it is; a key
 * that does not open the store (wrong key or passphrase, a different key method, a keychain that lost the key)
 * gives {@link org.opentokens.powerauth.token.port.out.StorageLockedException}; I/O failures, lock timeouts
 * and use after {@link #close()} give {@link StorageUnavailableException}.
 *
 * <p>Thread-safe. Close it to release its pooled connections and its lock file handle and to wipe its keys.
 */
public final class SqliteSecureStorage implements SecureStorage, AutoCloseable {
    private final String fileName;
    private final SqliteConnections connections;
    private final Jdbi jdbi;
    private final RecordCipher cipher;
    private final LockFile lockFile;
    /** {@link #version} reads through its own connection and statement, prepared once; guarded by itself. */
    private final VersionReader versionReader = new VersionReader();
    /**
     * Operations (and whole exclusive sections) hold the read lock, {@link #close()} the write lock, so no call
     * runs on wiped keys and no section outlives the lock file handle.
     */
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    SqliteSecureStorage(String fileName, SqliteConnections connections, Jdbi jdbi, RecordCipher cipher,
            Path lockFile) {
        this.fileName = fileName;
        this.connections = connections;
        this.jdbi = jdbi;
        this.cipher = cipher;
        this.lockFile = LockFile.use(lockFile);
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
        Objects.requireNonNull(namespace, "namespace");
        StorageArguments.name(name);
        return guarded("read", () -> {
            byte[] ns = cipher.namespaceTag(namespace);
            byte[] tag = cipher.nameTag(ns, name);
            Optional<byte[]> sealed = jdbi.withHandle(handle -> handle
                    .createQuery("SELECT sealed_value FROM entry WHERE ns = ? AND name = ?")
                    .bind(0, ns).bind(1, tag).mapTo(byte[].class).findOne());
            return sealed.map(bytes -> SecretBytes.takeOwnership(cipher.open(RecordCipher.PURPOSE_VALUE, ns, tag, bytes)));
        });
    }

    @Override
    public void put(StorageNamespace namespace, String name, SecretBytes value) {
        Objects.requireNonNull(namespace, "namespace");
        putAll(namespace, Map.of(StorageArguments.name(name), StorageArguments.value(value)));
    }

    @Override
    public void putAll(StorageNamespace namespace, Map<String, SecretBytes> entries) {
        Objects.requireNonNull(namespace, "namespace");
        Map<String, SecretBytes> checked = StorageArguments.entries(entries);
        if (checked.isEmpty()) {
            return;
        }
        guarded("write", () -> {
            byte[] ns = cipher.namespaceTag(namespace);
            List<byte[][]> rows = checked.entrySet().stream()
                    .map(entry -> sealRow(ns, entry.getKey(), entry.getValue())).toList();
            return jdbi.inTransaction(handle -> {
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
                return null;
            });
        });
    }

    /** @return the name tag, the sealed name and the sealed value */
    private byte[][] sealRow(byte[] ns, String name, SecretBytes value) {
        byte[] tag = cipher.nameTag(ns, name);
        byte[] plain = value.copyBytes(InsecureSecretAccess.get());
        try {
            return new byte[][] {tag,
                cipher.seal(RecordCipher.PURPOSE_NAME, ns, tag, name.getBytes(StandardCharsets.UTF_8)),
                cipher.seal(RecordCipher.PURPOSE_VALUE, ns, tag, plain)};
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    @Override
    public boolean delete(StorageNamespace namespace, String name) {
        Objects.requireNonNull(namespace, "namespace");
        return deleteAll(namespace, List.of(StorageArguments.name(name))) > 0;
    }

    @Override
    public int deleteAll(StorageNamespace namespace, Collection<String> names) {
        Objects.requireNonNull(namespace, "namespace");
        Set<String> checked = StorageArguments.names(names);
        if (checked.isEmpty()) {
            return 0;
        }
        return guarded("delete", () -> {
            byte[] ns = cipher.namespaceTag(namespace);
            List<byte[]> tags = checked.stream().map(name -> cipher.nameTag(ns, name)).toList();
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
        });
    }

    @Override
    public int deleteAll(StorageNamespace namespace) {
        Objects.requireNonNull(namespace, "namespace");
        return guarded("delete", () -> {
            byte[] ns = cipher.namespaceTag(namespace);
            return jdbi.inTransaction(handle -> {
                int removed = handle.createUpdate("DELETE FROM entry WHERE ns = ?").bind(0, ns).execute();
                if (removed > 0) {
                    bumpVersion(handle, ns);
                }
                return removed;
            });
        });
    }

    @Override
    public Set<String> names(StorageNamespace namespace) {
        Objects.requireNonNull(namespace, "namespace");
        return guarded("list", () -> {
            byte[] ns = cipher.namespaceTag(namespace);
            List<byte[][]> rows = jdbi.withHandle(handle -> handle
                    .createQuery("SELECT name, sealed_name FROM entry WHERE ns = ?").bind(0, ns)
                    .map((rs, ctx) -> new byte[][] {rs.getBytes(1), rs.getBytes(2)}).list());
            Set<String> names = new HashSet<>();
            for (byte[][] row : rows) {
                names.add(new String(cipher.open(RecordCipher.PURPOSE_NAME, ns, row[0], row[1]), StandardCharsets.UTF_8));
            }
            return Set.copyOf(names);
        });
    }

    /**
     * Runs {@code action} in the namespace's exclusive section: an OS lock on one byte of the sidecar lock file
     * ({@code <database>.lock}, created mode 0600 at the first section), at a position derived from the keyed
     * namespace tag, behind a JVM-wide in-process lock (see {@link LockFile}). {@link #close()} waits for
     * sections in progress.
     */
    @Override
    public <T> T exclusive(StorageNamespace namespace, Duration maxWait, Supplier<T> action) {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(action, "action");
        ExclusiveSections.checkWait(maxWait);
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new StorageUnavailableException("the SQLite token store is closed");
            }
            return lockFile.run(LockFile.position(cipher.namespaceTag(namespace), 1), maxWait, action);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Reads the namespace's row of {@code ns_version}, which every write transaction that changes the namespace
     * increments (0 if it never changed since the file was created or migrated to schema version 2). One
     * prepared statement on a connection of its own, so a warm call costs about a microsecond of SQLite.
     */
    @Override
    public long version(StorageNamespace namespace) {
        Objects.requireNonNull(namespace, "namespace");
        return guarded("read the version", () -> versionReader.read(cipher.namespaceTag(namespace)));
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

    /**
     * Closes the pooled connections, stops using the lock file and wipes the derived keys; later calls throw
     * {@link StorageUnavailableException}. Waits for calls and exclusive sections in progress.
     *
     * @throws IllegalStateException if called from inside one of this storage's exclusive sections
     */
    @Override
    public void close() {
        if (lifecycle.getReadHoldCount() > 0) {
            throw new IllegalStateException("cannot close the SQLite token store from inside its own call or section");
        }
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            cipher.destroy();
            lockFile.release();
            versionReader.close();
            connections.close();
        } catch (SQLException e) {
            throw new StorageUnavailableException("closing the SQLite token store failed", e);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private <T> T guarded(String action, Supplier<T> call) {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new StorageUnavailableException("the SQLite token store is closed");
            }
            return call.get();
        } catch (JdbiException e) {
            throw SqliteErrors.map(action, e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "SqliteSecureStorage[" + fileName + "]";
    }
}
