package org.opentokens.powerauth.token.adapter.storage.internal.sql;

import org.jdbi.v3.core.statement.ParsedSql;
import org.jdbi.v3.core.statement.SqlParser;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A JDBI {@link SqlParser} for positional parameters only: every {@code ?} outside string literals
 * ({@code '...'}), quoted identifiers ({@code "..."}) and comments ({@code -- ...}, {@code /* ... *}{@code /}) is a
 * parameter; everything else, {@code :name} included, is SQL text passed on unchanged. Binding by name therefore
 * finds no parameter and JDBI refuses the statement, as it does for any unused binding.
 */
public final class PositionalSqlParser implements SqlParser {

    @Override
    public ParsedSql parse(String sql, StatementContext ctx) {
        ParsedSql.Builder parsed = ParsedSql.builder();
        int length = sql.length();
        int start = 0;
        int i = 0;
        while (i < length) {
            char c = sql.charAt(i);
            if (c == '?') {
                parsed.append(sql.substring(start, i)).appendPositionalParameter();
                i++;
                start = i;
            } else if (c == '\'' || c == '"') {
                i = closing(sql, i + 1, c);
            } else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i + 2);
                i = end < 0 ? length : end + 1;
            } else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated comment in SQL statement");
                }
                i = end + 2;
            } else {
                i++;
            }
        }
        return parsed.append(sql.substring(start)).build();
    }

    /** @return the index after the quote that closes the literal opened before {@code from}; doubled quotes escape */
    private static int closing(String sql, int from, char quote) {
        int i = from;
        while (true) {
            int end = sql.indexOf(quote, i);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated quote in SQL statement");
            }
            if (end + 1 < sql.length() && sql.charAt(end + 1) == quote) {
                i = end + 2;
            } else {
                return end + 1;
            }
        }
    }

    /**
     * Named parameters are not supported.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public String nameParameter(String rawName, StatementContext ctx) {
        throw new UnsupportedOperationException("positional parameters only: " + rawName);
    }
}
