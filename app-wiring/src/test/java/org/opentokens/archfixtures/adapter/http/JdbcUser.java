package org.opentokens.archfixtures.adapter.http;

import java.sql.Connection;

/** Violates: JDBC only in the SQLite adapter. */
public final class JdbcUser {
    public Connection connection() {
        return null;
    }
}
