/**
 * What the SQL adapters share about JDBI: {@link org.opentokens.powerauth.token.adapter.storage.internal.sql.JdbiSettings}
 * configures a {@link org.jdbi.v3.core.Jdbi} for the adapters' own statements (positional {@code ?} parameters,
 * no templates), without JDBI's ANTLR-based parsing, which cost a short-lived process (the CLI) tens of
 * milliseconds.
 */
package org.opentokens.powerauth.token.adapter.storage.internal.sql;
