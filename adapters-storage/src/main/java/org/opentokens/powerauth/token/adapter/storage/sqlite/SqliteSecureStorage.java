package org.opentokens.powerauth.token.adapter.storage.sqlite;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
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
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
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
 * the key method, its non-secret parameters and a key-check value. See {@link RecordCipher}.
 *
 * <p><b>Guarantees.</b> Every write is one {@code BEGIN IMMEDIATE} transaction, so batches are atomic
 * across threads and processes. Several processes may share the file (WAL, {@code busy_timeout}). A crash
 * or a kill leaves every record whole or absent; with {@code synchronous=NORMAL} the last commits before
 * a power loss may be lost, never torn.
 *
 * <p><b>Errors.</b> A damaged, truncated, empty, foreign or too-new file gives
 * {@link org.opentokens.powerauth.token.port.out.StorageCorruptException} at open and is left as it is; a key
 * that does not open the store (wrong key or passphrase, a different key method, a keychain that lost the key)
 * gives {@link org.opentokens.powerauth.token.port.out.StorageLockedException}; I/O failures, lock timeouts
 * and use after {@link #close()} give {@link StorageUnavailableException}.
 *
 * <p>Thread-safe. Close it to release its pooled connections and wipe its keys.
 */
public final class SqliteSecureStorage implements SecureStorage, AutoCloseable {
    private final String fileName;
    private final SqliteConnections connections;
    private final Jdbi jdbi;
    private final RecordCipher cipher;
    /** Operations hold the read lock, {@link #close()} the write lock, so no call runs on wiped keys. */
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    SqliteSecureStorage(String fileName, SqliteConnections connections, Jdbi jdbi, RecordCipher cipher) {
        this.fileName = fileName;
        this.connections = connections;
        this.jdbi = jdbi;
        this.cipher = cipher;
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
        return jdbi;
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
                return removed;
            });
        });
    }

    @Override
    public int deleteAll(StorageNamespace namespace) {
        Objects.requireNonNull(namespace, "namespace");
        return guarded("delete", () -> {
            byte[] ns = cipher.namespaceTag(namespace);
            return jdbi.inTransaction(handle -> handle.createUpdate("DELETE FROM entry WHERE ns = ?").bind(0, ns).execute());
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

    /** Closes the pooled connections and wipes the derived keys; later calls throw {@link StorageUnavailableException}. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            cipher.destroy();
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

    @Override
    public <T> T exclusive(StorageNamespace namespace, java.time.Duration maxWait, java.util.function.Supplier<T> action) {
        // TODO(storage helper): cross-process section
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public long version(StorageNamespace namespace) {
        // TODO(storage helper): change signal
        throw new UnsupportedOperationException("not implemented yet");
    }
}
