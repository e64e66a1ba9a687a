package org.opentokens.powerauth.token.adapter.storage.postgres;

import java.sql.SQLException;
import org.opentokens.powerauth.token.domain.error.StorageException;
import org.opentokens.powerauth.token.domain.error.StorageUnavailableException;

/**
 * Maps JDBI/JDBC failures to the port's typed exceptions by SQLSTATE, and tells which may be retried. The cause
 * is kept; JDBI's message rendering is off, so the message holds no bound values (which are tags and sealed
 * bytes anyway, never plaintext).
 */
final class PostgresErrors {
    static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK_DETECTED = "40P01";

    private PostgresErrors() {
    }

    /** @return the typed exception for a failure while doing {@code action} */
    static StorageException map(String action, Throwable failure) {
        if (failure instanceof StorageException typed) {
            return typed;
        }
        return new StorageUnavailableException("PostgreSQL token store failed to " + action
                + explain(sqlState(failure)), failure);
    }

    /**
     * @return true if the whole transaction that failed may run again: PostgreSQL rolled it back because of a
     *     concurrent one (serialization failure, deadlock), so it had no effect
     */
    static boolean retryable(Throwable failure) {
        String state = sqlState(failure);
        return SERIALIZATION_FAILURE.equals(state) || DEADLOCK_DETECTED.equals(state);
    }

    /** @return what the SQLSTATE means for the host's set-up, or "" */
    static String explain(String state) {
        if (state == null) {
            return "";
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            return ": the database is unreachable or shutting down; try again";
        }
        if (state.startsWith("28")) {
            return ": the database refused the login";
        }
        if (state.startsWith("53")) {
            return ": the database ran out of a resource (connections, disk or memory)";
        }
        return switch (state) {
            case "3D000" -> ": the database does not exist";
            case "42501" -> ": permission denied on the token store's tables or schema";
            case "42P01" -> ": the token store's tables are missing (dropped, or another schema or prefix)";
            case "25006" -> ": the database is read-only (a standby?)";
            case "57014" -> ": the statement was cancelled or timed out";
            case "25P03" -> ": the session was idle in a transaction for too long and was closed";
            default -> " (SQLSTATE " + state + ")";
        };
    }

    /** @return the SQLSTATE of the first {@link SQLException} in the cause chain that has one, or null */
    static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
