package org.opentokens.powerauth.token.wiring;

import com.google.inject.PrivateModule;
import java.util.Objects;
import javax.sql.DataSource;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySource;
import org.opentokens.powerauth.token.adapter.storage.postgres.PostgresSecureStorage;
import org.opentokens.powerauth.token.adapter.storage.postgres.PostgresSecureStorageBuilder;
import org.opentokens.powerauth.token.port.out.SecureStorage;

/**
 * Persistent storage in PostgreSQL tables, shared by every replica that opens the same tables with the same key from
 * the given {@link StorageKeySource}; records encrypted with AES-256-GCM. <b>Exposes</b> {@link SecureStorage}, a
 * singleton over a {@link PostgresSecureStorage} opened (tables created or migrated, store unlocked) on first use, so
 * an unreachable database or a wrong key surfaces as a {@link org.opentokens.powerauth.token.domain.error.StorageException}
 * from the first storage call. <b>Requires</b> nothing: the host hands in its {@link DataSource} or a configured
 * {@link PostgresSecureStorageBuilder}. Install one storage module per injector, next to {@link PowerAuthTokenModule}.
 */
public final class PostgresStorageModule extends PrivateModule {
    private final PostgresSecureStorageBuilder builder;

    /**
     * Tables named {@code powerauth_token_*} in the connections' current schema, created at first use.
     *
     * @param dataSource the host's connection pool; it stays the host's to close
     * @param keySource where the store's key comes from (every replica needs the same key)
     */
    public PostgresStorageModule(DataSource dataSource, StorageKeySource keySource) {
        this(PostgresSecureStorage.builder(dataSource).keySource(keySource));
    }

    /**
     * @param builder a builder with the key source and any schema, table prefix, migration or section settings
     */
    public PostgresStorageModule(PostgresSecureStorageBuilder builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    /** Binds and exposes one {@link LazySecureStorage}: nothing is opened until the first storage call. */
    @Override
    protected void configure() {
        bind(SecureStorage.class).toInstance(new LazySecureStorage(
                () -> builder.randomSource(SharedRandomSource.INSTANCE).open(), "PostgreSQL"));
        expose(SecureStorage.class);
    }

    @Override
    public String toString() {
        return "PostgresStorageModule";
    }
}
