package org.opentokens.powerauth.token.adapter.storage.internal.sql;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * JDBI settings of the SQL adapters, whose statements are fixed strings with positional {@code ?} parameters: the
 * {@link PositionalSqlParser} instead of JDBI's colon-prefix parser, and no template engine (JDBI's default one
 * looks for {@code <attribute>} definitions). Both defaults parse every new statement text with an ANTLR lexer
 * whose start-up, in a process that runs a handful of statements, costs more than the statements.
 */
public final class JdbiSettings {
    private JdbiSettings() {
    }

    /**
     * @param jdbi the instance to configure (before its first handle)
     * @return {@code jdbi}
     */
    public static Jdbi positionalOnly(Jdbi jdbi) {
        SqlStatements statements = jdbi.getConfig(SqlStatements.class);
        statements.setSqlParser(new PositionalSqlParser());
        statements.setTemplateEngine(TemplateEngine.NOP);
        return jdbi;
    }
}
