package org.opentokens.powerauth.token.adapter.storage.postgres;

import java.util.Objects;
import javax.sql.DataSource;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySource;
import org.opentokens.powerauth.token.adapter.storage.TestStorageKeys;
import org.opentokens.powerauth.token.port.out.PostgresTestSchema;

/**
 * A test class's {@link PostgresTestSchema} (skipped without the private cluster, failed under {@code CI=true}),
 * with fresh table prefixes for its tests and builders over them.
 */
final class PostgresTestDatabase {
    private final PostgresTestSchema schema;
    private int prefixes;

    /** @param schema the class's registered schema extension */
    PostgresTestDatabase(PostgresTestSchema schema) {
        this.schema = schema;
    }

    String schema() {
        return schema.cluster().schema();
    }

    /** @return a new table prefix, so that each test of the class has its own tables */
    String newPrefix() {
        return "p" + (++prefixes) + "_";
    }

    /** @return a new pool, as a replica would have; closed with this database */
    DataSource newPool(int size) {
        return schema.cluster().pool(size);
    }

    /** @return a builder on a new pool, over this schema's tables of {@code prefix} */
    PostgresSecureStorageBuilder builder(String prefix, StorageKeySource keys) {
        return PostgresSecureStorage.builder(newPool(4)).schema(schema()).tablePrefix(prefix).keySource(keys)
                .randomSource(TestStorageKeys.random());
    }

    void sql(String... statements) {
        schema.cluster().sql(statements);
    }

    /** @return the first column of the first row of a query, as text, or null without a row */
    String query(String sql) {
        return Objects.toString(schema.cluster().query(sql), null);
    }
}
