package org.opentokens.powerauth.token.wiring;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/**
 * A {@link SecureStorage} that opens its delegate on first use, so building an injector does no I/O. A failed
 * open is not remembered: the next call tries again.
 */
final class LazySecureStorage implements SecureStorage {
    private final Supplier<? extends SecureStorage> opener;
    private final String description;
    private volatile SecureStorage delegate;

    LazySecureStorage(Supplier<? extends SecureStorage> opener, String description) {
        this.opener = opener;
        this.description = description;
    }

    private SecureStorage delegate() {
        SecureStorage current = delegate;
        if (current == null) {
            synchronized (this) {
                current = delegate;
                if (current == null) {
                    current = opener.get();
                    delegate = current;
                }
            }
        }
        return current;
    }

    @Override
    public Optional<SecretBytes> get(StorageNamespace namespace, String name) {
        return delegate().get(namespace, name);
    }

    @Override
    public void put(StorageNamespace namespace, String name, SecretBytes value) {
        delegate().put(namespace, name, value);
    }

    @Override
    public void putAll(StorageNamespace namespace, Map<String, SecretBytes> entries) {
        delegate().putAll(namespace, entries);
    }

    @Override
    public boolean delete(StorageNamespace namespace, String name) {
        return delegate().delete(namespace, name);
    }

    @Override
    public int deleteAll(StorageNamespace namespace, Collection<String> names) {
        return delegate().deleteAll(namespace, names);
    }

    @Override
    public int deleteAll(StorageNamespace namespace) {
        return delegate().deleteAll(namespace);
    }

    @Override
    public Set<String> names(StorageNamespace namespace) {
        return delegate().names(namespace);
    }

    @Override
    public <T> T exclusive(StorageNamespace namespace, Duration maxWait, Supplier<T> action) {
        return delegate().exclusive(namespace, maxWait, action);
    }

    @Override
    public long version(StorageNamespace namespace) {
        return delegate().version(namespace);
    }

    @Override
    public String toString() {
        return "LazySecureStorage[" + description + (delegate == null ? ", not opened" : ", opened") + "]";
    }
}
