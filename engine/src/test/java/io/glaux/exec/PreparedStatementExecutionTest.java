package io.glaux.exec;

import io.glaux.catalog.ddl.StatementType;
import io.glaux.error.ErrorType;
import io.glaux.saved.PreparedStatement;
import io.glaux.sql.QueryContext;
import io.glaux.testing.GlauxFixture;
import io.glaux.workgroup.ResultConfiguration;
import io.glaux.workgroup.WorkgroupConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** PREPARE, EXECUTE [USING] and DEALLOCATE PREPARE through the query service. */
class PreparedStatementExecutionTest {

    @TempDir
    Path data;

    private GlauxFixture g;

    @BeforeEach
    void start() throws IOException {
        g = GlauxFixture.local(data);
        g.put("lake", "t/a.csv", "1,x,10\n2,y,20\n3,z,30\n");
        g.query("CREATE EXTERNAL TABLE t (id int, name string, amount bigint) ROW FORMAT DELIMITED"
                + " FIELDS TERMINATED BY ',' LOCATION 's3://lake/t/'");
    }

    @AfterEach
    void stop() throws IOException {
        g.close();
    }

    private QueryExecution run(String sql, String... parameters) {
        return g.glaux().execute(QueryRequest.of(sql).withContext(new QueryContext(null, "default"))
                .withExecutionParameters(List.of(parameters)));
    }

    private QueryExecution succeeded(String sql, String... parameters) {
        QueryExecution done = run(sql, parameters);
        assertThat(done.state()).as(sql + ": " + done.status().stateChangeReason()).isEqualTo(QueryState.SUCCEEDED);
        return done;
    }

    private List<List<String>> rows(QueryExecution execution) throws IOException {
        return g.glaux().results(execution.queryExecutionId()).rows();
    }

    private static void assertFailed(QueryExecution execution, ErrorType type, String message) {
        assertThat(execution.state()).isEqualTo(QueryState.FAILED);
        assertThat(execution.status().stateChangeReason()).isEqualTo(message);
        assertThat(execution.status().athenaError().errorType()).isEqualTo(type.code());
    }

    @Test
    void prepareExecuteUsingAndDeallocate() throws IOException {
        QueryExecution prepare = succeeded("PREPARE by_range FROM\n"
                + "SELECT name, amount FROM t WHERE id BETWEEN ? AND ? AND name <> ? ORDER BY id");
        assertThat(prepare.statementType()).isEqualTo(StatementType.UTILITY);
        PreparedStatement saved = g.glaux().preparedStatements().get("primary", "by_range");
        assertThat(saved.queryStatement())
                .isEqualTo("SELECT name, amount FROM t WHERE id BETWEEN ? AND ? AND name <> ? ORDER BY id");

        QueryExecution execute = succeeded("EXECUTE by_range USING 1, 3, 'y'");
        assertThat(execute.statementType()).isEqualTo(StatementType.DML);
        assertThat(execute.query()).isEqualTo("EXECUTE by_range USING 1, 3, 'y'");
        assertThat(rows(execute)).containsExactly(List.of("x", "10"), List.of("z", "30"));
        assertThat(g.glaux().results(execute.queryExecutionId()).columns())
                .extracting(c -> c.name() + ":" + c.type()).containsExactly("name:varchar", "amount:bigint");

        QueryExecution deallocate = succeeded("DEALLOCATE PREPARE by_range");
        assertThat(deallocate.statementType()).isEqualTo(StatementType.UTILITY);
        assertThat(g.glaux().preparedStatements().find("primary", "by_range")).isEmpty();
        assertFailed(run("EXECUTE by_range USING 1, 3, 'y'"), ErrorType.NOT_FOUND,
                "Prepared statement not found: by_range");
        assertFailed(run("DEALLOCATE PREPARE by_range"), ErrorType.NOT_FOUND,
                "Prepared statement not found: by_range");
    }

    @Test
    void executeTakesExecutionParametersWhenThereIsNoUsing() throws IOException {
        succeeded("PREPARE by_id FROM SELECT name FROM t WHERE id = ?");
        QueryExecution execute = succeeded("EXECUTE by_id", "2");
        assertThat(rows(execute)).containsExactly(List.of("y"));
        assertThat(execute.executionParameters()).containsExactly("2");
        assertFailed(run("EXECUTE by_id USING 1", "2"), ErrorType.INVALID_ARGUMENT,
                "EXECUTE takes its parameters either from USING or from ExecutionParameters, not both");
    }

