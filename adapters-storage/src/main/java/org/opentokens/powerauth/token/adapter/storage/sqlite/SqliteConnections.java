package org.opentokens.powerauth.token.adapter.storage.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import org.jdbi.v3.core.ConnectionFactory;

/**
 * Opens sqlite-jdbc connections with the store's settings and keeps a few idle ones, so that the WAL is
 * not checkpointed and deleted after every call. Settings, applied by the driver at every open: WAL journal,
 * {@code busy_timeout}, {@code BEGIN IMMEDIATE} for every transaction (so a read-then-write transaction
 * never fails with SQLITE_BUSY), {@code synchronous=NORMAL} (durable at checkpoints, never corrupt on a
 * crash), {@code secure_delete} (freed pages are zeroed), and an open mode without CREATE: the adapter creates
 * the file itself.
 */
final class SqliteConnections implements ConnectionFactory {
    private static final int MAX_IDLE = 4;
    /** SQLITE_OPEN_READWRITE without SQLITE_OPEN_CREATE. */
    private static final int OPEN_READWRITE = 0x2;

    private final String url;
    private final Properties properties;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    SqliteConnections(Path file, Duration busyTimeout) {
        this.url = "jdbc:sqlite:" + file;
        this.properties = new Properties();
        properties.setProperty("journal_mode", "WAL");
        properties.setProperty("busy_timeout", Long.toString(busyTimeout.toMillis()));
        properties.setProperty("transaction_mode", "IMMEDIATE");
        properties.setProperty("synchronous", "NORMAL");
        properties.setProperty("secure_delete", "true");
        properties.setProperty("open_mode", Integer.toString(OPEN_READWRITE));
    }

    @Override
    public Connection openConnection() throws SQLException {
        synchronized (idle) {
            if (closed) {
                throw new SQLException("the SQLite token store is closed");
            }
            Connection pooled = idle.pollFirst();
            if (pooled != null) {
                return pooled;
            }
        }
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        synchronized (idle) {
            if (!closed && idle.size() < MAX_IDLE && !connection.isClosed() && connection.getAutoCommit()) {
                idle.addFirst(connection);
                return;
            }
        }
        connection.close();
    }

    /** Closes every idle connection; later opens fail. Connections in use close when they are handed back. */
    void close() throws SQLException {
        SQLException first = null;
        synchronized (idle) {
            closed = true;
            for (Connection connection : idle) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
            idle.clear();
        }
        if (first != null) {
            throw first;
        }
    }
}
