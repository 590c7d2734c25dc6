package io.glaux.athena.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.BatchGetPreparedStatementResponse;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.ListPreparedStatementsRequest;
import software.amazon.awssdk.services.athena.model.ListPreparedStatementsResponse;
import software.amazon.awssdk.services.athena.model.PreparedStatement;
import software.amazon.awssdk.services.athena.model.PreparedStatementSummary;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.ResourceNotFoundException;
import software.amazon.awssdk.services.athena.model.StatementType;
import software.amazon.awssdk.services.athena.model.UnprocessedPreparedStatementName;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The prepared statement operations, and PREPARE / EXECUTE / DEALLOCATE PREPARE run with StartQueryExecution,
 * through the AWS SDK for Java v2.
 */
class PreparedStatementOperationsSdkTest {

    @TempDir
    Path data;

    private SdkServer server;

    @BeforeEach
    void start() throws Exception {
        server = new SdkServer(data);
        athena().createWorkGroup(b -> b.name("team"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private AthenaClient athena() {
        return server.athena();
    }

    private void createTable() throws InterruptedException {
        server.s3().createBucket(b -> b.bucket("lake"));
        server.s3().putObject(b -> b.bucket("lake").key("sales/part-0.csv"),
                RequestBody.fromString("1,north,10\n2,south,20\n3,north,30\n4,east,40\n"));
        succeeded(server.run("default", "CREATE EXTERNAL TABLE sales (id int, region string, amount bigint)"
                + " ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://lake/sales/'"));
    }

    private static QueryExecution succeeded(QueryExecution execution) {
        assertThat(execution.status().state()).as(execution.query() + ": " + execution.status().stateChangeReason())
                .isEqualTo(QueryExecutionState.SUCCEEDED);
        return execution;
    }

    /** The result rows after the header row, as texts. */
    private List<List<String>> rows(QueryExecution execution) {
        var rows = athena().getQueryResults(b -> b.queryExecutionId(execution.queryExecutionId())).resultSet().rows();
        return rows.stream().skip(1).map(r -> r.data().stream().map(Datum::varCharValue).toList()).toList();
    }

    @Test
    void createGetUpdateAndDelete() throws Exception {
        Instant before = Instant.now().minusMillis(1);
        athena().createPreparedStatement(b -> b.statementName("by_region").workGroup("team")
                .queryStatement("SELECT * FROM sales WHERE region = ?").description("sales of one region"));
        PreparedStatement got = athena().getPreparedStatement(b -> b.statementName("by_region").workGroup("team"))
                .preparedStatement();
        assertThat(got.statementName()).isEqualTo("by_region");
        assertThat(got.workGroupName()).isEqualTo("team");
        assertThat(got.queryStatement()).isEqualTo("SELECT * FROM sales WHERE region = ?");
        assertThat(got.description()).isEqualTo("sales of one region");
        assertThat(got.lastModifiedTime()).isBetween(before, Instant.now());

        Thread.sleep(5);
        athena().updatePreparedStatement(b -> b.statementName("by_region").workGroup("team")
                .queryStatement("SELECT id FROM sales WHERE region = ?"));
        PreparedStatement updated = athena().getPreparedStatement(b -> b.statementName("by_region")
                .workGroup("team")).preparedStatement();
        assertThat(updated.queryStatement()).isEqualTo("SELECT id FROM sales WHERE region = ?");
        assertThat(updated.description()).isEqualTo("sales of one region");
        assertThat(updated.lastModifiedTime()).isAfter(got.lastModifiedTime());

        athena().deletePreparedStatement(b -> b.statementName("by_region").workGroup("team"));
        assertThatThrownBy(() -> athena().getPreparedStatement(b -> b.statementName("by_region")
                .workGroup("team"))).isInstanceOf(ResourceNotFoundException.class)
                .satisfies(e -> assertThat(SdkServer.message(e)).isEqualTo("Prepared statement not found: by_region"));
        assertThat(athena().listPreparedStatements(b -> b.workGroup("team")).preparedStatements()).isEmpty();
    }

    @Test
    void errorsFollowTheModel() {
        athena().createPreparedStatement(b -> b.statementName("q1").workGroup("team").queryStatement("SELECT 1"));
        assertThatThrownBy(() -> athena().createPreparedStatement(b -> b.statementName("q1").workGroup("team")
                .queryStatement("SELECT 2"))).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(SdkServer.message(e))
                        .isEqualTo("Prepared statement q1 already exists in workgroup team"));
        assertThatThrownBy(() -> athena().updatePreparedStatement(b -> b.statementName("missing")
                .workGroup("team").queryStatement("SELECT 1"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> athena().deletePreparedStatement(b -> b.statementName("missing")
                .workGroup("team"))).isInstanceOf(ResourceNotFoundException.class)
                .satisfies(e -> assertThat(SdkServer.message(e)).isEqualTo("Prepared statement not found: missing"));
        assertThatThrownBy(() -> athena().getPreparedStatement(b -> b.statementName("q1").workGroup("nope")))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(SdkServer.message(e)).isEqualTo("WorkGroup nope is not found."));
        assertThatThrownBy(() -> athena().createPreparedStatement(b -> b.statementName("1st").workGroup("team")
                .queryStatement("SELECT 1"))).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(SdkServer.message(e)).isEqualTo("1 validation error detected: Value"
                        + " '1st' at 'statementName' failed to satisfy constraint: Member must satisfy regular"
                        + " expression pattern: [a-zA-Z_][a-zA-Z0-9_@:]{1,256}"));
        assertThatThrownBy(() -> athena().listPreparedStatements(b -> { }))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(SdkServer.message(e)).isEqualTo("1 validation error detected: Value null"
                        + " at 'workGroup' failed to satisfy constraint: Member must not be null"));
        assertThatThrownBy(() -> athena().createPreparedStatement(b -> b.statementName("loop").workGroup("team")
                .queryStatement("EXECUTE q1"))).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(SdkServer.message(e))
                        .isEqualTo("Invalid statement type for prepared statement: EXECUTE"));
    }

