package org.opentokens.powerauth.token.adapter.storage.inmemory;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.internal.out.ExclusiveSections;
import org.opentokens.powerauth.token.port.internal.out.StorageArguments;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/**
 * {@link SecureStorage} in the JVM heap; nothing survives the process, and it never throws a
 * {@link org.opentokens.powerauth.token.domain.error.StorageException}. Every operation, reads included, runs inside
 * {@link ConcurrentHashMap#compute} for its namespace, which makes batches atomic and lets replaced values be zeroed
 * (best effort, as {@link SecretBytes#destroy()}) since no stored array leaves it. Thread-safe; each object is a store
 * of its own, shared by the threads of one process only; {@link #exclusive} is a fair in-process lock per namespace.
 */
public final class InMemorySecureStorage implements SecureStorage {
    private final ConcurrentHashMap<StorageNamespace, Map<String, byte[]>> namespaces = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<StorageNamespace, Long> versions = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();
    private final ExclusiveSections<StorageNamespace> sections = new ExclusiveSections<>();

    /** Creates an empty storage. */
    public InMemorySecureStorage() {
        // empty
    }

    @Override
    public Optional<SecretBytes> get(StorageNamespace namespace, String name) {
        Objects.requireNonNull(namespace, "namespace");
        StorageArguments.name(name);
        return inNamespace(namespace, entries -> {
            byte[] stored = entries.get(name);
            return stored == null ? Optional.empty() : Optional.of(SecretBytes.copyOf(stored));
        });
    }

    @Override
    public void put(StorageNamespace namespace, String name, SecretBytes value) {
        Objects.requireNonNull(namespace, "namespace");
        StorageArguments.name(name);
        byte[] copy = copyOf(StorageArguments.value(value));
        changeNamespace(namespace, entries -> {
            wipe(entries.put(name, copy));
            return null;
        });
    }

    @Override
    public void putAll(StorageNamespace namespace, Map<String, SecretBytes> entries) {
        Objects.requireNonNull(namespace, "namespace");
        Map<String, SecretBytes> checked = StorageArguments.entries(entries);
        Map<String, byte[]> copies = new HashMap<>();
        try {
            for (Map.Entry<String, SecretBytes> entry : checked.entrySet()) {
                copies.put(entry.getKey(), copyOf(entry.getValue()));
            }
        } catch (RuntimeException e) {
            copies.values().forEach(InMemorySecureStorage::wipe);
            throw e;
        }
        if (copies.isEmpty()) {
            return;
        }
        changeNamespace(namespace, stored -> {
            copies.forEach((name, copy) -> wipe(stored.put(name, copy)));
            return null;
        });
    }

    @Override
    public boolean delete(StorageNamespace namespace, String name) {
        Objects.requireNonNull(namespace, "namespace");
        StorageArguments.name(name);
        return changeNamespace(namespace, entries -> {
            byte[] removed = entries.remove(name);
            wipe(removed);
            return removed != null;
        });
    }

    @Override
    public int deleteAll(StorageNamespace namespace, Collection<String> names) {
        Objects.requireNonNull(namespace, "namespace");
        Set<String> checked = StorageArguments.names(names);
        if (checked.isEmpty()) {
            return 0;
        }
        return changeNamespace(namespace, entries -> {
            int removed = 0;
            for (String name : checked) {
                byte[] value = entries.remove(name);
                if (value != null) {
                    wipe(value);
                    removed++;
                }
            }
            return removed;
        });
    }

    @Override
    public int deleteAll(StorageNamespace namespace) {
        Objects.requireNonNull(namespace, "namespace");
        return changeNamespace(namespace, entries -> {
            int removed = entries.size();
            entries.values().forEach(InMemorySecureStorage::wipe);
            entries.clear();
            return removed;
        });
    }

    @Override
    public Set<String> names(StorageNamespace namespace) {
        Objects.requireNonNull(namespace, "namespace");
        return inNamespace(namespace, entries -> Set.copyOf(entries.keySet()));
    }

    @Override
    public <T> T exclusive(StorageNamespace namespace, Duration maxWait, Supplier<T> action) {
        Objects.requireNonNull(namespace, "namespace");
        return sections.run(namespace, maxWait, null, action);
    }

    @Override
    public long version(StorageNamespace namespace) {
        Objects.requireNonNull(namespace, "namespace");
        return versions.getOrDefault(namespace, 0L);
    }

    @Override
    public String toString() {
        return "InMemorySecureStorage[" + namespaces.size() + " namespaces]";
    }

    /**
     * Runs {@code action} on the namespace's entries while holding its {@code compute} lock, and drops the
     * namespace from the map when it ends up empty.
     */
    private <T> T inNamespace(StorageNamespace namespace, Function<Map<String, byte[]>, T> action) {
        Result<T> result = new Result<>();
        namespaces.compute(namespace, (key, existing) -> {
            Map<String, byte[]> entries = existing == null ? new HashMap<>() : existing;
            result.value = action.apply(entries);
            return entries.isEmpty() ? null : entries;
        });
        return result.value;
    }

    /** Like {@link #inNamespace}, and moves the namespace's version on inside the same critical section. */
    private <T> T changeNamespace(StorageNamespace namespace, Function<Map<String, byte[]>, T> action) {
        return inNamespace(namespace, entries -> {
            T result = action.apply(entries);
            versions.put(namespace, changes.incrementAndGet());
            return result;
        });
    }

    private static byte[] copyOf(SecretBytes value) {
        return value.copyBytes(InsecureSecretAccess.get());
    }

    private static void wipe(byte[] bytes) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static final class Result<T> {
        private T value;
    }
}
