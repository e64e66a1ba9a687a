package org.opentokens.powerauth.token.adapter.storage.postgres;

import java.util.regex.Pattern;

/**
 * Where the store's tables are: an optional schema and a prefix of the table names, both checked to be plain
 * lower-case SQL identifiers, and always quoted, so they can be placed in statements as they are.
 */
final class PostgresTables {
    /** The default table prefix. */
    static final String DEFAULT_PREFIX = "powerauth_token_";
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    /** PostgreSQL's identifier limit is 63 bytes; the longest table suffix ("schema_version") is 14. */
    private static final int MAX_PREFIX = 63 - 14;

    private final String schema;
    private final String prefix;

    PostgresTables(String schema, String prefix) {
        if (schema != null && (!IDENTIFIER.matcher(schema).matches() || schema.length() > 63)) {
            throw new IllegalArgumentException("schema must be a lower-case SQL identifier ([a-z_][a-z0-9_]*, "
                    + "at most 63 characters)");
        }
        if (!prefix.isEmpty() && (!IDENTIFIER.matcher(prefix).matches() || prefix.length() > MAX_PREFIX)) {
            throw new IllegalArgumentException("table prefix must be empty or a lower-case SQL identifier "
                    + "([a-z_][a-z0-9_]*, at most " + MAX_PREFIX + " characters)");
        }
        this.schema = schema;
        this.prefix = prefix;
    }

    /** @return the schema, or null for the connection's current schema (the first of its search_path) */
    String schema() {
        return schema;
    }

    /**
     * @param table a table of the store ({@code entry}, {@code meta}, ...)
     * @return its quoted, schema-qualified name
     */
    String name(String table) {
        String quoted = '"' + prefix + table + '"';
        return schema == null ? quoted : '"' + schema + "\"." + quoted;
    }

    /** @return the schema and the prefix, for messages and {@code toString} */
    String describe() {
        return (schema == null ? "" : schema + ".") + prefix + "*";
    }
}
