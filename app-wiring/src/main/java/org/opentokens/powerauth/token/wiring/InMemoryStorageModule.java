package org.opentokens.powerauth.token.wiring;

import com.google.inject.Exposed;
import com.google.inject.PrivateModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.opentokens.powerauth.token.adapter.storage.inmemory.InMemorySecureStorage;
import org.opentokens.powerauth.token.port.out.SecureStorage;

/**
 * Volatile storage: everything is lost when the JVM exits. For tests, demos and short-lived tools.
 *
 * <p><b>Exposes</b> {@link SecureStorage} (a singleton {@link InMemorySecureStorage}). <b>Requires</b> nothing.
 * Install exactly one storage module per injector, next to {@link PowerAuthTokenModule}.
 */
public final class InMemoryStorageModule extends PrivateModule {

    /** Creates the module; the storage is created with the injector. */
    public InMemoryStorageModule() {
        // Nothing to configure.
    }

    @Override
    protected void configure() {
        // The storage is bound by the @Provides method below.
    }

    @Provides
    @Singleton
    @Exposed
    SecureStorage storage() {
        return new InMemorySecureStorage();
    }
}
