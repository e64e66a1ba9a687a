package org.opentokens.powerauth.token.port.out;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.opentokens.powerauth.token.domain.error.StorageException;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.internal.out.ExclusiveSections;
import org.opentokens.powerauth.token.port.internal.out.StorageArguments;

/**
 * The {@link SecureStorage} double of the service tests: one lock over a map of maps. It passes
 * {@link SecureStorageContract}, counts writes, and can fail the next mutating calls on demand.
 */
public final class FakeSecureStorage implements SecureStorage {
    private final Map<String, Map<String, byte[]>> data = new HashMap<>();
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicReference<StorageException> failure = new AtomicReference<>();
    private final Map<String, Long> versions = new HashMap<>();
    private final ExclusiveSections<String> sections = new ExclusiveSections<>();
    private long changes;

    /**
     * Makes the next {@code count} mutating calls throw {@code exception} without changing anything.
     *
     * @param count how many calls fail
     * @param exception what they throw
     */
    public void failNextWrites(int count, StorageException exception) {
        failure.set(exception);
        failuresLeft.set(count);
    }

    /** @return how many mutating calls succeeded */
    public int writes() {
        return writes.get();
    }

    /**
     * @param namespace the namespace
     * @return a copy of its raw contents, for assertions
     */
    public synchronized Map<String, SecretBytes> snapshot(StorageNamespace namespace) {
        Map<String, SecretBytes> copy = new HashMap<>();
        data.getOrDefault(namespace.id(), Map.of()).forEach((k, v) -> copy.put(k, SecretBytes.copyOf(v)));
        return copy;
    }

    @Override
    public synchronized Optional<SecretBytes> get(StorageNamespace namespace, String name) {
        check(namespace);
        StorageArguments.name(name);
        byte[] value = data.getOrDefault(namespace.id(), Map.of()).get(name);
        return Optional.ofNullable(value).map(SecretBytes::copyOf);
    }

    @Override
    public synchronized void put(StorageNamespace namespace, String name, SecretBytes value) {
        putAll(namespace, Map.of(StorageArguments.name(name), value));
    }

    @Override
    public synchronized void putAll(StorageNamespace namespace, Map<String, SecretBytes> entries) {
        check(namespace);
        Map<String, SecretBytes> checked = StorageArguments.entries(entries);
        Map<String, byte[]> raw = new HashMap<>();
        checked.forEach((k, v) -> raw.put(k, v.copyBytes(InsecureSecretAccess.get())));
        mutate(namespace);
        data.computeIfAbsent(namespace.id(), k -> new HashMap<>()).putAll(raw);
    }

    @Override
    public synchronized boolean delete(StorageNamespace namespace, String name) {
        return deleteAll(namespace, Set.of(StorageArguments.name(name))) == 1;
    }

    @Override
    public synchronized int deleteAll(StorageNamespace namespace, Collection<String> names) {
        check(namespace);
        Set<String> checked = StorageArguments.names(names);
        mutate(namespace);
        Map<String, byte[]> entries = data.getOrDefault(namespace.id(), new HashMap<>());
        int removed = 0;
        for (String name : checked) {
            if (entries.remove(name) != null) {
                removed++;
            }
        }
        return removed;
    }

    @Override
    public synchronized int deleteAll(StorageNamespace namespace) {
        check(namespace);
        mutate(namespace);
        Map<String, byte[]> removed = data.remove(namespace.id());
        return removed == null ? 0 : removed.size();
    }

    @Override
    public synchronized Set<String> names(StorageNamespace namespace) {
        check(namespace);
        return Set.copyOf(data.getOrDefault(namespace.id(), Map.of()).keySet());
    }

    private void mutate(StorageNamespace namespace) {
        if (failuresLeft.get() > 0 && failuresLeft.getAndDecrement() > 0) {
            throw failure.get();
        }
        writes.incrementAndGet();
        versions.put(namespace.id(), ++changes);
    }

    @Override
    public <T> T exclusive(StorageNamespace namespace, Duration maxWait, Supplier<T> action) {
        check(namespace);
        return sections.run(namespace.id(), maxWait, null, action);
    }

    /**
     * @param namespace the namespace
     * @return how many threads wait to enter its exclusive section now
     */
    public int sectionWaiters(StorageNamespace namespace) {
        return sections.waiting(namespace.id());
    }

    @Override
    public synchronized long version(StorageNamespace namespace) {
        check(namespace);
        return versions.getOrDefault(namespace.id(), 0L);
    }

    private static void check(StorageNamespace namespace) {
        java.util.Objects.requireNonNull(namespace, "namespace");
    }
}
