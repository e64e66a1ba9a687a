package org.opentokens.powerauth.token.adapter.storage.postgres;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.opentokens.powerauth.token.adapter.storage.internal.RecordCipher;
import org.opentokens.powerauth.token.adapter.storage.internal.SealedRowStorage;
import org.opentokens.powerauth.token.domain.error.StorageUnavailableException;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/**
 * {@link SecureStorage} in PostgreSQL tables, encrypted at rest ({@link RecordCipher}), for a fleet of service
 * replicas that share one activation: any number of threads, processes and machines may open the same tables with
 * the same key. Open it with {@link #builder(DataSource)} over the host's connection pool.
 *
 * <p>Every write is one READ COMMITTED transaction that also moves the namespace's {@link #version} row; one aborted
 * by a concurrent transaction is retried up to {@value #ATTEMPTS} times in all. {@link #exclusive} is an advisory
 * lock the database drops when its holder's session ends ({@link PostgresSections}) and needs a second pooled
 * connection. Errors: {@link StorageUnavailableException} (unreachable, no privileges, missing or too-new tables),
 * {@link org.opentokens.powerauth.token.domain.error.StorageLockedException} (wrong key),
 * {@link org.opentokens.powerauth.token.domain.error.StorageCorruptException} (an altered row). Thread-safe;
 * {@link #close()} wipes its keys and waits for calls in progress, leaving the {@link DataSource} open. Tables and
 * guarantees in detail: {@code docs/storage-design.md}.
 */
public final class PostgresSecureStorage implements SecureStorage, AutoCloseable {
    private final SealedRowStorage sealed;
    static final int ATTEMPTS = 3;

    private final Jdbi jdbi;
    private final PostgresTables tables;
    private final byte[] storeId;
    private final String storeIdHex;
    private final PostgresSections sections;
    private final String selectValue;
    private final String selectNames;
    private final String upsert;
    private final String deleteRow;
    private final String deleteNamespace;
    private final String selectVersion;
    private final String bump;

    PostgresSecureStorage(Jdbi jdbi, PostgresTables tables, RecordCipher cipher, byte[] storeId,
            PostgresSections sections) {
        this.jdbi = jdbi;
        this.tables = tables;
        this.storeId = storeId.clone();
        this.storeIdHex = HexFormat.of().formatHex(storeId);
        this.sections = sections;
        String entry = tables.name("entry");
        String nsVersion = tables.name("ns_version");
        this.selectValue = "SELECT sealed_value FROM " + entry + " WHERE ns = ? AND name = ?";
        this.selectNames = "SELECT name, sealed_name FROM " + entry + " WHERE ns = ?";
        this.upsert = "INSERT INTO " + entry + " (ns, name, sealed_name, sealed_value) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (ns, name) DO UPDATE SET sealed_name = excluded.sealed_name,"
                + " sealed_value = excluded.sealed_value";
        this.deleteRow = "DELETE FROM " + entry + " WHERE ns = ? AND name = ?";
        this.deleteNamespace = "DELETE FROM " + entry + " WHERE ns = ?";
        this.selectVersion = "SELECT version FROM " + nsVersion + " WHERE ns = ?";
        this.bump = "INSERT INTO " + nsVersion + " AS v (ns, version) VALUES (?, 1)"
                + " ON CONFLICT (ns) DO UPDATE SET version = v.version + 1";
        this.sealed = new SealedRowStorage(cipher, "PostgreSQL token store", new Rows());
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

    /** The rows in PostgreSQL, for the sealed-row core. */
    private final class Rows implements SealedRowStorage.Backend {
        @Override
        public Optional<byte[]> readValue(byte[] ns, byte[] tag) {
            return jdbi.withHandle(handle -> handle.createQuery(selectValue).bind(0, ns).bind(1, tag)
                    .mapTo(byte[].class).findOne());
        }

        @Override
        public List<byte[][]> readNames(byte[] ns) {
            return jdbi.withHandle(handle -> handle.createQuery(selectNames).bind(0, ns)
                    .map((rs, ctx) -> new byte[][] {rs.getBytes(1), rs.getBytes(2)}).list());
        }

        /** Rows in tag order: concurrent batches then lock rows in one order and do not deadlock each other. */
        @Override
        public void writeRows(byte[] ns, List<byte[][]> rows) {
            List<byte[][]> sorted = rows.stream().sorted(Comparator.comparing(row -> row[0], Arrays::compareUnsigned))
                    .toList();
            inTransaction(handle -> {
                PreparedBatch batch = handle.prepareBatch(upsert);
                for (byte[][] row : sorted) {
                    batch.bind(0, ns).bind(1, row[0]).bind(2, row[1]).bind(3, row[2]).add();
                }
                batch.execute();
                return handle.createUpdate(bump).bind(0, ns).execute();
            });
        }

        @Override
        public int deleteRows(byte[] ns, List<byte[]> tags) {
            List<byte[]> sorted = tags.stream().sorted(Arrays::compareUnsigned).toList();
            return inTransaction(handle -> {
                PreparedBatch batch = handle.prepareBatch(deleteRow);
                sorted.forEach(tag -> batch.bind(0, ns).bind(1, tag).add());
                int removed = Arrays.stream(batch.execute()).sum();
                if (removed > 0) {
                    handle.createUpdate(bump).bind(0, ns).execute();
                }
                return removed;
            });
        }

        @Override
        public int deleteNamespace(byte[] ns) {
            return inTransaction(handle -> {
                int removed = handle.createUpdate(deleteNamespace).bind(0, ns).execute();
                if (removed > 0) {
                    handle.createUpdate(bump).bind(0, ns).execute();
                }
                return removed;
            });
        }

        /** Reads the namespace's row of {@code ns_version}: one indexed read. */
        @Override
        public long readVersion(byte[] ns) {
            return jdbi.withHandle(handle -> handle.createQuery(selectVersion).bind(0, ns).mapTo(Long.class).findOne()
                    .orElse(0L));
        }

        /**
         * The section: the advisory lock whose number is 64 bits of the namespace tag mixed with the store id (so
         * another store's sections in the same database never collide), held on a connection of its own.
         */
        @Override
        public <T> T runExclusive(byte[] ns, Duration maxWait, Supplier<T> action) {
            long lock = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                lock = (lock << 8) | ((ns[i] ^ storeId[i]) & 0xff);
            }
            return sections.run(storeIdHex, lock, maxWait, action);
        }

        @Override
        public RuntimeException backendFailure(String action, RuntimeException failure) {
            return failure instanceof JdbiException ? PostgresErrors.map(action, failure) : failure;
        }

        /** Nothing to release: connections go back to the host's pool after every call. */
        @Override
        public void closeBackend() {
            // the DataSource is the host's
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

    @Override
    public String toString() {
        return "PostgresSecureStorage[" + tables.describe() + "]";
    }
}