    @Test
    void theSdkPaginatorWalksEveryPageInNameOrder() {
        for (String name : List.of("e_q", "a_q", "d_q", "c_q", "b_q")) {
            athena().createPreparedStatement(b -> b.statementName(name).workGroup("team").queryStatement("SELECT 1"));
        }
        athena().createPreparedStatement(b -> b.statementName("other").workGroup("primary").queryStatement("SELECT 1"));
        List<String> names = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        for (ListPreparedStatementsResponse page : athena().listPreparedStatementsPaginator(
                ListPreparedStatementsRequest.builder().workGroup("team").maxResults(2).build())) {
            pageSizes.add(page.preparedStatements().size());
            page.preparedStatements().forEach(summary -> {
                assertThat(summary.lastModifiedTime()).isNotNull();
                names.add(summary.statementName());
            });
        }
        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(names).containsExactly("a_q", "b_q", "c_q", "d_q", "e_q");
    }

    @Test
    void batchGetReportsMissingAndInvalidNames() {
        athena().createPreparedStatement(b -> b.statementName("q1").workGroup("team").queryStatement("SELECT 1")
                .description("one"));
        BatchGetPreparedStatementResponse batch = athena().batchGetPreparedStatement(b -> b.workGroup("team")
                .preparedStatementNames("q1", "q2", "9bad"));
        assertThat(batch.preparedStatements()).extracting(PreparedStatement::statementName,
                PreparedStatement::queryStatement, PreparedStatement::workGroupName, PreparedStatement::description)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("q1", "SELECT 1", "team", "one"));
        assertThat(batch.unprocessedPreparedStatementNames()).containsExactly(
                UnprocessedPreparedStatementName.builder().statementName("q2").errorCode("STATEMENT_NOT_FOUND")
                        .errorMessage("Prepared statement not found: q2").build(),
                UnprocessedPreparedStatementName.builder().statementName("9bad").errorCode("INVALID_INPUT")
                        .errorMessage("Invalid prepared statement name: 9bad").build());
        assertThatThrownBy(() -> athena().batchGetPreparedStatement(b -> b.workGroup("nope")
                .preparedStatementNames("9bad"))).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(SdkServer.message(e)).isEqualTo("WorkGroup nope is not found."));
    }

    @Test
    void preparedStatementsSurviveARestart() throws Exception {
        athena().createPreparedStatement(b -> b.statementName("kept").workGroup("team").queryStatement("SELECT ?")
                .description("after restart"));
        PreparedStatement before = athena().getPreparedStatement(b -> b.statementName("kept").workGroup("team"))
                .preparedStatement();
        server.restart();
        assertThat(athena().getPreparedStatement(b -> b.statementName("kept").workGroup("team"))
                .preparedStatement()).isEqualTo(before);
        assertThat(athena().listPreparedStatements(b -> b.workGroup("team")).preparedStatements())
                .extracting(PreparedStatementSummary::statementName).containsExactly("kept");
    }

    @Test
    void sqlPrepareExecuteUsingAndDeallocate() throws Exception {
        createTable();
        QueryExecution prepare = succeeded(server.run("default",
                "PREPARE by_region FROM SELECT id, amount FROM sales WHERE region = ? AND amount > ? ORDER BY id"));
        assertThat(prepare.statementType()).isEqualTo(StatementType.UTILITY);
        assertThat(athena().getPreparedStatement(b -> b.statementName("by_region").workGroup("primary"))
                .preparedStatement().queryStatement())
                .isEqualTo("SELECT id, amount FROM sales WHERE region = ? AND amount > ? ORDER BY id");

        QueryExecution execute = succeeded(server.run("default", "EXECUTE by_region USING 'north', 5"));
        assertThat(execute.statementType()).isEqualTo(StatementType.DML);
        assertThat(execute.query()).isEqualTo("EXECUTE by_region USING 'north', 5");
        assertThat(rows(execute)).containsExactly(List.of("1", "10"), List.of("3", "30"));
        var metadata = athena().getQueryResults(b -> b.queryExecutionId(execute.queryExecutionId())).resultSet()
                .resultSetMetadata().columnInfo();
        assertThat(metadata).extracting(c -> c.name() + ":" + c.type()).containsExactly("id:integer",
                "amount:bigint");

        QueryExecution deallocate = succeeded(server.run("default", "DEALLOCATE PREPARE by_region"));
        assertThat(deallocate.statementType()).isEqualTo(StatementType.UTILITY);
        assertThatThrownBy(() -> athena().getPreparedStatement(b -> b.statementName("by_region")
                .workGroup("primary"))).isInstanceOf(ResourceNotFoundException.class);
        QueryExecution gone = server.run("default", "EXECUTE by_region USING 'north', 5");
        assertThat(gone.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(gone.status().stateChangeReason()).isEqualTo("Prepared statement not found: by_region");
        assertThat(gone.status().athenaError().errorType()).isEqualTo(1301);
    }

    @Test
    void executeBindsExecutionParametersAndChecksTheirNumber() throws Exception {
        createTable();
        athena().createPreparedStatement(b -> b.statementName("total").workGroup("primary")
                .queryStatement("SELECT sum(amount) AS total FROM sales WHERE region = ? OR id = ?"));
        QueryExecution execute = succeeded(server.run("default", "EXECUTE total", "'south'", "4"));
        assertThat(execute.executionParameters()).containsExactly("'south'", "4");
        assertThat(rows(execute)).containsExactly(List.of("60"));

        QueryExecution tooFew = server.run("default", "EXECUTE total USING 'south'");
        assertThat(tooFew.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(tooFew.status().stateChangeReason())
                .isEqualTo("Incorrect number of parameters: expected 2 but found 1");
        assertThat(tooFew.status().athenaError().errorCategory()).isEqualTo(2);
    }

    @Test
    void executeRunsAPreparedInsertAndCtas() throws Exception {
        createTable();
        succeeded(server.run("default", "PREPARE add_sale FROM INSERT INTO sales VALUES (?, ?, ?)"));
        QueryExecution insert = succeeded(server.run("default", "EXECUTE add_sale USING 5, 'west', 50"));
        assertThat(insert.statementType()).isEqualTo(StatementType.DML);
        assertThat(athena().getQueryResults(b -> b.queryExecutionId(insert.queryExecutionId())).updateCount())
                .isEqualTo(1L);

        succeeded(server.run("default", "PREPARE big_sales FROM CREATE TABLE big_sales WITH (format = 'PARQUET')"
                + " AS SELECT id, region FROM sales WHERE amount >= ?"));
        QueryExecution ctas = succeeded(server.run("default", "EXECUTE big_sales USING 40"));
        assertThat(athena().getQueryResults(b -> b.queryExecutionId(ctas.queryExecutionId())).updateCount())
                .isEqualTo(2L);
        assertThat(rows(succeeded(server.run("default", "SELECT id, region FROM big_sales ORDER BY id"))))
                .containsExactly(List.of("4", "east"), List.of("5", "west"));
    }
}
