package org.opentokens.powerauth.token.wiring.reliability;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.opentokens.powerauth.token.application.internal.instance.InstanceStore;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.record.TokenRecord;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/**
 * A {@link SecureStorage} that tells a listener which token records are written and deleted, and how (one entry,
 * or in bulk as {@code removeAllLocalTokens} does). The library changes token entries under its session lock, so
 * the events arrive in the order the changes happen.
 */
final class RecordingStorage implements SecureStorage {
    /** What happened to one token record. */
    enum Change { STORED, DELETED_ONE, DELETED_IN_BULK }

    /** One change: the token id and name, never the secret. */
    record Event(Change change, String tokenId, String tokenName) {
    }

    private final SecureStorage delegate;
    private final Consumer<Event> listener;

    RecordingStorage(SecureStorage delegate, Consumer<Event> listener) {
        this.delegate = delegate;
        this.listener = listener;
    }

    @Override
    public Optional<SecretBytes> get(StorageNamespace namespace, String name) {
        return delegate.get(namespace, name);
    }

    @Override
    public void put(StorageNamespace namespace, String name, SecretBytes value) {
        delegate.put(namespace, name, value);
        if (isToken(name)) {
            report(Change.STORED, value);
        }
    }

    @Override
    public void putAll(StorageNamespace namespace, Map<String, SecretBytes> entries) {
        delegate.putAll(namespace, entries);
        entries.forEach((name, value) -> {
            if (isToken(name)) {
                report(Change.STORED, value);
            }
        });
    }

    @Override
    public boolean delete(StorageNamespace namespace, String name) {
        Optional<SecretBytes> old = isToken(name) ? delegate.get(namespace, name) : Optional.empty();
        boolean deleted = delegate.delete(namespace, name);
        old.ifPresent(value -> report(Change.DELETED_ONE, value));
        return deleted;
    }

    @Override
    public int deleteAll(StorageNamespace namespace, Collection<String> names) {
        Collection<String> copy = java.util.List.copyOf(names);
        Map<String, SecretBytes> old = new java.util.HashMap<>();
        for (String name : copy) {
            if (isToken(name)) {
                delegate.get(namespace, name).ifPresent(value -> old.put(name, value));
            }
        }
        int deleted = delegate.deleteAll(namespace, copy);
        old.values().forEach(value -> report(Change.DELETED_IN_BULK, value));
        return deleted;
    }

    @Override
    public int deleteAll(StorageNamespace namespace) {
        Map<String, SecretBytes> old = new java.util.HashMap<>();
        for (String name : delegate.names(namespace)) {
            if (isToken(name)) {
                delegate.get(namespace, name).ifPresent(value -> old.put(name, value));
            }
        }
        int deleted = delegate.deleteAll(namespace);
        old.values().forEach(value -> report(Change.DELETED_IN_BULK, value));
        return deleted;
    }

    @Override
    public Set<String> names(StorageNamespace namespace) {
        return delegate.names(namespace);
    }

    private static boolean isToken(String name) {
        return name.startsWith(InstanceStore.TOKEN_ENTRY_PREFIX);
    }

    private void report(Change change, SecretBytes value) {
        try {
            TokenRecord record = TokenRecord.decode(value);
            try {
                listener.accept(new Event(change, record.tokenId().value(), record.tokenName()));
            } finally {
                record.destroy();
            }
        } catch (MalformedDataException e) {
            throw new AssertionError("the library stored an unreadable token record", e);
        }
    }

    @Override
    public <T> T exclusive(StorageNamespace namespace, java.time.Duration maxWait, java.util.function.Supplier<T> action) {
        return delegate.exclusive(namespace, maxWait, action);
    }

    @Override
    public long version(StorageNamespace namespace) {
        return delegate.version(namespace);
    }
}
