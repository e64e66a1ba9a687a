package org.opentokens.powerauth.token.adapter.storage.keyring;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.StorageArguments;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/**
 * {@link SecureStorage} in the OS keychain: the Secret Service on Linux (libsecret through JNA), the login
 * keychain on macOS and the Credential Manager on Windows (both through java-keyring). Open it with
 * {@link #open(String)} or {@link #builder(String)}.
 *
 * <p><b>Layout.</b> A keychain has no transactions and no listing, so each namespace is <em>one</em> keychain
 * item (service = the configured service name, account = {@code ns:} + Base64url of the namespace id) whose
 * value is the whole serialized namespace ({@link NamespaceCodec}). Every change rewrites that one item, which
 * the keychain replaces atomically: a crash leaves the namespace as it was before or after the call, never a
 * phantom or half-written entry. On keychains with small items (Windows: 2560 bytes per credential) a large
 * namespace is split over chunk items behind the same atomic head ({@link ItemLayout}). Chunk items that a
 * crash left unreferenced are never read; the next chunked write to their slot and every wipe of the namespace
 * ({@link #deleteAll(StorageNamespace)}, or removing its last entry) delete them.
 *
 * <p><b>Concurrency.</b> Calls on one namespace are serialized inside this object. Two processes writing the
 * same namespace at once may lose one of the two updates (last writer wins for the whole namespace) but never
 * tear it; use one process per service name, or the SQLite adapter, when several processes write.
 *
 * <p><b>Errors.</b> No session bus, no Secret Service, no library, no keychain collection:
 * {@link org.opentokens.powerauth.token.port.out.StorageUnavailableException}. A locked collection:
 * {@link org.opentokens.powerauth.token.port.out.StorageLockedException}. A damaged item:
 * {@link org.opentokens.powerauth.token.port.out.StorageCorruptException}. A keychain call that does not return
 * within the builder's call timeout (default 60 s; an unanswered unlock prompt counts) is unavailable, and so is
 * every later keychain call of the process; native calls run on a daemon thread, so the JVM can always exit.
 * Item values never reach messages.
 * Values cross the keychain API as byte arrays (Linux) or Base64 strings (macOS, Windows); copies are wiped
 * where Java allows.
 */
public final class KeyringSecureStorage implements SecureStorage {
    private static final String ACCOUNT_PREFIX = "ns:";

    private final String service;
    private final ItemLayout items;
    private final ConcurrentHashMap<StorageNamespace, ReentrantLock> locks = new ConcurrentHashMap<>();

    KeyringSecureStorage(String service, KeyringBackend backend) {
        this.service = service;
        this.items = new ItemLayout(backend);
    }

    /**
     * Opens the keychain of the current OS ({@link KeyringPlatform#current()}).
     *
     * @param service the service name items are filed under: 1 to 100 of {@code A-Z a-z 0-9 . _ -}
     * @return the storage
     * @throws IllegalArgumentException if the service name is invalid
     * @throws org.opentokens.powerauth.token.port.out.StorageUnavailableException if there is no usable keychain
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
            // Even with no head: a wipe that a crash interrupted may have left chunk items of removed records.
            items.delete(account(namespace), current.head == null ? ItemLayout.Head.NONE : current.head);
            return current.entries.size();
        });
    }

    @Override
    public Set<String> names(StorageNamespace namespace) {
        Objects.requireNonNull(namespace, "namespace");
        return locked(namespace, current -> Set.copyOf(current.entries.keySet()));
    }

    @Override
    public String toString() {
        return "KeyringSecureStorage[" + service + "]";
    }

    /** The namespace as read: its entries and the head to replace ({@code null} if there is no item). */
    private static final class Snapshot {
        final ItemLayout.Head head;
        final Map<String, byte[]> entries;

        Snapshot(ItemLayout.Head head, Map<String, byte[]> entries) {
            this.head = head;
            this.entries = entries;
        }
    }

    private <T> T locked(StorageNamespace namespace, Function<Snapshot, T> action) {
        ReentrantLock lock = locks.computeIfAbsent(namespace, key -> new ReentrantLock());
        lock.lock();
        Snapshot current = null;
        try {
            Optional<ItemLayout.Read> read = items.read(account(namespace));
            current = read.isPresent()
                    ? new Snapshot(read.get().head, decodeAndWipe(read.get().payload))
                    : new Snapshot(null, new TreeMap<>());
            return action.apply(current);
        } finally {
            lock.unlock();
            if (current != null) {
                current.entries.values().forEach(KeyringSecureStorage::wipe);
            }
        }
    }

    private void store(StorageNamespace namespace, Snapshot current) {
        ItemLayout.Head previous = current.head == null ? ItemLayout.Head.NONE : current.head;
        if (current.entries.isEmpty()) {
            items.delete(account(namespace), previous);
            return;
        }
        byte[] payload = NamespaceCodec.encode(current.entries);
        try {
            items.write(account(namespace), "PowerAuth token storage (" + service + ")", payload, previous);
        } finally {
            wipe(payload);
        }
    }

    private static Map<String, byte[]> decodeAndWipe(byte[] payload) {
        try {
            return NamespaceCodec.decode(payload);
        } finally {
            wipe(payload);
        }
    }

    static String account(StorageNamespace namespace) {
        return ACCOUNT_PREFIX + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(namespace.id().getBytes(StandardCharsets.UTF_8));
    }

    private static void wipe(byte[] bytes) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
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
