package org.opentokens.powerauth.token.adapter.storage.postgres;

import java.util.Objects;
import javax.sql.DataSource;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySource;
import org.opentokens.powerauth.token.adapter.storage.TestStorageKeys;
import org.opentokens.powerauth.token.port.out.PostgresTestCluster;

/**
 * A {@link PostgresTestCluster} schema for one test class (skipped without the private cluster, failed under
 * {@code CI=true}), with fresh table prefixes for its tests and builders over them.
 */
final class PostgresTestDatabase implements AutoCloseable {
    private final PostgresTestCluster cluster;
    private int prefixes;

    private PostgresTestDatabase(PostgresTestCluster cluster) {
        this.cluster = cluster;
    }

    /** @return a new, empty schema named after {@code label} */
    static PostgresTestDatabase create(String label) {
        return new PostgresTestDatabase(PostgresTestCluster.schemaFor("t_" + label));
    }

    /** Skips the calling test when there is no cluster: call it from {@code @BeforeEach}. */
    void assumePresent() {
        cluster.assumePresent();
    }

    String schema() {
        return cluster.schema();
    }

    /** @return a new table prefix, so that each test of the class has its own tables */
    String newPrefix() {
        return "p" + (++prefixes) + "_";
    }

    /** @return a new pool, as a replica would have; closed with this database */
    DataSource newPool(int size) {
        return cluster.pool(size);
    }

    /** @return a builder on a new pool, over this schema's tables of {@code prefix} */
    PostgresSecureStorageBuilder builder(String prefix, StorageKeySource keys) {
        return PostgresSecureStorage.builder(newPool(4)).schema(schema()).tablePrefix(prefix).keySource(keys)
                .randomSource(TestStorageKeys.random());
    }

    void sql(String... statements) {
        cluster.sql(statements);
    }

    /** @return the first column of the first row of a query, as text, or null without a row */
    String query(String sql) {
        return Objects.toString(cluster.query(sql), null);
    }

    @Override
    public void close() {
        cluster.close();
    }
}
