package org.opentokens.powerauth.token.adapter.storage.postgres;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.opentokens.powerauth.token.adapter.storage.StorageKey;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySource;
import org.opentokens.powerauth.token.adapter.storage.internal.RecordCipher;
import org.opentokens.powerauth.token.domain.error.StorageCorruptException;
import org.opentokens.powerauth.token.port.out.RandomSource;

/**
 * The {@code meta} table: the key method, its recovery parameters (never secret), a key-check value sealed with
 * the store's key, and a random store id that names the store's exclusive sections. Written once, by the first
 * replica that opens the tables, under the tables' advisory lock.
 */
final class PostgresMeta {
    private static final String METHOD = "key.method";
    private static final String PARAMETERS = "key.parameters";
    private static final String KEY_CHECK = "key.check";
    private static final String STORE_ID = "store.id";
    private static final int STORE_ID_BYTES = 16;

    final String method;
    final byte[] parameters;
    final byte[] keyCheck;
    final byte[] storeId;

    private PostgresMeta(String method, byte[] parameters, byte[] keyCheck, byte[] storeId) {
        this.method = method;
        this.parameters = parameters;
        this.keyCheck = keyCheck;
        this.storeId = storeId;
    }

    /**
     * Reads the metadata, creating the store's key first if the tables are new.
     *
     * @throws StorageCorruptException if the metadata is partly missing
     */
    static PostgresMeta readOrCreate(Jdbi jdbi, PostgresTables tables, StorageKeySource keySource,
            RandomSource random) {
        Map<String, byte[]> rows = jdbi.withHandle(handle -> rows(handle, tables));
        if (rows.isEmpty()) {
            rows = jdbi.inTransaction(handle -> {
                PostgresSchema.lockTables(handle, tables);
                Map<String, byte[]> current = rows(handle, tables); // another replica may have created it
                if (current.isEmpty()) {
                    current = create(handle, tables, keySource, random);
                }
                return current;
            });
        }
        byte[] method = rows.get(METHOD);
        byte[] parameters = rows.get(PARAMETERS);
        byte[] keyCheck = rows.get(KEY_CHECK);
        byte[] storeId = rows.get(STORE_ID);
        if (method == null || parameters == null || keyCheck == null || storeId == null
                || storeId.length != STORE_ID_BYTES) {
            throw new StorageCorruptException("PostgreSQL token store " + tables.describe() + " lacks its key metadata");
        }
        return new PostgresMeta(new String(method, StandardCharsets.UTF_8), parameters, keyCheck, storeId);
    }

    /** Creates the key and writes the metadata; if writing fails, the key source forgets the unused key. */
    private static Map<String, byte[]> create(Handle handle, PostgresTables tables, StorageKeySource keySource,
            RandomSource random) {
        StorageKey key = keySource.createKey();
        RecordCipher cipher = RecordCipher.derive(key.key(), random);
        boolean written = false;
        try {
            Map<String, byte[]> rows = new HashMap<>();
            rows.put(METHOD, keySource.method().getBytes(StandardCharsets.UTF_8));
            rows.put(PARAMETERS, key.parameters());
            rows.put(KEY_CHECK, cipher.keyCheck());
            rows.put(STORE_ID, random.nextBytes(STORE_ID_BYTES));
            rows.forEach((name, value) -> handle.createUpdate("INSERT INTO " + tables.name("meta")
                    + " (name, value) VALUES (?, ?)").bind(0, name).bind(1, value).execute());
            written = true;
            return rows;
        } finally {
            cipher.destroy();
            if (!written) {
                keySource.discardKey(key.parameters());
            }
            key.destroy();
        }
    }

    private static Map<String, byte[]> rows(Handle handle, PostgresTables tables) {
        Map<String, byte[]> rows = new HashMap<>();
        handle.createQuery("SELECT name, value FROM " + tables.name("meta"))
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getBytes(2)))
                .forEach(row -> rows.put(row.getKey(), row.getValue()));
        return rows;
    }
}
