package io.glaux.saved;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreparedStatementParserTest {

    private static PreparedStatementCommand parse(String sql) {
        return PreparedStatementCommand.parse(sql).orElseThrow();
    }

    @Test
    void prepareKeepsTheStatementTextAndItsOffset() {
        String sql = "PREPARE  by_id FROM\nSELECT * FROM t WHERE id = ? ;  ";
        PreparedStatementCommand.Prepare prepare = (PreparedStatementCommand.Prepare) parse(sql);
        assertThat(prepare.name()).isEqualTo("by_id");
        assertThat(prepare.statement()).isEqualTo("SELECT * FROM t WHERE id = ?");
        assertThat(sql.substring(prepare.statementOffset())).startsWith("SELECT * FROM t");
    }

    @Test
    void keywordsAreCaseInsensitiveAndNamesMayBeQuotedOrHoldAtAndColon() {
        String quoted = "prepare \"My \"\"q\"\"\" from values 1";
        assertThat(parse(quoted)).isEqualTo(
                new PreparedStatementCommand.Prepare("My \"q\"", "values 1", quoted.indexOf("values")));
        assertThat(parse("-- run it\nexecute team@q:1")).isEqualTo(
                new PreparedStatementCommand.Execute("team@q:1", false, List.of()));
        assertThat(parse("Deallocate /* bye */ Prepare q1;")).isEqualTo(
                new PreparedStatementCommand.Deallocate("q1"));
    }

    @Test
    void usingValuesSplitAtTopLevelCommasOnly() {
        PreparedStatementCommand.Execute execute = (PreparedStatementCommand.Execute) parse(
                "EXECUTE q USING 'a,b', DATE '2024-01-02', ARRAY[1, 2], concat('x', 'y'), -3.5, 'it''s';");
        assertThat(execute.using()).isTrue();
        assertThat(execute.parameters()).containsExactly("'a,b'", "DATE '2024-01-02'", "ARRAY[1, 2]",
                "concat('x', 'y')", "-3.5", "'it''s'");
    }

    @Test
    void otherStatementsAreNotCommands() {
        assertThat(PreparedStatementCommand.parse("SELECT 1")).isEmpty();
        assertThat(PreparedStatementCommand.parse("EXPLAIN SELECT 1")).isEmpty();
        assertThat(PreparedStatementCommand.parse("executed_at")).isEmpty();
        assertThat(PreparedStatementCommand.commandKeyword("(EXECUTE q)")).isEqualTo(Optional.of("EXECUTE"));
        assertThat(PreparedStatementCommand.commandKeyword("SELECT 1")).isEmpty();
    }

    @Test
    void syntaxErrorsUseTrinoWordingAndPositions() {
        assertSyntax("EXECUTE", "line 1:8: mismatched input '<EOF>'. Expecting: <identifier>");
        assertSyntax("EXECUTE q WITH 1", "line 1:11: mismatched input 'WITH'. Expecting: 'USING'");
        assertSyntax("EXECUTE q USING", "line 1:16: mismatched input '<EOF>'. Expecting: <expression>");
        assertSyntax("EXECUTE q USING 1,,2", "line 1:19: mismatched input ','. Expecting: <expression>");
        assertSyntax("PREPARE q SELECT 1", "line 1:11: mismatched input 'SELECT'. Expecting: 'FROM'");
        assertSyntax("PREPARE q FROM ;", "line 1:16: mismatched input '<EOF>'. Expecting: <query>");
        assertSyntax("DEALLOCATE q", "line 1:12: mismatched input 'q'. Expecting: 'PREPARE'");
        assertSyntax("DEALLOCATE PREPARE q\nextra", "line 2:1: mismatched input 'extra'. Expecting: <EOF>");
    }

    private static void assertSyntax(String sql, String message) {
        assertThatThrownBy(() -> PreparedStatementCommand.parse(sql)).isInstanceOf(GlauxException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((GlauxException) e).type()).isEqualTo(ErrorType.SYNTAX_ERROR));
    }
}
