package org.opentokens.powerauth.token.adapter.storage.postgres;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.opentokens.powerauth.token.domain.error.StorageUnavailableException;

/**
 * The tables and their versions. {@code <prefix>schema_version} holds one row, the schema version; migrations
 * only go forward, each in the same transaction as the version it sets, under a transaction-scoped advisory lock
 * on the tables' name, so replicas that start together migrate once. A schema newer than this code is refused and
 * never touched.
 */
final class PostgresSchema {
    static final int CURRENT_VERSION = 1;

    /**
     * Step {@code i} migrates version {@code i} to {@code i + 1}.
     * <ol>
     *   <li>To version 1: {@code meta} (key method, its parameters, the key check, the store id),
     *       {@code entry} (one row per entry: namespace tag, name tag, sealed name, sealed value) and
     *       {@code ns_version} (one change counter per namespace tag).</li>
     * </ol>
     */
    static final List<Function<PostgresTables, List<String>>> MIGRATIONS = List.of(tables -> List.of(
            "CREATE TABLE " + tables.name("meta") + " (name text PRIMARY KEY, value bytea NOT NULL)",
            "CREATE TABLE " + tables.name("entry") + " (ns bytea NOT NULL, name bytea NOT NULL,"
                    + " sealed_name bytea NOT NULL, sealed_value bytea NOT NULL, PRIMARY KEY (ns, name))",
            "CREATE TABLE " + tables.name("ns_version") + " (ns bytea PRIMARY KEY, version bigint NOT NULL)"));

    private PostgresSchema() {
    }

    /**
     * @return the schema version of the tables, 0 if there are none
     */
    static int version(Handle handle, PostgresTables tables) {
        String table = tables.name("schema_version");
        boolean exists = handle.createQuery("SELECT to_regclass(?) IS NOT NULL").bind(0, table)
                .mapTo(Boolean.class).one();
        if (!exists) {
            return 0;
        }
        Optional<Integer> version = handle.createQuery("SELECT version FROM " + table).mapTo(Integer.class).findOne();
        return version.orElse(0);
    }

    /**
     * Serializes migrations and store creation on these tables for the rest of the transaction.
     */
    static void lockTables(Handle handle, PostgresTables tables) {
        handle.createQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(?, 0))")
                .bind(0, "powerauth-token-schema " + tables.name("")).mapTo(Integer.class).one();
    }

    /**
     * Applies the pending migrations up to {@code target}.
     *
     * @throws StorageUnavailableException if the tables are newer than {@code target}; they are left as they are
     */
    static void migrate(Jdbi jdbi, PostgresTables tables, int target,
            List<Function<PostgresTables, List<String>>> steps) {
        int seen = jdbi.withHandle(handle -> version(handle, tables));
        checkNotNewer(seen, target, tables);
        if (seen == target) {
            return;
        }
        jdbi.useTransaction(handle -> {
            lockTables(handle, tables);
            int current = version(handle, tables); // another replica may have migrated meanwhile
            checkNotNewer(current, target, tables);
            if (current == target) {
                return;
            }
            if (current == 0) {
                createSchemaIfMissing(handle, tables);
                handle.execute("CREATE TABLE " + tables.name("schema_version")
                        + " (id smallint PRIMARY KEY CHECK (id = 1), version integer NOT NULL)");
                handle.execute("INSERT INTO " + tables.name("schema_version") + " (id, version) VALUES (1, 0)");
            }
            for (int v = current; v < target; v++) {
                steps.get(v).apply(tables).forEach(handle::execute);
            }
            handle.createUpdate("UPDATE " + tables.name("schema_version") + " SET version = ?").bind(0, target)
                    .execute();
        });
    }

    /**
     * @throws StorageUnavailableException if the tables are missing or older than {@code target}
     */
    static void requireCurrent(Jdbi jdbi, PostgresTables tables, int target) {
        int version = jdbi.withHandle(handle -> version(handle, tables));
        checkNotNewer(version, target, tables);
        if (version < target) {
            throw new StorageUnavailableException("PostgreSQL token store " + tables.describe() + " is at schema "
                    + "version " + version + ", this library needs " + target + ": run migrate() first, or let "
                    + "open() migrate");
        }
    }

    private static void createSchemaIfMissing(Handle handle, PostgresTables tables) {
        if (tables.schema() == null) {
            return;
        }
        boolean exists = handle.createQuery("SELECT to_regnamespace(?) IS NOT NULL").bind(0, '"' + tables.schema() + '"')
                .mapTo(Boolean.class).one();
        if (!exists) {
            handle.execute("CREATE SCHEMA \"" + tables.schema() + '"');
        }
    }

    private static void checkNotNewer(int version, int target, PostgresTables tables) {
        if (version > target) {
            throw new StorageUnavailableException("PostgreSQL token store " + tables.describe() + " has schema version "
                    + version + ", newer than this library supports (" + target + "); it was left untouched: "
                    + "upgrade this replica");
        }
    }
}
