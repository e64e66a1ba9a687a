package org.opentokens.powerauth.token.adapter.storage.sqlite;

import java.sql.SQLException;
import org.opentokens.powerauth.token.port.out.StorageCorruptException;
import org.opentokens.powerauth.token.port.out.StorageException;
import org.opentokens.powerauth.token.port.out.StorageUnavailableException;

/**
 * Maps JDBI/JDBC failures to the port's typed exceptions by SQLite's primary result code (sqlite-jdbc reports
 * it as {@link SQLException#getErrorCode()}). The cause is kept; JDBI's message rendering is off, so it
 * holds no bound values.
 */
final class SqliteErrors {
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;

    private SqliteErrors() {
    }

    static StorageException map(String action, RuntimeException failure) {
        if (failure instanceof StorageException typed) {
            return typed;
        }
        return typed(action, failure);
    }

    static StorageException map(String action, SQLException failure) {
        return typed(action, failure);
    }

    private static StorageException typed(String action, Exception failure) {
        int code = resultCode(failure);
        if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) {
            return new StorageCorruptException("SQLite token store is damaged or not a database (" + action + ")", failure);
        }
        return new StorageUnavailableException("SQLite token store failed to " + action
                + (code >= 0 ? " (SQLite result code " + code + ")" : ""), failure);
    }

    static boolean isCorruption(Throwable failure) {
        int code = resultCode(failure);
        return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
    }

    /** @return SQLite's primary result code from the first {@link SQLException} in the cause chain, or -1 */
    private static int resultCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getErrorCode() & 0xff;
            }
        }
        return -1;
    }
}
