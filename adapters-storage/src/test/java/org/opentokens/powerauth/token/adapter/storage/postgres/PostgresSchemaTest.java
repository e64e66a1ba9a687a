package org.opentokens.powerauth.token.adapter.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opentokens.powerauth.token.port.out.StorageTestSupport.assertHolds;
import static org.opentokens.powerauth.token.port.out.TestSecretBytesFactory.patterned;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySource;
import org.opentokens.powerauth.token.adapter.storage.TestStorageKeys;
import org.opentokens.powerauth.token.domain.error.StorageUnavailableException;
import org.opentokens.powerauth.token.port.out.PostgresTestSchema;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/** Versioned migrations, an explicit migrate() for hosts without run-time DDL, table prefixes and schemas. */
class PostgresSchemaTest {
    private static final StorageNamespace NS = StorageNamespace.of("instance");
    @RegisterExtension
    static final PostgresTestSchema POSTGRES = new PostgresTestSchema("t_schema");
    private static final PostgresTestDatabase database = new PostgresTestDatabase(POSTGRES);

    private final StorageKeySource keys = TestStorageKeys.randomRawKeySource();

    private String tableCount(String prefix) {
        return database.query("SELECT count(*) FROM pg_tables WHERE schemaname = '" + database.schema()
                + "' AND tablename LIKE '" + prefix + "%'");
    }

    @Test
    void migrationsRunForwardOnceAndKeepTheData() {
        String prefix = database.newPrefix();
        try (PostgresSecureStorage storage = database.builder(prefix, keys).open()) {
            storage.put(NS, "token", patterned(100, 1));
        }
        List<Function<PostgresTables, List<String>>> steps = new ArrayList<>(PostgresSchema.MIGRATIONS);
        steps.add(tables -> List.of("CREATE TABLE " + tables.name("audit") + " (id bigint PRIMARY KEY)"));

        for (int open = 0; open < 2; open++) {
            try (PostgresSecureStorage storage = database.builder(prefix, keys)
                    .schemaVersion(PostgresSchema.CURRENT_VERSION + 1, steps).open()) {
                assertHolds(storage.get(NS, "token"), patterned(100, 1));
            }
        }

        assertThat(database.query("SELECT version FROM " + database.schema() + "." + prefix + "schema_version"))
                .isEqualTo(String.valueOf(PostgresSchema.CURRENT_VERSION + 1));
        assertThat(tableCount(prefix)).isEqualTo("5");
    }

    @Test
    void aNewerSchemaIsRefusedAndLeftUntouched() {
        String prefix = database.newPrefix();
        try (PostgresSecureStorage storage = database.builder(prefix, keys).open()) {
            storage.put(NS, "token", patterned(100, 2));
        }
        String versionTable = database.schema() + "." + prefix + "schema_version";
        database.sql("UPDATE " + versionTable + " SET version = 99");
        String before = database.query("SELECT md5(string_agg(encode(sealed_value, 'hex'), '' ORDER BY name)) FROM "
                + database.schema() + "." + prefix + "entry");

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> database.builder(prefix, keys).open())
                    .isInstanceOf(StorageUnavailableException.class).hasMessageContaining("newer");
            assertThatThrownBy(() -> database.builder(prefix, keys).migrate())
                    .isInstanceOf(StorageUnavailableException.class).hasMessageContaining("newer");
        }

        assertThat(database.query("SELECT version FROM " + versionTable)).isEqualTo("99");
        assertThat(tableCount(prefix)).isEqualTo("4");
        assertThat(database.query("SELECT md5(string_agg(encode(sealed_value, 'hex'), '' ORDER BY name)) FROM "
                + database.schema() + "." + prefix + "entry")).isEqualTo(before);
    }

    @Test
    void withoutMigrationOnOpenTheTablesMustExistAndMigrateCreatesThem() {
        String prefix = database.newPrefix();

        assertThatThrownBy(() -> database.builder(prefix, keys).migrateOnOpen(false).open())
                .isInstanceOf(StorageUnavailableException.class).hasMessageContaining("migrate()");
        assertThat(tableCount(prefix)).as("nothing created").isEqualTo("0");

        database.builder(prefix, keys).migrate();
        database.builder(prefix, keys).migrate();
        assertThat(tableCount(prefix)).isEqualTo("4");
        try (PostgresSecureStorage storage = database.builder(prefix, keys).migrateOnOpen(false).open()) {
            storage.put(NS, "token", patterned(10, 3));
            assertHolds(storage.get(NS, "token"), patterned(10, 3));
        }
    }

    @Test
    void prefixesAndSchemasKeepStoresApartAndANewSchemaIsCreated() {
        String schema = database.schema() + "_extra";
        try {
            try (PostgresSecureStorage first = database.builder("a_", keys).open();
                    PostgresSecureStorage second = database.builder("b_", keys).open();
                    PostgresSecureStorage third = database.builder("a_", keys).schema(schema).open()) {
                first.put(NS, "token", patterned(10, 1));
                second.put(NS, "token", patterned(10, 2));
                third.put(NS, "token", patterned(10, 3));

                assertHolds(first.get(NS, "token"), patterned(10, 1));
                assertHolds(second.get(NS, "token"), patterned(10, 2));
                assertHolds(third.get(NS, "token"), patterned(10, 3));
            }
            assertThat(database.query("SELECT count(*) FROM pg_tables WHERE schemaname = '" + schema + "'"))
                    .isEqualTo("4");
        } finally {
            database.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void badSchemaNamesAndPrefixesAreRefused() {
        PostgresSecureStorageBuilder builder = PostgresSecureStorage.builder(database.newPool(1));
        assertThatThrownBy(() -> builder.schema("Tokens")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.schema("a\"; DROP TABLE x; --")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.tablePrefix("1abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.tablePrefix("x".repeat(50))).isInstanceOf(IllegalArgumentException.class);
        assertThat(builder.tablePrefix("").tablePrefix("x".repeat(49))).isSameAs(builder);
    }
}
