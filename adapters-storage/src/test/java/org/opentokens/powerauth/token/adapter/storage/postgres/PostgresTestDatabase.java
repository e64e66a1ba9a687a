package org.opentokens.powerauth.token.adapter.storage.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySource;
import org.opentokens.powerauth.token.adapter.storage.TestStorageKeys;

/**
 * A schema of its own in the private test cluster that {@code .ci/postgres-up.sh} starts (found through
 * {@code POWERAUTH_TOKEN_PG_URL} and {@code POWERAUTH_TOKEN_PG_USER}), created for one test class and dropped
 * with everything in it afterwards, so tests never touch data they did not create. Without the cluster the tests
 * are skipped, except under {@code CI=true}, where they fail.
 */
final class PostgresTestDatabase implements AutoCloseable {
    static final String URL = "POWERAUTH_TOKEN_PG_URL";
    static final String USER = "POWERAUTH_TOKEN_PG_USER";

    private final String url;
    private final String user;
    private final String schema;
    private final List<HikariDataSource> pools = new ArrayList<>();
    private int prefixes;

    private PostgresTestDatabase(String url, String user, String schema) {
        this.url = url;
        this.user = user;
        this.schema = schema;
    }

    /**
     * @param label names the schema (with a random suffix)
     * @return a new, empty schema
     */
    static PostgresTestDatabase create(String label) {
        String url = System.getenv(URL);
        String user = System.getenv(USER);
        if (url == null || user == null) {
            String reason = URL + " and " + USER + " are not set: no private PostgreSQL cluster (source "
                    + ".ci/postgres-up.sh, as .ci/run does)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(reason + "; under CI=true the PostgreSQL tests must run");
            }
            Assumptions.abort(reason);
        }
        String schema = "t_" + label + "_" + HexFormat.of().formatHex(TestStorageKeys.random().nextBytes(4));
        PostgresTestDatabase database = new PostgresTestDatabase(url, user, schema);
        database.sql("CREATE SCHEMA " + schema);
        return database;
    }

    String schema() {
        return schema;
    }

    String url() {
        return url;
    }

    /** @return a new table prefix, so that each test of the class has its own tables */
    String newPrefix() {
        return "p" + (++prefixes) + "_";
    }

    /**
     * @param size the pool's maximum size
     * @return a new pool of connections, as a replica would have; closed with this database
     */
    DataSource newPool(int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(3_000);
        config.setPoolName(schema);
        HikariDataSource pool = new HikariDataSource(config);
        synchronized (pools) {
            pools.add(pool);
        }
        return pool;
    }

    /** @return a builder on a new pool, over this schema's tables of {@code prefix} */
    PostgresSecureStorageBuilder builder(String prefix, StorageKeySource keys) {
        return PostgresSecureStorage.builder(newPool(4)).schema(schema).tablePrefix(prefix).keySource(keys)
                .randomSource(TestStorageKeys.random());
    }

    /** Runs statements as the test user on a connection of their own, with this schema first on the path. */
    void sql(String... statements) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test SQL failed: " + e.getMessage(), e);
        }
    }

    /** @return the first column of the first row of a query, as text, or null without a row */
    String query(String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("test query failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        synchronized (pools) {
            pools.forEach(HikariDataSource::close);
            pools.clear();
        }
        sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
}
