package org.opentokens.powerauth.token.adapter.storage.keyring;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.opentokens.powerauth.token.adapter.storage.internal.LockFile;
import org.opentokens.powerauth.token.domain.error.StorageBusyException;
import org.opentokens.powerauth.token.domain.error.StorageUnavailableException;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.internal.out.ExclusiveSections;
import org.opentokens.powerauth.token.port.internal.out.StorageArguments;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/**
 * {@link SecureStorage} in the OS keychain: the Secret Service on Linux (libsecret through JNA), the login
 * keychain on macOS and the Credential Manager on Windows (both through java-keyring). Open it with
 * {@link #open(String)} or {@link #builder(String)}.
 *
 * <p>A keychain has no transactions, so each namespace is one item holding the whole serialized namespace and its
 * {@link #version}, rewritten atomically ({@link NamespaceCodec}, {@link ItemLayout}). Threads and processes of one
 * user on one machine may share a service name if they use the same lock file ({@link LockFile},
 * {@link KeyringLockFiles}); other machines must not. Errors: no keychain gives
 * {@link org.opentokens.powerauth.token.domain.error.StorageUnavailableException} (so does a call past the
 * builder's call timeout), a locked one {@link org.opentokens.powerauth.token.domain.error.StorageLockedException},
 * a damaged item {@link org.opentokens.powerauth.token.domain.error.StorageCorruptException}. Item values never
 * reach messages. Thread-safe. Layout, locks and timeouts in detail: {@code docs/storage-design.md}.
 */
public final class KeyringSecureStorage implements SecureStorage {
    private static final String ACCOUNT_PREFIX = "ns:";

    private final String service;
    private final ItemLayout items;
    private final LockFile lockFile;
    private final Duration dataLockWait;

    /**
     * @param service the checked service name
     * @param backend the keychain
     * @param lockFile the service's lock file; its directory must exist
     * @param dataLockWait how long a call waits for another process's data lock
     */
    KeyringSecureStorage(String service, KeyringBackend backend, Path lockFile, Duration dataLockWait) {
        this.service = service;
        this.items = new ItemLayout(backend);
        this.lockFile = LockFile.use(lockFile);
        this.dataLockWait = dataLockWait;
    }

    /**
     * Opens the keychain of the current OS ({@link KeyringPlatform#current()}).
     *
     * @param service the service name items are filed under: 1 to 100 of {@code A-Z a-z 0-9 . _ -}
     * @return the storage
     * @throws IllegalArgumentException if the service name is invalid
     * @throws org.opentokens.powerauth.token.domain.error.StorageUnavailableException if there is no usable keychain
     */
    public static KeyringSecureStorage open(String service) {
        return builder(service).open();
    }

    /**
     * @param service the service name items are filed under: 1 to 100 of {@code A-Z a-z 0-9 . _ -}
     * @return a builder, to choose the platform explicitly
     */
    public static KeyringSecureStorageBuilder builder(String service) {
        return new KeyringSecureStorageBuilder(service);
    }

