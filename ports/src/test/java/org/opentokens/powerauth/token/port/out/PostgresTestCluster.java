package org.opentokens.powerauth.token.port.out;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A schema of its own in the private PostgreSQL cluster that {@code .ci/postgres-up.sh} starts, for one test class
 * or benchmark, dropped with everything in it at {@link #close()}: tests never touch data they did not create, and
 * never a PostgreSQL they did not start. The cluster is found through the variables that script exports. Without
 * them the schema from {@link #schemaFor} is absent: each test that uses it is skipped with the reason (so the
 * report lists every skipped test), except under {@code CI=true}, where {@link #schemaFor} fails. Needs the
 * PostgreSQL driver and HikariCP on the test class path.
 */
public final class PostgresTestCluster implements AutoCloseable {
    /** JDBC URL of the test database. */
    public static final String URL = "POWERAUTH_TOKEN_PG_URL";
    /** The test user (trust login). */
    public static final String USER = "POWERAUTH_TOKEN_PG_USER";
    private static final String BINDIR = "POWERAUTH_TOKEN_PG_BINDIR";
    private static final String DATA = "POWERAUTH_TOKEN_PG_DATA";
    private static final String RUNAS = "POWERAUTH_TOKEN_PG_RUNAS";

    private final String url;
    private final String user;
    private final String schema;
    /** Why there is no cluster, or null when there is one. */
    private final String absent;
    private final List<HikariDataSource> pools = new ArrayList<>();

    private PostgresTestCluster(String url, String user, String schema, String absent) {
        this.url = url;
        this.user = user;
        this.schema = schema;
        this.absent = absent;
    }

    /** @return why there is no cluster to use, or empty when there is one */
    public static Optional<String> unavailable() {
        if (System.getenv(URL) == null || System.getenv(USER) == null) {
            return Optional.of(URL + " and " + USER + " are not set: no private PostgreSQL cluster (source "
                    + ".ci/postgres-up.sh, as .ci/run does)");
        }
        return Optional.empty();
    }

    /**
     * For tests, from {@code @BeforeAll}: fails under {@code CI=true} without a cluster.
     *
     * @param label starts the schema's name (lower case, digits, underscores)
     * @return a new, empty schema; without a cluster an absent one, whose every use skips the test using it
     */
    public static PostgresTestCluster schemaFor(String label) {
        Optional<String> reason = unavailable();
        if (reason.isPresent()) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(reason.get() + "; under CI=true the PostgreSQL tests must run");
            }
            return new PostgresTestCluster(null, null, null, reason.get());
        }
        return open(label);
    }

    /**
     * For benchmarks and tools: check {@link #unavailable()} first.
     *
     * @param label starts the schema's name
     * @return a new, empty schema
     */
    public static PostgresTestCluster open(String label) {
        byte[] suffix = new byte[4];
        new SecureRandom().nextBytes(suffix);
        PostgresTestCluster cluster = new PostgresTestCluster(System.getenv(URL), System.getenv(USER),
                label + "_" + HexFormat.of().formatHex(suffix), null);
        cluster.sql("CREATE SCHEMA " + cluster.schema);
        return cluster;
    }

    /** @return the schema's name */
    public String schema() {
        present();
        return schema;
    }

    /** Skips the calling test when there is no cluster: call it from {@code @BeforeEach}. */
    public void assumePresent() {
        present();
    }

    private void present() {
        if (absent != null) {
            Assumptions.abort(absent);
        }
    }

    /**
     * @param size the most connections
     * @return a new HikariCP pool on the test database (short connection timeout), closed at {@link #close()}
     */
    public DataSource pool(int size) {
        present();
        HikariDataSource pool = hikari(size);
        synchronized (pools) {
            pools.add(pool);
        }
        return pool;
    }

    /**
     * For a replica process that joins a schema another process made: check {@link #unavailable()} first.
     *
     * @param size the most connections
     * @return a new HikariCP pool on the test database (short connection timeout); it is {@link AutoCloseable}
     */
    public static DataSource connect(int size) {
        return hikari(size);
    }

    private static HikariDataSource hikari(int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(System.getenv(URL));
        config.setUsername(System.getenv(USER));
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(2_000);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    /** Runs statements on a connection of their own. */
    public void sql(String... statements) {
        present();
        try (Connection connection = DriverManager.getConnection(url, user, "");
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test SQL failed: " + e.getMessage(), e);
        }
    }

    /**
     * @param sql a query
     * @return the first column of its first row, or null without a row
     */
    public Object query(String sql) {
        present();
        try (Connection connection = DriverManager.getConnection(url, user, "");
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getObject(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("test query failed: " + e.getMessage(), e);
        }
    }

    /** @return the cluster's data directory */
    public static Path dataDirectory() {
        return Path.of(System.getenv(DATA));
    }

    /**
     * @param name a PostgreSQL program ({@code pg_dump}, {@code pg_ctl})
     * @return its path in the cluster's bin directory
     */
    public static Path program(String name) {
        return Path.of(System.getenv(BINDIR), name);
    }

    /** Stops the server at once ({@code pg_ctl stop -m immediate}): every session ends, as in a crash. */
    public static void stopServer() throws IOException, InterruptedException {
        pgCtl("-m", "immediate", "-w", "stop");
    }

    /** Starts the stopped server again, with the settings it had, and waits until it accepts connections. */
    public static void startServer() throws IOException, InterruptedException {
        pgCtl("-w", "-t", "60", "-l", dataDirectory().resolveSibling("run").resolve("server.log").toString(), "start");
    }

    private static void pgCtl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        String runAs = System.getenv(RUNAS);
        if (runAs != null && !runAs.isEmpty()) {
            command.addAll(List.of("runuser", "-u", runAs, "--"));
        }
        command.addAll(List.of(program("pg_ctl").toString(), "-D", dataDirectory().toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("pg_ctl " + String.join(" ", arguments) + " failed");
        }
    }

    /** Closes the pools and drops the schema. */
    @Override
    public void close() {
        if (absent != null) {
            return;
        }
        synchronized (pools) {
            pools.forEach(HikariDataSource::close);
            pools.clear();
        }
        sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
}
