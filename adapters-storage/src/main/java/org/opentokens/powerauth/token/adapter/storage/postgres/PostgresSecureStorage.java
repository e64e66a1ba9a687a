package org.opentokens.powerauth.token.adapter.storage.postgres;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.opentokens.powerauth.token.adapter.storage.RecordCipher;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.ExclusiveSections;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.StorageArguments;
import org.opentokens.powerauth.token.port.out.StorageNamespace;
import org.opentokens.powerauth.token.port.out.StorageUnavailableException;

/**
 * {@link SecureStorage} in PostgreSQL tables, encrypted at rest, for a fleet of service replicas that share one
 * activation. Open it with {@link #builder(DataSource)} over the host's connection pool.
 *
 * <p><b>What is stored.</b> The same as in the SQLite adapter: per entry a keyed HMAC tag of the namespace, a
 * keyed tag of the name, and the name and the value each sealed with AES-256-GCM, bound to their row by both tags
 * ({@link RecordCipher}); the key comes from a {@link org.opentokens.powerauth.token.adapter.storage.StorageKeySource}.
 * A database administrator, a dump or a backup sees no namespace id, name or value, and a value moved to another
 * row or altered does not open ({@link org.opentokens.powerauth.token.port.out.StorageCorruptException}). Tables
 * (in the configured schema, names starting with the configured prefix, {@code powerauth_token_} by default):
 * {@code schema_version}, {@code meta} (key method, parameters, key check, store id), {@code entry} and
 * {@code ns_version} (per namespace tag, the count of changes, in the clear).
 *
 * <p><b>Guarantees.</b> Every call is one statement or one transaction (READ COMMITTED), and every write also moves
 * the namespace's version row on in the same transaction, so batches are atomic for every replica and a version
 * never runs ahead of or behind its data. A transaction that PostgreSQL aborts because of a concurrent one
 * (serialization failure, deadlock) had no effect and is retried up to {@value #ATTEMPTS} times in all; any other
 * failure, including a lost connection during commit, is reported: the write then took effect completely or not
 * at all.
 *
 * <p><b>Change signal.</b> {@link #version} reads the namespace's row of {@code ns_version}: a version row, not
 * {@code LISTEN/NOTIFY}. One indexed read per call; the client reads it at most once per header refresh interval
 * on the header path.
 *
 * <p><b>Exclusive sections.</b> A transaction-scoped advisory lock per namespace on a connection of its own,
 * held for the action (see {@link PostgresSecureStorageBuilder#sectionSessionTimeout}). The database releases it
 * when the holder's session ends, so a replica that dies or is cut off blocks the others for at most the caller's
 * wait plus the section session timeout. A section needs a second pooled connection for the calls inside it.
 *
 * <p><b>Sharing.</b> Any number of threads, storage objects, processes and machines that reach the same database
 * and open the same tables with the same key.
 *
 * <p><b>Errors.</b> An unreachable database, a refused login, missing privileges, missing or too-new tables give
 * {@link StorageUnavailableException}; a key that does not open the store gives
 * {@link org.opentokens.powerauth.token.port.out.StorageLockedException}; a damaged or altered row gives
 * {@link org.opentokens.powerauth.token.port.out.StorageCorruptException}.
 *
 * <p>Thread-safe. {@link #close()} wipes its keys; the host's {@link DataSource} stays open.
 */
public final class PostgresSecureStorage implements SecureStorage, AutoCloseable {
    static final int ATTEMPTS = 3;

    private final Jdbi jdbi;
    private final PostgresTables tables;
    private final RecordCipher cipher;
    private final byte[] storeId;
    private final String storeIdHex;
    private final PostgresSections sections;
    private final String upsert;
    private final String bump;
    /** Calls and whole sections hold the read lock, {@link #close()} the write lock: no call runs on wiped keys. */
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    PostgresSecureStorage(Jdbi jdbi, PostgresTables tables, RecordCipher cipher, byte[] storeId,
            PostgresSections sections) {
        this.jdbi = jdbi;
        this.tables = tables;
        this.cipher = cipher;
        this.storeId = storeId.clone();
        this.storeIdHex = HexFormat.of().formatHex(storeId);
        this.sections = sections;
        this.upsert = "INSERT INTO " + tables.name("entry") + " (ns, name, sealed_name, sealed_value)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (ns, name) DO UPDATE SET sealed_name = excluded.sealed_name,"
                + " sealed_value = excluded.sealed_value";
        this.bump = "INSERT INTO " + tables.name("ns_version") + " AS v (ns, version) VALUES (?, 1)"
                + " ON CONFLICT (ns) DO UPDATE SET version = v.version + 1";
    }

    /**
     * @param dataSource the host's pool of connections to the database (HikariCP or any other); it must allow at
     *     least two connections per concurrently used namespace (one holds a section, one serves the calls in it)
     * @return a builder
     */
    public static PostgresSecureStorageBuilder builder(DataSource dataSource) {
        return new PostgresSecureStorageBuilder(dataSource);
    }