    @Override
    public Optional<SecretBytes> get(StorageNamespace namespace, String name) {
        Objects.requireNonNull(namespace, "namespace");
        StorageArguments.name(name);
        return locked(namespace, current -> {
            byte[] value = current.entries.get(name);
            return value == null ? Optional.empty() : Optional.of(SecretBytes.copyOf(value));
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
        Map<String, byte[]> copies = new TreeMap<>();
        try {
            checked.forEach((name, value) -> copies.put(name, value.copyBytes(InsecureSecretAccess.get())));
        } catch (RuntimeException e) {
            copies.values().forEach(KeyringSecureStorage::wipe);
            throw e;
        }
        locked(namespace, current -> {
            copies.forEach((name, copy) -> wipe(current.entries.put(name, copy)));
            store(namespace, current);
            return null;
        });
    }

    @Override
    public boolean delete(StorageNamespace namespace, String name) {
        Objects.requireNonNull(namespace, "namespace");
        return deleteAll(namespace, Set.of(StorageArguments.name(name))) > 0;
    }

    @Override
    public int deleteAll(StorageNamespace namespace, Collection<String> names) {
        Objects.requireNonNull(namespace, "namespace");
        Set<String> checked = StorageArguments.names(names);
        if (checked.isEmpty()) {
            return 0;
        }
        return locked(namespace, current -> {
            int removed = 0;
            for (String name : checked) {
                byte[] value = current.entries.remove(name);
                if (value != null) {
                    wipe(value);
                    removed++;
                }
            }
            if (removed > 0) {
                store(namespace, current);
            }
            return removed;
        });
    }

    @Override
    public int deleteAll(StorageNamespace namespace) {
        Objects.requireNonNull(namespace, "namespace");
        return locked(namespace, current -> {
            int removed = current.entries.size();
            if (current.head == null) {
                // No head, but a wipe that a crash interrupted may have left chunk items of removed records.
                items.delete(account(namespace), ItemLayout.Head.NONE);
            } else if (removed == 0) {
                items.sweepLeftovers(account(namespace));
            } else {
                current.entries.values().forEach(KeyringSecureStorage::wipe);
                current.entries.clear();
                store(namespace, current);
            }
            return removed;
        });
    }

    @Override
    public Set<String> names(StorageNamespace namespace) {
        Objects.requireNonNull(namespace, "namespace");
        return locked(namespace, current -> Set.copyOf(current.entries.keySet()));
    }

    /**
     * Runs {@code action} holding the namespace's section lock in the lock file (see the class javadoc). Calls
     * made inside take the data lock as usual.
     */
    @Override
    public <T> T exclusive(StorageNamespace namespace, Duration maxWait, Supplier<T> action) {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(action, "action");
        ExclusiveSections.checkWait(maxWait);
        return lockFile.run(sectionPosition(namespace), maxWait, action);
    }

    /** Reads the version from the namespace's item (one keychain read on an inline item), under the data lock. */
    @Override
    public long version(StorageNamespace namespace) {
        Objects.requireNonNull(namespace, "namespace");
        return dataLocked(namespace, () -> {
            Optional<ItemLayout.Read> read = items.read(account(namespace));
            if (read.isEmpty()) {
                return 0L;
            }
            try {
                return NamespaceCodec.version(read.get().payload);
            } finally {
                wipe(read.get().payload);
            }
        });
    }

    /**
     * Deletes every item of the namespace, its version included, as if it had never been written; for tests
     * that must leave a shared keychain as they found it.
     */
    void forget(StorageNamespace namespace) {
        dataLocked(namespace, () -> {
            Optional<ItemLayout.Read> read = items.read(account(namespace));
            read.ifPresent(r -> wipe(r.payload));
            return items.delete(account(namespace), read.map(r -> r.head).orElse(ItemLayout.Head.NONE));
        });
    }

    @Override
    public String toString() {
        return "KeyringSecureStorage[" + service + "]";
    }

    /** The namespace as read: its version, its entries and the head to replace ({@code null} if there is no item). */
    private static final class Snapshot {
        final ItemLayout.Head head;
        final long version;
        final Map<String, byte[]> entries;

        Snapshot(ItemLayout.Head head, long version, Map<String, byte[]> entries) {
            this.head = head;
            this.version = version;
            this.entries = entries;
        }
    }

    private <T> T locked(StorageNamespace namespace, Function<Snapshot, T> action) {
        return dataLocked(namespace, () -> {
            Snapshot current = null;
            try {
                Optional<ItemLayout.Read> read = items.read(account(namespace));
                current = read.isPresent() ? decodeAndWipe(read.get()) : new Snapshot(null, 0, new TreeMap<>());
                return action.apply(current);
            } finally {
                if (current != null) {
                    current.entries.values().forEach(KeyringSecureStorage::wipe);
                }
            }
        });
    }

    private <T> T dataLocked(StorageNamespace namespace, Supplier<T> action) {
        try {
            return lockFile.run(sectionPosition(namespace) + 1, dataLockWait, action);
        } catch (StorageBusyException e) {
            throw new StorageUnavailableException("another process kept this keychain namespace locked for longer than "
                    + dataLockWait.toSeconds() + " s", e);
        }
    }

    /** Writes the namespace back with the next version; an empty one becomes a head with no entries. */
    private void store(StorageNamespace namespace, Snapshot current) {
        ItemLayout.Head previous = current.head == null ? ItemLayout.Head.NONE : current.head;
        byte[] payload = NamespaceCodec.encode(current.version + 1, current.entries);
        try {
            items.write(account(namespace), "PowerAuth token storage (" + service + ")", payload, previous);
        } finally {
            wipe(payload);
        }
        if (current.entries.isEmpty()) {
            items.sweepLeftovers(account(namespace));
        }
    }

    private static Snapshot decodeAndWipe(ItemLayout.Read read) {
        try {
            NamespaceCodec.Decoded decoded = NamespaceCodec.decodeWithVersion(read.payload);
            return new Snapshot(read.head, decoded.version, decoded.entries);
        } finally {
            wipe(read.payload);
        }
    }

    static String account(StorageNamespace namespace) {
        return ACCOUNT_PREFIX + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(namespace.id().getBytes(StandardCharsets.UTF_8));
    }

    /** @return the section lock's byte; the data lock is the next one */
    private static long sectionPosition(StorageNamespace namespace) {
        byte[] id = namespace.id().getBytes(StandardCharsets.UTF_8);
        SHA256Digest digest = new SHA256Digest();
        digest.update(id, 0, id.length);
        byte[] hash = new byte[32];
        digest.doFinal(hash, 0);
        return LockFile.position(hash, 2);
    }

    private static void wipe(byte[] bytes) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
