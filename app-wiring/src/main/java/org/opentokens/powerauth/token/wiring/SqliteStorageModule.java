package org.opentokens.powerauth.token.wiring;

import com.google.inject.Exposed;
import com.google.inject.PrivateModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.nio.file.Path;
import java.util.Objects;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySource;
import org.opentokens.powerauth.token.adapter.storage.sqlite.SqliteSecureStorage;
import org.opentokens.powerauth.token.port.out.SecureStorage;

/**
 * Persistent storage in one SQLite file, every record encrypted with AES-256-GCM under a key from the given
 * {@link StorageKeySource} (a host key, a passphrase or the OS keychain). <b>Exposes</b> {@link SecureStorage}, a
 * singleton over a {@link SqliteSecureStorage} opened on first use, so a wrong key surfaces as a
 * {@link org.opentokens.powerauth.token.domain.error.StorageException} from the first storage call, not at injector
 * creation. <b>Requires</b> nothing; install one storage module per injector, next to {@link PowerAuthTokenModule}.
 * The connection stays open until the JVM exits; to close it earlier, open {@code SqliteSecureStorage.builder(file)}
 * yourself and bind the instance.
 */
public final class SqliteStorageModule extends PrivateModule {
    private final Path file;
    private final StorageKeySource keySource;

    /**
     * @param file the database file; created with mode 0600 if missing
     * @param keySource where the store's key comes from
     */
    public SqliteStorageModule(Path file, StorageKeySource keySource) {
        this.file = Objects.requireNonNull(file, "file");
        this.keySource = Objects.requireNonNull(keySource, "keySource");
    }

    @Override
    protected void configure() {
        // The storage is bound by the @Provides method below.
    }

    @Provides
    @Singleton
    @Exposed
    SecureStorage storage() {
        return new LazySecureStorage(() -> SqliteSecureStorage.builder(file).keySource(keySource)
                .randomSource(SharedRandomSource.INSTANCE).open(), file.getFileName().toString());
    }

    @Override
    public String toString() {
        return "SqliteStorageModule[" + file.getFileName() + "]";
    }
}
