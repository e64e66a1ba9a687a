package org.opentokens.powerauth.token.adapter.storage.sqlite;

import java.sql.SQLException;
import org.opentokens.powerauth.token.domain.error.StorageCorruptException;
import org.opentokens.powerauth.token.domain.error.StorageException;
import org.opentokens.powerauth.token.domain.error.StorageUnavailableException;

/**
 * Maps JDBI/JDBC failures to the port's typed exceptions by SQLite's primary result code (sqlite-jdbc reports
 * it as {@link SQLException#getErrorCode()}). The cause is kept; JDBI's message rendering is off, so it
 * holds no bound values.
 */
final class SqliteErrors {
    private static final int SQLITE_PERM = 3;
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_AUTH = 23;
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
        return new StorageUnavailableException("SQLite token store failed to " + action + explain(code), failure);
    }

    /** @return what SQLite's primary result code means for the user's file and directory, or "" */
    static String explain(int code) {
        return switch (code) {
            case -1 -> "";
            case SQLITE_PERM, SQLITE_AUTH -> ": permission denied";
            case SQLITE_BUSY, SQLITE_LOCKED -> ": another process kept the store locked for too long; try again";
            case SQLITE_READONLY -> ": the file or its directory is read-only, and the store needs to write both "
                    + "(the file, and its -wal and -shm companions in the directory)";
            case SQLITE_IOERR -> ": the disk reported a read or write error";
            case SQLITE_FULL -> ": the disk is full";
            case SQLITE_CANTOPEN -> ": the file cannot be opened; check that its directory exists, and that you may "
                    + "read and write the directory and the file";
            default -> " (SQLite result code " + code + ")";
        };
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
