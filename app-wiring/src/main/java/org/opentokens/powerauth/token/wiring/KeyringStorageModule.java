package org.opentokens.powerauth.token.wiring;

import com.google.inject.Exposed;
import com.google.inject.PrivateModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.Objects;
import org.opentokens.powerauth.token.adapter.storage.keyring.KeyringSecureStorage;
import org.opentokens.powerauth.token.port.out.SecureStorage;

/**
 * Storage in the OS keychain (Secret Service, macOS Keychain, Windows Credential Manager), one item per instance
 * under {@code service}, rewritten atomically. <b>Exposes</b> {@link SecureStorage}, a singleton opened on first use,
 * so a missing or locked keychain surfaces as a {@link org.opentokens.powerauth.token.domain.error.StorageException}
 * from the first storage call. <b>Requires</b> nothing; install one storage module per injector, next to
 * {@link PowerAuthTokenModule}. Use one process per service name; for several, use {@link SqliteStorageModule} with
 * the keychain as key source.
 */
public final class KeyringStorageModule extends PrivateModule {
    private final String service;

    /** @param service the keychain service name: 1 to 100 of {@code A-Z a-z 0-9 . _ -} */
    public KeyringStorageModule(String service) {
        this.service = Objects.requireNonNull(service, "service");
        if (!service.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("keychain service name must be 1 to 100 of A-Z a-z 0-9 . _ -");
        }
    }

    @Override
    protected void configure() {
        // The storage is bound by the @Provides method below.
    }

    @Provides
    @Singleton
    @Exposed
    SecureStorage storage() {
        return new LazySecureStorage(() -> KeyringSecureStorage.open(service), "keychain " + service);
    }

    @Override
    public String toString() {
        return "KeyringStorageModule[" + service + "]";
    }
}