    @Override
    public Optional<SecretBytes> get(StorageNamespace namespace, String name) {
        Objects.requireNonNull(namespace, "namespace");
        StorageArguments.name(name);
        return guarded("read", () -> {
            byte[] ns = cipher.namespaceTag(namespace);
            byte[] tag = cipher.nameTag(ns, name);
            Optional<byte[]> sealed = jdbi.withHandle(handle -> handle
                    .createQuery("SELECT sealed_value FROM " + tables.name("entry") + " WHERE ns = ? AND name = ?")
                    .bind(0, ns).bind(1, tag).mapTo(byte[].class).findOne());
            return sealed.map(bytes -> cipher.openValue(ns, tag, bytes));
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
            // Sorted by tag: concurrent batches then lock rows in one order and do not deadlock each other.
            List<byte[][]> rows = checked.entrySet().stream()
                    .map(entry -> cipher.sealEntry(ns, entry.getKey(), entry.getValue()))
                    .sorted(Comparator.comparing(row -> row[0], Arrays::compareUnsigned)).toList();
            return inTransaction(handle -> {
                PreparedBatch batch = handle.prepareBatch(upsert);
                for (byte[][] row : rows) {
                    batch.bind(0, ns).bind(1, row[0]).bind(2, row[1]).bind(3, row[2]).add();
                }
                batch.execute();
                handle.createUpdate(bump).bind(0, ns).execute();
                return null;
            });
        });
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
            List<byte[]> tags = checked.stream().map(name -> cipher.nameTag(ns, name))
                    .sorted(Arrays::compareUnsigned).toList();
            return inTransaction(handle -> {
                PreparedBatch batch = handle.prepareBatch("DELETE FROM " + tables.name("entry")
                        + " WHERE ns = ? AND name = ?");
                for (byte[] tag : tags) {
                    batch.bind(0, ns).bind(1, tag).add();
                }
                int removed = Arrays.stream(batch.execute()).sum();
                if (removed > 0) {
                    handle.createUpdate(bump).bind(0, ns).execute();
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
            return inTransaction(handle -> {
                int removed = handle.createUpdate("DELETE FROM " + tables.name("entry") + " WHERE ns = ?")
                        .bind(0, ns).execute();
                if (removed > 0) {
                    handle.createUpdate(bump).bind(0, ns).execute();
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
                    .createQuery("SELECT name, sealed_name FROM " + tables.name("entry") + " WHERE ns = ?").bind(0, ns)
                    .map((rs, ctx) -> new byte[][] {rs.getBytes(1), rs.getBytes(2)}).list());
            Set<String> names = new HashSet<>();
            for (byte[][] row : rows) {
                names.add(cipher.openName(ns, row[0], row[1]));
            }
            return Set.copyOf(names);
        });
    }

    /**
     * Runs {@code action} holding the namespace's advisory lock (a number derived from the store id and the keyed
     * namespace tag) on a connection of its own; see the class comment. {@link #close()} waits for sections in
     * progress.
     */
    @Override
    public <T> T exclusive(StorageNamespace namespace, Duration maxWait, Supplier<T> action) {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(action, "action");
        ExclusiveSections.checkWait(maxWait);
        lifecycle.readLock().lock();
        try {
            checkOpen();
            return sections.run(storeIdHex, lockNumber(cipher.namespaceTag(namespace)), maxWait, action);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** @return 64 bits of the namespace tag mixed with the store id: another store's sections never collide */
    private long lockNumber(byte[] namespaceTag) {
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << 8) | ((namespaceTag[i] ^ storeId[i]) & 0xff);
        }
        return value;
    }

    /** Reads the namespace's row of {@code ns_version}; 0 if the namespace never changed. */
    @Override
    public long version(StorageNamespace namespace) {
        Objects.requireNonNull(namespace, "namespace");
        return guarded("read the version", () -> {
            byte[] ns = cipher.namespaceTag(namespace);
            return jdbi.withHandle(handle -> handle
                    .createQuery("SELECT version FROM " + tables.name("ns_version") + " WHERE ns = ?").bind(0, ns)
                    .mapTo(Long.class).findOne().orElse(0L));
        });
    }

    /** Wipes the derived keys; later calls throw {@link StorageUnavailableException}. Waits for calls in progress. */
    @Override
    public void close() {
        if (lifecycle.getReadHoldCount() > 0) {
            throw new IllegalStateException("cannot close the PostgreSQL token store from inside its own call or section");
        }
        lifecycle.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                cipher.destroy();
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    /** One write transaction, run again when PostgreSQL aborted it for a concurrent one (it then had no effect). */
    private <T> T inTransaction(HandleCallback<T, RuntimeException> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return jdbi.inTransaction(work);
            } catch (JdbiException e) {
                if (attempt >= ATTEMPTS || !PostgresErrors.retryable(e)) {
                    throw e;
                }
            }
        }
    }

    private <T> T guarded(String action, Supplier<T> call) {
        lifecycle.readLock().lock();
        try {
            checkOpen();
            return call.get();
        } catch (JdbiException e) {
            throw PostgresErrors.map(action, e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new StorageUnavailableException("the PostgreSQL token store is closed");
        }
    }

    @Override
    public String toString() {
        return "PostgresSecureStorage[" + tables.describe() + "]";
    }
}
