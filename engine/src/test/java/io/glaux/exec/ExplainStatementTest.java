package io.glaux.exec;

import io.glaux.error.GlauxException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** EXPLAIN's head is read as Trino's grammar has it: ANALYZE, VERBOSE, an option list, then the statement. */
class ExplainStatementTest {

    private static ExplainStatement parse(String sql) {
        return ExplainStatement.parse(sql).orElseThrow();
    }

    @Test
    void findsTheExplainedStatementAndWhereItStarts() {
        ExplainStatement plain = parse("explain  SELECT 1");
        assertThat(plain).isEqualTo(new ExplainStatement(false, ExplainStatement.Type.LOGICAL, "SELECT 1", 9));
        ExplainStatement analyze = parse("EXPLAIN ANALYZE VERBOSE /* c */ SELECT 1");
        assertThat(analyze.analyze()).isTrue();
        assertThat(analyze.query()).isEqualTo("SELECT 1");
        assertThat(ExplainStatement.parse("SELECT 1")).isEmpty();
    }

    @Test
    void readsTypeAndFormatOptionsButNotAParenthesizedQuery() {
        assertThat(parse("EXPLAIN (TYPE DISTRIBUTED, FORMAT TEXT) SELECT 1").type())
                .isEqualTo(ExplainStatement.Type.DISTRIBUTED);
        assertThat(parse("EXPLAIN (type validate) SELECT 1").type()).isEqualTo(ExplainStatement.Type.VALIDATE);
        assertThat(parse("EXPLAIN (SELECT 1)").query()).isEqualTo("(SELECT 1)");
    }

    @Test
    void refusesWhatGlauxCannotAnswer() {
        assertThatThrownBy(() -> parse("EXPLAIN (FORMAT JSON) SELECT 1")).isInstanceOf(GlauxException.class)
                .hasMessage("NOT_SUPPORTED: EXPLAIN (FORMAT JSON) is not supported by Glaux");
        assertThatThrownBy(() -> parse("EXPLAIN (TYPE IO) SELECT 1"))
                .hasMessage("NOT_SUPPORTED: EXPLAIN (TYPE IO) is not supported by Glaux");
        assertThatThrownBy(() -> parse("EXPLAIN (TYPE FAST) SELECT 1")).hasMessageStartingWith("mismatched input");
        assertThatThrownBy(() -> parse("EXPLAIN ANALYZE (TYPE VALIDATE) SELECT 1"))
                .hasMessage("NOT_SUPPORTED: EXPLAIN ANALYZE doesn't support TYPE VALIDATE");
        assertThatThrownBy(() -> parse("EXPLAIN ")).hasMessage("EXPLAIN needs a statement to explain");
    }
}
