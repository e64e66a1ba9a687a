package org.opentokens.powerauth.token.adapter.storage.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.ParsedSql;
import org.jdbi.v3.core.statement.UnableToCreateStatementException;
import org.junit.jupiter.api.Test;

/**
 * The positional-only parser: the parameters it finds, the text it leaves alone, and the same results as JDBI's own
 * parser on a real SQLite connection.
 */
class PositionalSqlParserTest {
    private final PositionalSqlParser parser = new PositionalSqlParser();

    @Test
    void everyQuestionMarkOutsideLiteralsAndCommentsIsAParameter() {
        ParsedSql parsed = parser.parse("INSERT INTO t (a, b) VALUES (?, ?) ON CONFLICT (a) DO UPDATE SET b = ?", null);

        assertThat(parsed.getSql()).isEqualTo("INSERT INTO t (a, b) VALUES (?, ?) ON CONFLICT (a) DO UPDATE SET b = ?");
        assertThat(parsed.getParameters().isPositional()).isTrue();
        assertThat(parsed.getParameters().getParameterCount()).isEqualTo(3);
    }

    @Test
    void questionMarksInLiteralsIdentifiersAndCommentsAreText() {
        String sql = "SELECT '?', 'it''s ?', \"col?\", \"a\"\"?\" -- what?\n, /* why? */ ? FROM t WHERE x = :name";

        ParsedSql parsed = parser.parse(sql, null);

        assertThat(parsed.getSql()).isEqualTo(sql);
        assertThat(parsed.getParameters().getParameterCount()).isEqualTo(1);
    }

    @Test
    void aStatementWithoutParametersIsUnchanged() {
        ParsedSql parsed = parser.parse("PRAGMA quick_check", null);

        assertThat(parsed.getSql()).isEqualTo("PRAGMA quick_check");
        assertThat(parsed.getParameters().getParameterCount()).isZero();
    }

    @Test
    void unterminatedLiteralsAndCommentsAreRefused() {
        assertThatThrownBy(() -> parser.parse("SELECT 'open ?", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parser.parse("SELECT \"open", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parser.parse("SELECT ? /* open", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parser.nameParameter("x", null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void bindsPositionallyOnSqliteLikeJdbisOwnParser() {
        String sql = "SELECT ? || '?' || ? /* ? */ AS v";
        Jdbi ours = JdbiSettings.positionalOnly(Jdbi.create("jdbc:sqlite::memory:"));
        Jdbi theirs = Jdbi.create("jdbc:sqlite::memory:");

        List<String> results = List.of(ours, theirs).stream().map(jdbi -> jdbi.withHandle(handle -> handle
                .createQuery(sql).bind(0, "a").bind(1, "b").mapTo(String.class).one())).toList();

        assertThat(results).containsExactly("a?b", "a?b");
    }

    @Test
    void aNameBindingFindsNoParameterAndIsRefused() {
        Jdbi jdbi = JdbiSettings.positionalOnly(Jdbi.create("jdbc:sqlite::memory:"));

        assertThatThrownBy(() -> jdbi.withHandle(handle -> handle.createQuery("SELECT :v").bind("v", "a")
                .mapTo(String.class).one())).isInstanceOf(UnableToCreateStatementException.class);
    }

    @Test
    void templatesAreNotRendered() {
        Jdbi jdbi = JdbiSettings.positionalOnly(Jdbi.create("jdbc:sqlite::memory:"));

        String value = jdbi.withHandle(handle -> handle.createQuery("SELECT '<table>' AS v").define("table", "x")
                .mapTo(String.class).one());

        assertThat(value).isEqualTo("<table>");
    }
}
