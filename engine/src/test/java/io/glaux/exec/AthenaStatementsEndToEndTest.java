package io.glaux.exec;

import io.glaux.QueryResults;
import io.glaux.catalog.ddl.StatementType;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What Athena answers for EXPLAIN, the StatementType of each kind of statement, the result columns' names and the
 * refusal of an output bucket that does not exist, run through the query service.
 */
class AthenaStatementsEndToEndTest {

    @RegisterExtension
    final GlauxFixture g = GlauxFixture.perTestWithTable("id int, k string", "1,a\n2,b\n3,a\n");

    private List<String> plan(String sql) {
        QueryResults results = g.query(sql);
        assertThat(results.columns()).extracting(c -> c.name() + ":" + c.type()).containsExactly("Query Plan:varchar");
        return results.rows().stream().map(row -> row.get(0)).toList();
    }

    @Test
    void explainAnswersATextPlanWithEstimates() {
        List<String> plan = plan("EXPLAIN SELECT k, count(*) FROM t WHERE id > 1 GROUP BY k");
        assertThat(plan.subList(0, 4)).containsExactly("Fragment 0 [SINGLE]", "    Output layout: [k, _col1]",
                "    Output partitioning: SINGLE []", "    Output[columnNames = [k, _col1]]");
        assertThat(plan).anyMatch(line -> line.contains("└─ Aggregate[keys = [k]]"))
                .anyMatch(line -> line.contains("ScanFilterProject[table = awsdatacatalog.default.t, filterPredicate"))
                .anyMatch(line -> line.contains("Estimates: {rows: "))
                .noneMatch(line -> line.contains("Output: "));
        assertThat(plan("EXPLAIN (TYPE DISTRIBUTED, FORMAT TEXT) SELECT 1")).contains("    └─ Values");
        assertThat(g.rows("EXPLAIN (TYPE VALIDATE) SELECT id FROM t")).containsExactly(List.of("true"));
        assertThat(g.run("EXPLAIN SELECT 1").statementType()).isEqualTo(StatementType.UTILITY);
    }

    @Test
    void explainAnalyzeReportsTheRowsEachOperatorProduced() {
        List<String> plan = plan("EXPLAIN ANALYZE SELECT k, count(*) FROM t WHERE id > 1 GROUP BY k ORDER BY k");
        int aggregate = indexOf(plan, "Aggregate[");
        int scan = indexOf(plan, "ScanFilterProject[");
        assertThat(plan.subList(aggregate, scan)).anyMatch(line -> line.endsWith("Output: 2 rows"));
        assertThat(plan.subList(scan, plan.size())).anyMatch(line -> line.endsWith("Output: 2 rows"));
        assertThat(plan.get(6)).as("the root").isEqualTo("    │   Output: 2 rows");
    }

    /**
     * A row scan of a live table computing a product of decimals runs vectorized only under the aggregate that bounds
     * it by the values read (TPC-H Q15's revenue): the scan alone gets no count, the query is still analyzed.
     */
    @Test
    void explainAnalyzeCountsAQueryWhoseScanCannotRunVectorizedAlone() {
        g.put("lake", "prices/part-0", "1,10.50,0.05\n2,20.25,0.10\n1,30.00,0.00\n");
        g.run("CREATE EXTERNAL TABLE prices (k int, price decimal(12,2), discount decimal(12,2)) ROW FORMAT DELIMITED"
                + " FIELDS TERMINATED BY ',' LOCATION 's3://lake/prices/'");
        String sql = "SELECT k, sum(price * (1 - discount)) FROM prices GROUP BY k ORDER BY k";
        assertThat(g.rows(sql)).containsExactly(List.of("1", "39.9750"), List.of("2", "18.2250"));
        QueryExecution explained = g.run("EXPLAIN ANALYZE " + sql);
        assertThat(explained.status().stateChangeReason()).isNull();
        List<String> plan = plan("EXPLAIN ANALYZE " + sql);
        int aggregate = indexOf(plan, "Aggregate[");
        assertThat(plan.subList(aggregate, aggregate + 4)).anyMatch(line -> line.endsWith("Output: 2 rows"));
        assertThat(plan.get(6)).as("the root").isEqualTo("    │   Output: 2 rows");
        // The whole query declines: it runs, and is analyzed, on its row plan.
        String scan = "SELECT k, price * (1 - discount) FROM prices WHERE k = 1";
        assertThat(g.rows(scan)).containsExactlyInAnyOrder(List.of("1", "9.9750"), List.of("1", "30.0000"));
        assertThat(plan("EXPLAIN ANALYZE " + scan)).anyMatch(line -> line.endsWith("Output: 2 rows"));
    }

    @Test
    void explainErrorsPointIntoTheWholeStatement() {
        assertThat(g.run("EXPLAIN SELECT nope FROM t").status().stateChangeReason())
                .isEqualTo("COLUMN_NOT_FOUND: line 1:16: Column 'nope' cannot be resolved");
        assertThat(g.run("EXPLAIN SHOW TABLES").status().stateChangeReason()).startsWith("NOT_SUPPORTED");
    }

    @Test
    void statementTypesAreTheApiModels() {
        assertThat(g.run("SHOW TABLES").statementType()).isEqualTo(StatementType.UTILITY);
        assertThat(g.run("DESCRIBE t").statementType()).isEqualTo(StatementType.UTILITY);
        assertThat(g.run("SHOW CREATE TABLE t").statementType()).isEqualTo(StatementType.UTILITY);
        QueryExecution ctas = g.run("CREATE TABLE c AS SELECT id FROM t");
        assertThat(ctas.statementType()).isEqualTo(StatementType.DML);
        assertThat(ctas.outputLocation()).endsWith(".txt");
        assertThat(g.run("INSERT INTO c SELECT 4").statementType()).isEqualTo(StatementType.DML);
        assertThat(g.run("CREATE VIEW v AS SELECT id FROM t").statementType()).isEqualTo(StatementType.DDL);
        assertThat(g.run("DROP TABLE c").statementType()).isEqualTo(StatementType.DDL);
    }

    @Test
    void theResultCsvHeaderNamesUnnamedColumnsByPosition() throws IOException {
        QueryExecution done = g.run("SELECT 1, count(*) AS n, 2 FROM t");
        String key = done.outputLocation().substring("s3://glaux-query-results/".length());
        String csv = new String(g.glaux().store().getAll("glaux-query-results", key), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\"_col0\",\"n\",\"_col2\"\n");
    }

    @Test
    void startQueryExecutionRefusesAnOutputBucketThatDoesNotExist() {
        int before = g.glaux().queries().list("primary").size();
        assertThatThrownBy(() -> g.glaux().queries().submit(QueryRequest.of("SELECT 1")
                .withOutputLocation("s3://no-such-results/q/")))
                .hasMessage("Unable to verify/create output bucket no-such-results");
        assertThat(g.glaux().queries().list("primary")).hasSize(before);
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError(text + " not in " + lines);
    }
}