    @Test
    void wrongParameterCountsFailAsExecutionParametersDo() {
        succeeded("PREPARE two FROM SELECT name FROM t WHERE id = ? OR id = ?");
        assertFailed(run("EXECUTE two USING 1"), ErrorType.INVALID_ARGUMENT,
                "Incorrect number of parameters: expected 2 but found 1");
        assertFailed(run("EXECUTE two"), ErrorType.INVALID_ARGUMENT,
                "Incorrect number of parameters: expected 2 but found 0");
        succeeded("PREPARE tables FROM SHOW TABLES");
        assertFailed(run("EXECUTE tables USING 1"), ErrorType.INVALID_ARGUMENT,
                "Incorrect number of parameters: expected 0 but found 1");
        assertFailed(run("EXECUTE two USING (1, 2"), ErrorType.INVALID_ARGUMENT,
                "Execution parameter 1 is not a valid SQL literal: (1, 2");
    }

    @Test
    void prepareReplacesAndChecksSyntaxWithPositionsInTheWholeStatement() throws IOException {
        succeeded("PREPARE q1 FROM SELECT 1 AS v");
        succeeded("PREPARE q1 FROM SELECT 2 AS v");
        assertThat(rows(succeeded("EXECUTE q1"))).containsExactly(List.of("2"));
        QueryExecution bad = run("PREPARE q1 FROM SELECT FROM t WHERE");
        assertThat(bad.state()).isEqualTo(QueryState.FAILED);
        assertThat(bad.status().stateChangeReason()).startsWith("line 1:24: ");
        assertThat(bad.status().athenaError().errorType()).isEqualTo(ErrorType.SYNTAX_ERROR.code());
        assertFailed(run("PREPARE nested FROM EXECUTE q1"), ErrorType.INVALID_ARGUMENT,
                "Invalid statement type for prepared statement: EXECUTE");
        assertFailed(run("EXECUTE q1 USING"), ErrorType.SYNTAX_ERROR,
                "line 1:17: mismatched input '<EOF>'. Expecting: <expression>");
        assertFailed(run("PREPARE q FROM SELECT 1"), ErrorType.INVALID_ARGUMENT,
                "Invalid prepared statement name 'q': it must match [a-zA-Z_][a-zA-Z0-9_@:]{1,256}");
    }

    @Test
    void executeRunsAPreparedInsertAndCtasWithTheirParameters() throws IOException {
        succeeded("PREPARE add_row FROM INSERT INTO t VALUES (?, ?, ?)");
        QueryExecution insert = succeeded("EXECUTE add_row USING 4, 'w', 40");
        assertThat(insert.statementType()).isEqualTo(StatementType.DML);
        assertThat(insert.result().updateCount()).isEqualTo(1L);
        succeeded("PREPARE big FROM CREATE TABLE big WITH (format = 'PARQUET') AS"
                + " SELECT id, name FROM t WHERE amount >= ?");
        QueryExecution ctas = succeeded("EXECUTE big USING 30");
        assertThat(ctas.statementType()).isEqualTo(StatementType.classify("CREATE TABLE x AS SELECT 1"));
        assertThat(ctas.result().updateCount()).isEqualTo(2L);
        assertThat(g.rows("SELECT id, name FROM big ORDER BY id")).containsExactly(List.of("3", "z"),
                List.of("4", "w"));
    }

    @Test
    void preparedStatementsBelongToTheQuerysWorkgroup() throws IOException {
        g.glaux().workgroups().create("team", "", new WorkgroupConfiguration(
                ResultConfiguration.NONE.withOutputLocation("s3://glaux-query-results/team/"), false, true, null,
                false, "AUTO"), null);
        QueryExecution prepared = g.glaux().execute(QueryRequest.of("PREPARE mine FROM SELECT ? AS v")
                .withWorkgroup("team"));
        assertThat(prepared.state()).isEqualTo(QueryState.SUCCEEDED);
        assertThat(g.glaux().preparedStatements().list("team")).extracting(PreparedStatement::statementName)
                .containsExactly("mine");
        assertFailed(run("EXECUTE mine USING 1"), ErrorType.NOT_FOUND, "Prepared statement not found: mine");
        QueryExecution inTeam = g.glaux().execute(QueryRequest.of("EXECUTE MINE USING 'hi'").withWorkgroup("team"));
        assertThat(inTeam.state()).isEqualTo(QueryState.SUCCEEDED);
        assertThat(rows(inTeam)).containsExactly(List.of("hi"));
    }
}
