package io.glaux.sql;

import io.glaux.error.GlauxException;
import io.glaux.error.SourceLocation;
import io.glaux.error.TrinoErrorCode;
import io.glaux.exec.QueryExecution;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The planner's errors carry Trino's code and the location in the text as written, as fields. */
class TypedErrorsTest {

    @TempDir
    Path data;

    private GlauxFixture g;

    @BeforeEach
    void open() throws IOException {
        g = GlauxFixture.localWithTable(data, "id int, name string", "1,x\n");
    }

    @AfterEach
    void close() throws IOException {
        g.close();
    }

    private GlauxException planning(String sql) {
        return g.planningError(sql);
    }

    @Test
    void aParseErrorCarriesItsLocation() {
        GlauxException e = planning("SELECT *\nFROM");
        assertThat(e.trinoCode()).contains(TrinoErrorCode.SYNTAX_ERROR);
        assertThat(e.location()).contains(new SourceLocation(2, 5));
        assertThat(e.detail()).startsWith("mismatched input '<EOF>'");
        assertThat(e.getMessage()).startsWith("line 2:5: mismatched input '<EOF>'");
    }

    @Test
    void aMissingColumnCarriesItsCodeAndLocation() {
        GlauxException e = planning("SELECT id,\n  nope FROM t");
        assertThat(e.trinoCode()).contains(TrinoErrorCode.COLUMN_NOT_FOUND);
        assertThat(e.location()).contains(new SourceLocation(2, 3));
        assertThat(e.detail()).isEqualTo("Column 'nope' cannot be resolved");
    }

    @Test
    void aLocationAfterTextTheParserSawQuotedIsOneInTheTextAsWritten() {
        // "default" is quoted for Calcite, which moves everything after it by two characters.
        GlauxException e = planning("SELECT * FROM default.t WHERE nope = 1");
        assertThat(e.trinoCode()).contains(TrinoErrorCode.COLUMN_NOT_FOUND);
        assertThat(e.location()).contains(new SourceLocation(1, 31));
        assertThat(e.getMessage()).isEqualTo("COLUMN_NOT_FOUND: line 1:31: Column 'nope' cannot be resolved");
    }

    @Test
    void aMissingTableCarriesItsCodeAndLocation() {
        GlauxException e = planning("SELECT * FROM nothere");
        assertThat(e.trinoCode()).contains(TrinoErrorCode.TABLE_NOT_FOUND);
        assertThat(e.location()).contains(new SourceLocation(1, 15));
        assertThat(e.getMessage()).isEqualTo(
                "TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.default.nothere' does not exist");
    }

    @Test
    void anInvalidDateTimeLiteralIsInvalidLiteralInTrinosWords() {
        GlauxException timestamp = planning("SELECT TIMESTAMP '2020-13-01 00:00:00'");
        assertThat(timestamp.trinoCode()).contains(TrinoErrorCode.INVALID_LITERAL);
        assertThat(timestamp.getMessage())
                .isEqualTo("INVALID_LITERAL: line 1:8: '2020-13-01 00:00:00' is not a valid timestamp literal");
        assertThat(planning("SELECT DATE '2020-02-30'").getMessage())
                .isEqualTo("INVALID_LITERAL: line 1:8: '2020-02-30' is not a valid date literal");
        assertThat(planning("SELECT 1, TIME '25:00:00'").getMessage())
                .isEqualTo("INVALID_LITERAL: line 1:11: '25:00:00' is not a valid time literal");
        QueryExecution zoned = g.run("SELECT TIMESTAMP '2020-01-01 00:00:00 Mars/Olympus'");
        assertThat(zoned.status().stateChangeReason())
                .contains("INVALID_LITERAL: '2020-01-01 00:00:00 Mars/Olympus' is not a valid timestamp literal");
    }

    @Test
    void anUnknownFunctionCarriesItsCode() {
        GlauxException e = planning("SELECT no_such_function(id) FROM t");
        assertThat(e.trinoCode()).contains(TrinoErrorCode.FUNCTION_NOT_FOUND);
        assertThat(e.location()).contains(new SourceLocation(1, 8));
    }

    @Test
    void aBrokenStoredViewIsInvalidViewWithTheViewsOwnPosition() {
        g.query("CREATE VIEW v AS SELECT id FROM t");
        g.query("DROP TABLE t");
        GlauxException e = planning("SELECT * FROM v");
        assertThat(e.trinoCode()).contains(TrinoErrorCode.INVALID_VIEW);
        assertThat(e.location()).isEmpty();
        // The position is one in the view's stored text, not in the query that reads the view.
        assertThat(e.getMessage()).matches("INVALID_VIEW: Failed analyzing stored view 'awsdatacatalog\\.default\\.v':"
                + " line 1:\\d+: Table 'awsdatacatalog\\.default\\.t' does not exist");
    }
}
