package org.opentokens.powerauth.token.adapter.storage.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.opentokens.powerauth.token.domain.error.StorageException;
import org.opentokens.powerauth.token.domain.error.StorageUnavailableException;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.internal.out.ExclusiveSections;
import org.opentokens.powerauth.token.port.internal.out.StorageArguments;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/**
 * The part of the SQL adapters (SQLite, PostgreSQL) that is not SQL; for the adapters of this module, not for
 * hosts. It checks the arguments, turns namespaces and names into keyed tags and seals and opens the rows with a
 * {@link RecordCipher}, and keeps the life cycle: calls and whole sections hold a read lock, {@link #close()} the
 * write lock, so no call runs on wiped keys. The store's {@link Backend} keeps rows of tags and sealed bytes:
 * each write hook is one transaction that also moves the namespace's version on.
 */
public final class SealedRowStorage implements SecureStorage, AutoCloseable {
    private final RecordCipher cipher;
    private final String label;
    private final Backend backend;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    /**
     * @param cipher the store's unlocked cipher; destroyed by {@link #close()}
     * @param label what the store is called in messages ("SQLite token store")
     * @param backend the store's rows
     */
    public SealedRowStorage(RecordCipher cipher, String label, Backend backend) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.label = Objects.requireNonNull(label, "label");
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    /** What a SQL store does with rows; each write hook is one transaction that moves the version on. */
    public interface Backend {
        /** @return the sealed value in the row of {@code (ns, tag)}, if there is one */
        Optional<byte[]> readValue(byte[] ns, byte[] tag);

        /** @return the name tag and the sealed name of every row of {@code ns} */
        List<byte[][]> readNames(byte[] ns);

        /**
         * Inserts or replaces rows and moves the version of {@code ns} on, in one transaction.
         *
         * @param rows each the name tag, the sealed name and the sealed value; not empty
         */
        void writeRows(byte[] ns, List<byte[][]> rows);

        /** Deletes the rows of these name tags, moving the version on if any existed, in one transaction. */
        int deleteRows(byte[] ns, List<byte[]> tags);

        /** Deletes every row of {@code ns}, moving the version on if any existed, in one transaction. */
        int deleteNamespace(byte[] ns);

        /** @return the version of {@code ns}, 0 if it never changed */
        long readVersion(byte[] ns);

        /** Runs {@code action} in the section of {@code ns} (see {@link SecureStorage#exclusive}). */
        <T> T runExclusive(byte[] ns, Duration maxWait, Supplier<T> action);

        /**
         * @return the typed exception for a failure of the backend's library, or {@code failure} itself if it is none
         */
        RuntimeException backendFailure(String action, RuntimeException failure);

        /** Releases what the store holds besides its keys (connections, lock files); called once, on close. */
        void closeBackend();
    }

    @Override
    public Optional<SecretBytes> get(StorageNamespace namespace, String name) {
        Objects.requireNonNull(namespace, "namespace");
        StorageArguments.name(name);
        return guarded("read", () -> {
            byte[] ns = cipher.namespaceTag(namespace);
            byte[] tag = cipher.nameTag(ns, name);
            return backend.readValue(ns, tag).map(sealed -> cipher.openValue(ns, tag, sealed));
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
            backend.writeRows(ns, checked.entrySet().stream()
                    .map(entry -> cipher.sealEntry(ns, entry.getKey(), entry.getValue())).toList());
            return null;
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
            return backend.deleteRows(ns, checked.stream().map(name -> cipher.nameTag(ns, name)).toList());
        });
    }

    @Override
    public int deleteAll(StorageNamespace namespace) {
        Objects.requireNonNull(namespace, "namespace");
        return guarded("delete", () -> backend.deleteNamespace(cipher.namespaceTag(namespace)));
    }

    @Override
    public Set<String> names(StorageNamespace namespace) {
        Objects.requireNonNull(namespace, "namespace");
        return guarded("list", () -> {
            byte[] ns = cipher.namespaceTag(namespace);
            Set<String> names = new HashSet<>();
            for (byte[][] row : backend.readNames(ns)) {
                names.add(cipher.openName(ns, row[0], row[1]));
            }
            return Set.copyOf(names);
        });
    }

    /** {@inheritDoc} {@link #close()} waits for sections in progress. */
    @Override
    public <T> T exclusive(StorageNamespace namespace, Duration maxWait, Supplier<T> action) {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(action, "action");
        ExclusiveSections.checkWait(maxWait);
        lifecycle.readLock().lock();
        try {
            checkOpen();
            return backend.runExclusive(cipher.namespaceTag(namespace), maxWait, action);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    @Override
    public long version(StorageNamespace namespace) {
        Objects.requireNonNull(namespace, "namespace");
        return guarded("read the version", () -> backend.readVersion(cipher.namespaceTag(namespace)));
    }

    /**
     * Wipes the derived keys and releases the backend ({@link #backend.closeBackend()}); later calls throw
     * {@link StorageUnavailableException}. Waits for calls and exclusive sections in progress. Idempotent.
     *
     * @throws IllegalStateException if called from inside one of this storage's calls or exclusive sections
     */
    @Override
    public void close() {
        if (lifecycle.getReadHoldCount() > 0) {
            throw new IllegalStateException("cannot close the " + label + " from inside its own call or section");
        }
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            cipher.destroy();
            backend.closeBackend();
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private <T> T guarded(String action, Supplier<T> call) {
        lifecycle.readLock().lock();
        try {
            checkOpen();
            return call.get();
        } catch (StorageException e) {
            throw e;
        } catch (RuntimeException e) {
            throw backend.backendFailure(action, e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new StorageUnavailableException("the " + label + " is closed");
        }
    }
}
