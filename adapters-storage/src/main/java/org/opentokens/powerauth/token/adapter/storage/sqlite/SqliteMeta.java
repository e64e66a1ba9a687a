package org.opentokens.powerauth.token.adapter.storage.sqlite;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.opentokens.powerauth.token.domain.error.StorageCorruptException;

/**
 * The {@code meta} table: the key method, its recovery parameters (a salt, a keychain item id; never secret)
 * and a key-check value sealed with the store's key, so a wrong key is detected at open.
 */
final class SqliteMeta {
    private static final String METHOD = "key.method";
    private static final String PARAMETERS = "key.parameters";
    private static final String KEY_CHECK = "key.check";

    final String method;
    final byte[] parameters;
    final byte[] keyCheck;

    private SqliteMeta(String method, byte[] parameters, byte[] keyCheck) {
        this.method = method;
        this.parameters = parameters;
        this.keyCheck = keyCheck;
    }

    static void write(Handle handle, String method, byte[] parameters, byte[] keyCheck) {
        insert(handle, METHOD, method.getBytes(StandardCharsets.UTF_8));
        insert(handle, PARAMETERS, parameters);
        insert(handle, KEY_CHECK, keyCheck);
    }

    static SqliteMeta read(Handle handle) {
        Map<String, byte[]> rows = new HashMap<>();
        handle.createQuery("SELECT name, value FROM meta")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getBytes(2)))
                .forEach(row -> rows.put(row.getKey(), row.getValue()));
        byte[] method = rows.get(METHOD);
        byte[] parameters = rows.get(PARAMETERS);
        byte[] keyCheck = rows.get(KEY_CHECK);
        if (method == null || parameters == null || keyCheck == null) {
            throw new StorageCorruptException("token store lacks its key metadata");
        }
        return new SqliteMeta(new String(method, StandardCharsets.UTF_8), parameters, keyCheck);
    }

    private static void insert(Handle handle, String name, byte[] value) {
        handle.createUpdate("INSERT INTO meta (name, value) VALUES (?, ?)").bind(0, name).bind(1, value).execute();
    }
}
