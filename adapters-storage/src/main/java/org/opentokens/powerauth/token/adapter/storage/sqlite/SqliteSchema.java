package org.opentokens.powerauth.token.adapter.storage.sqlite;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.opentokens.powerauth.token.domain.error.StorageCorruptException;

/**
 * The file format: {@code PRAGMA application_id} marks a token store, {@code PRAGMA user_version} is the
 * schema version, and migrations only go forward. A file without the marker, at version 0, or at a version
 * newer than this code is refused as corrupt, never rewritten.
 */
final class SqliteSchema {
    /** "PATS" (PowerAuth token store) in the SQLite header's application id field. */
    static final int APPLICATION_ID = 0x50415453;
    static final int CURRENT_VERSION = 2;

    /** Statements that create version 1. */
    static final List<String> CREATE_V1 = List.of(
            "CREATE TABLE meta (name TEXT PRIMARY KEY NOT NULL, value BLOB NOT NULL)",
            "CREATE TABLE entry (id INTEGER PRIMARY KEY, ns BLOB NOT NULL, name BLOB NOT NULL,"
                    + " sealed_name BLOB NOT NULL, sealed_value BLOB NOT NULL, UNIQUE (ns, name))");

    /**
     * Step {@code i} migrates version {@code i + 1} to {@code i + 2}. New files are made by {@link #CREATE_V1}
     * and every step, so that the migrations run on every created store too.
     * <ol>
     *   <li>To version 2: {@code ns_version}, one change counter per namespace tag (see
     *       {@link SqliteSecureStorage#version}). Namespaces that existed before start at 0.</li>
     * </ol>
     */
    static final List<List<String>> MIGRATIONS = List.of(
            List.of("CREATE TABLE ns_version (ns BLOB PRIMARY KEY NOT NULL, version INTEGER NOT NULL) WITHOUT ROWID"));

    private SqliteSchema() {
    }

    static void create(Handle handle) {
        handle.execute("PRAGMA application_id = " + APPLICATION_ID);
        CREATE_V1.forEach(handle::execute);
        MIGRATIONS.forEach(step -> step.forEach(handle::execute));
        handle.execute("PRAGMA user_version = " + CURRENT_VERSION);
    }

    /**
     * Runs {@code PRAGMA quick_check}, checks the marker and the version, and applies pending migrations.
     *
     * @throws StorageCorruptException if the file is damaged, foreign or too new
     */
    static void verifyAndMigrate(Jdbi jdbi, int targetVersion, List<List<String>> migrations) {
        jdbi.useHandle(handle -> {
            List<String> check = handle.createQuery("PRAGMA quick_check").mapTo(String.class).list();
            if (!check.equals(List.of("ok"))) {
                throw new StorageCorruptException("the token store file is damaged: SQLite's integrity check found "
                        + (check.size() == 1 ? "1 problem" : check.size() + " problems"));
            }
            if (pragma(handle, "application_id") != APPLICATION_ID) {
                throw new StorageCorruptException("file is an SQLite database but not a PowerAuth token store");
            }
        });
        int version = jdbi.withHandle(handle -> pragma(handle, "user_version"));
        checkVersion(version, targetVersion);
        if (version < targetVersion) {
            jdbi.useTransaction(handle -> {
                // Re-read under the write lock: another process may have migrated meanwhile.
                int current = pragma(handle, "user_version");
                checkVersion(current, targetVersion);
                for (int v = current; v < targetVersion; v++) {
                    migrations.get(v - 1).forEach(handle::execute);
                }
                handle.execute("PRAGMA user_version = " + targetVersion);
            });
        }
    }

    private static void checkVersion(int version, int targetVersion) {
        if (version < 1) {
            throw new StorageCorruptException("token store has no schema version: damaged or replaced");
        }
        if (version > targetVersion) {
            throw new StorageCorruptException("token store schema version " + version
                    + " is newer than this library supports (" + targetVersion + ")");
        }
    }

    private static int pragma(Handle handle, String name) {
        return handle.createQuery("PRAGMA " + name).mapTo(Integer.class).one();
    }
}
