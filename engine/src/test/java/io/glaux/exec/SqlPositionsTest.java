package io.glaux.exec;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.error.SourceLocation;
import io.glaux.error.TrinoErrorCode;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Errors in the query part of a statement move to the statement's coordinates as a location field. */
class SqlPositionsTest {

    @RegisterExtension
    final GlauxFixture g = GlauxFixture.perTestWithTable("id int, name string", "1,x\n");

    private GlauxException planning(String query) {
        return g.planningError(query);
    }

    @Test
    void aMissingColumnInCtasMovesByWhereTheQueryStarts() {
        String statement = "CREATE TABLE c AS SELECT nope FROM t";
        GlauxException shifted = SqlPositions.shift(planning("SELECT nope FROM t"), statement,
                statement.indexOf("SELECT"));
        assertThat(shifted.trinoCode()).contains(TrinoErrorCode.COLUMN_NOT_FOUND);
        assertThat(shifted.location()).contains(new SourceLocation(1, 26));
        assertThat(shifted.getMessage()).isEqualTo("COLUMN_NOT_FOUND: line 1:26: Column 'nope' cannot be resolved");
    }

    @Test
    void laterLinesOfTheQueryKeepTheirColumns() {
        String statement = "CREATE VIEW v AS\nSELECT id,\n  nope FROM t";
        GlauxException shifted = SqlPositions.shift(planning("SELECT id,\n  nope FROM t"), statement,
                statement.indexOf("SELECT"));
        assertThat(shifted.location()).contains(new SourceLocation(3, 3));
    }

    @Test
    void aStatementRunReportsTheShiftedLocation() {
        QueryExecution ctas = g.run("CREATE TABLE c AS SELECT nope FROM t");
        assertThat(ctas.state()).isEqualTo(QueryState.FAILED);
        assertThat(ctas.status().stateChangeReason())
                .isEqualTo("COLUMN_NOT_FOUND: line 1:26: Column 'nope' cannot be resolved");
        assertThat(ctas.status().athenaError().errorMessage()).isEqualTo(ctas.status().stateChangeReason());
    }

    @Test
    void errorsWithoutALocationOrAtTheStatementStayWhereTheyAre() {
        GlauxException unplaced = new GlauxException(ErrorType.USER_ERROR, TrinoErrorCode.NOT_SUPPORTED, "no");
        assertThat(SqlPositions.shift(unplaced, "INSERT INTO t SELECT 1", 14)).isSameAs(unplaced);
        GlauxException atStatement = SqlPositions.atStatement(ErrorType.USER_ERROR,
                TrinoErrorCode.MISSING_COLUMN_NAME, new SourceLocation(1, 1), "Column name not specified at position 1");
        assertThat(SqlPositions.shift(atStatement, "CREATE TABLE c AS SELECT 1", 18)).isSameAs(atStatement);
        assertThat(atStatement.getMessage())
                .isEqualTo("MISSING_COLUMN_NAME: line 1:1: Column name not specified at position 1");
    }
}
