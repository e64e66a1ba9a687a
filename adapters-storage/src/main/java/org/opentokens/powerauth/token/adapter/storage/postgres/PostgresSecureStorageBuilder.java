package org.opentokens.powerauth.token.adapter.storage.postgres;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySource;
import org.opentokens.powerauth.token.adapter.storage.internal.RecordCipher;
import org.opentokens.powerauth.token.adapter.storage.internal.sql.JdbiSettings;
import org.opentokens.powerauth.token.port.out.RandomSource;

/**
 * Configures and opens a {@link PostgresSecureStorage}: {@code PostgresSecureStorage.builder(dataSource)
 * .schema("tokens").keySource(keys).randomSource(random).open()}. Hosts that forbid DDL at run time call
 * {@link #migrate()} once at deployment (with a data source that may create tables) and open with
 * {@link #migrateOnOpen(boolean) migrateOnOpen(false)}.
 */
public final class PostgresSecureStorageBuilder {
    /** Default {@link #sectionSessionTimeout}: above a signed call's default connect and request timeouts. */
    public static final Duration DEFAULT_SECTION_SESSION_TIMEOUT = Duration.ofMinutes(2);

    private final DataSource dataSource;
    private String schema;
    private String tablePrefix = PostgresTables.DEFAULT_PREFIX;
    private StorageKeySource keySource;
    private RandomSource random;
    private boolean migrateOnOpen = true;
    private Duration sectionSessionTimeout = DEFAULT_SECTION_SESSION_TIMEOUT;
    private int targetVersion = PostgresSchema.CURRENT_VERSION;
    private List<Function<PostgresTables, List<String>>> migrations = PostgresSchema.MIGRATIONS;

    PostgresSecureStorageBuilder(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * @param schema the schema of the tables (created if missing, when migrating); default: the connection's
     *     current schema, the first of its {@code search_path}
     * @return this builder
     * @throws IllegalArgumentException unless a lower-case SQL identifier ({@code [a-z_][a-z0-9_]*}, at most 63)
     */
    public PostgresSecureStorageBuilder schema(String schema) {
        new PostgresTables(Objects.requireNonNull(schema, "schema"), "");
        this.schema = schema;
        return this;
    }

    /**
     * @param tablePrefix the start of the tables' names; default {@code powerauth_token_}
     * @return this builder
     * @throws IllegalArgumentException unless empty or a lower-case SQL identifier of at most 49 characters
     */
    public PostgresSecureStorageBuilder tablePrefix(String tablePrefix) {
        new PostgresTables(null, Objects.requireNonNull(tablePrefix, "tablePrefix"));
        this.tablePrefix = tablePrefix;
        return this;
    }

    /**
     * @param keySource where the master key comes from (required by {@link #open()})
     * @return this builder
     */
    public PostgresSecureStorageBuilder keySource(StorageKeySource keySource) {
        this.keySource = Objects.requireNonNull(keySource, "keySource");
        return this;
    }

    /**
     * @param random draws GCM nonces and the store id (required by {@link #open()})
     * @return this builder
     */
    public PostgresSecureStorageBuilder randomSource(RandomSource random) {
        this.random = Objects.requireNonNull(random, "random");
        return this;
    }

    /**
     * @param migrateOnOpen whether {@link #open()} creates or migrates the tables (default) or only checks that
     *     {@link #migrate()} did
     * @return this builder
     */
    public PostgresSecureStorageBuilder migrateOnOpen(boolean migrateOnOpen) {
        this.migrateOnOpen = migrateOnOpen;
        return this;
    }

    /**
     * How long a section's connection may stay idle in its transaction before the database ends its session and
     * so releases the section ({@code idle_in_transaction_session_timeout} for that transaction only). This bounds
     * how long a replica that froze or lost the network while holding a section blocks the others (plus their
     * wait). It must exceed the longest action run in a section (a signed call: its connect plus request
     * timeouts), or the database ends a live holder's section. Default 2 minutes.
     *
     * @param timeout at least 1 second, at most 1 day
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public PostgresSecureStorageBuilder sectionSessionTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("section session timeout must be between 1 second and 1 day");
        }
        this.sectionSessionTimeout = timeout;
        return this;
    }

    /** For schema tests: act as if this code's schema version and migration steps were these. */
    PostgresSecureStorageBuilder schemaVersion(int version, List<Function<PostgresTables, List<String>>> steps) {
        this.targetVersion = version;
        this.migrations = steps;
        return this;
    }

    /**
     * Creates the schema and the tables, or migrates them to this library's schema version; safe to run
     * concurrently and again. Needs no key.
     *
     * @throws org.opentokens.powerauth.token.domain.error.StorageUnavailableException if the database cannot be
     *     reached or refuses, or the tables are newer than this library (they are left untouched)
     */
    public void migrate() {
        Jdbi jdbi = jdbi(dataSource);
        PostgresTables tables = tables();
        try {
            PostgresSchema.migrate(jdbi, tables, targetVersion, migrations);
        } catch (JdbiException e) {
            throw PostgresErrors.map("migrate the tables", e);
        }
    }

    /**
     * Migrates the tables (unless {@link #migrateOnOpen(boolean) turned off}), creates the store's key if the
     * tables are new, and unlocks the store with the key source.
     *
     * @return the open storage
     * @throws IllegalStateException if the key source or the random source is missing
     * @throws org.opentokens.powerauth.token.domain.error.StorageUnavailableException if the database cannot be
     *     reached or refuses, or the tables are missing (without migration), older or newer than this library
     * @throws org.opentokens.powerauth.token.domain.error.StorageLockedException if the key source's key does not
     *     open the store
     * @throws org.opentokens.powerauth.token.domain.error.StorageCorruptException if the store's metadata is damaged
     */
    public PostgresSecureStorage open() {
        if (keySource == null || random == null) {
            throw new IllegalStateException("a key source and a random source are required");
        }
        Jdbi jdbi = jdbi(dataSource);
        PostgresTables tables = tables();
        try {
            if (migrateOnOpen) {
                PostgresSchema.migrate(jdbi, tables, targetVersion, migrations);
            } else {
                PostgresSchema.requireCurrent(jdbi, tables, targetVersion);
            }
            PostgresMeta meta = PostgresMeta.readOrCreate(jdbi, tables, keySource, random);
            RecordCipher cipher = RecordCipher.unlock(meta.method, meta.parameters, meta.keyCheck, keySource, random);
            return new PostgresSecureStorage(jdbi, tables, cipher, meta.storeId,
                    new PostgresSections(dataSource, sectionSessionTimeout));
        } catch (JdbiException e) {
            throw PostgresErrors.map("open the store", e);
        }
    }

    private PostgresTables tables() {
        return new PostgresTables(schema, tablePrefix);
    }

    private static Jdbi jdbi(DataSource dataSource) {
        Jdbi jdbi = JdbiSettings.positionalOnly(Jdbi.create(dataSource));
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
        return jdbi;
    }
}
