package org.opentokens.powerauth.token.adapter.storage.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.opentokens.powerauth.token.domain.error.StorageUnavailableException;
import org.opentokens.powerauth.token.port.internal.out.ExclusiveSections;

/**
 * The exclusive sections: a transaction-scoped advisory lock ({@code pg_advisory_xact_lock}) on a connection of its
 * own, behind a JVM-wide fair {@link ExclusiveSections}. The database releases it when the holder's session ends,
 * including after the section session timeout ({@code idle_in_transaction_session_timeout}), which bounds how long a
 * frozen holder blocks the others. Waiting polls in {@value #SLICE_MILLIS} ms {@code lock_timeout} slices, checking
 * the deadline and interrupts between them.
 */
final class PostgresSections {
    private static final long SLICE_MILLIS = 100;
    /** Keyed by the store id and the lock number, so storage objects on one store share the in-process lock. */
    private static final ExclusiveSections<Key> SECTIONS = new ExclusiveSections<>();

    private final DataSource dataSource;
    private final String sessionTimeout;

    private record Key(String store, long lock) {
    }

    PostgresSections(DataSource dataSource, Duration sessionTimeout) {
        this.dataSource = dataSource;
        this.sessionTimeout = Math.max(1, sessionTimeout.toMillis()) + "ms";
    }

    /**
     * @param storeId the store's id, hex
     * @param lock the advisory lock number of the namespace
     */
    <T> T run(String storeId, long lock, Duration maxWait, Supplier<T> action) {
        return SECTIONS.run(new Key(storeId, lock), maxWait, (key, deadline) -> acquire(key.lock(), deadline, maxWait),
                action);
    }

    private ExclusiveSections.Hold acquire(long lock, long deadlineNanos, Duration maxWait) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw PostgresErrors.map("connect for the exclusive section", e);
        }
        try {
            connection.setAutoCommit(false);
            if (tryLock(connection, lock)) {
                return () -> end(connection);
            }
            while (true) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    throw ExclusiveSections.busy(maxWait);
                }
                if (Thread.currentThread().isInterrupted()) {
                    throw new StorageUnavailableException("interrupted while waiting for the instance's exclusive section");
                }
                long slice = Math.max(1, Math.min(SLICE_MILLIS, TimeUnit.NANOSECONDS.toMillis(left)));
                if (waitForLock(connection, lock, slice)) {
                    return () -> end(connection);
                }
            }
        } catch (SQLException e) {
            end(connection);
            throw PostgresErrors.map("enter the exclusive section", e);
        } catch (RuntimeException | Error e) {
            end(connection);
            throw e;
        }
    }

    private boolean tryLock(Connection connection, long lock) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT set_config('idle_in_transaction_session_timeout', ?, true), pg_try_advisory_xact_lock(?)")) {
            statement.setString(1, sessionTimeout);
            statement.setLong(2, lock);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(2);
            }
        }
    }

    /** @return true once held, false if the slice ran out (the transaction is then rolled back and begun anew) */
    private boolean waitForLock(Connection connection, long lock, long sliceMillis) throws SQLException {
        try (PreparedStatement settings = connection.prepareStatement(
                "SELECT set_config('idle_in_transaction_session_timeout', ?, true), set_config('lock_timeout', ?, true)");
                PreparedStatement take = connection.prepareStatement("SELECT 1 FROM pg_advisory_xact_lock(?)")) {
            settings.setString(1, sessionTimeout);
            settings.setString(2, sliceMillis + "ms");
            settings.executeQuery().close();
            take.setLong(1, lock);
            take.executeQuery().close();
            return true;
        } catch (SQLException e) {
            if (!PostgresErrors.LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback();
            return false;
        }
    }

    /** Rolls the lock's transaction back (which releases the lock) and returns the connection; never throws. */
    private static void end(Connection connection) {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // the session is gone, and the lock with it
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing more to release
        }
    }
}
