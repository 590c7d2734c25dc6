package io.glaux.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryState;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The objects a query leaves in the result bucket, compared byte for byte with what Athena writes. */
class ResultObjectsTest {

    @TempDir
    Path data;

    private static String object(GlauxFixture g, String key) throws Exception {
        return new String(g.glaux().store().getAll("glaux-query-results", key), StandardCharsets.UTF_8);
    }

    @Test
    void selectWritesQuotedCsvWithEmptyUnquotedNulls() throws Exception {
        try (GlauxFixture g = GlauxFixture.local(data)) {
            QueryExecution done = g.run("""
                    SELECT * FROM (VALUES
                      (1, 'plain', CAST(NULL AS varchar), 2.5E0, DATE '2024-02-29',
                       TIMESTAMP '2024-03-01 12:34:56.789', true, CAST(12.30 AS decimal(10,2))),
                      (2, 'say "hi", ok', '', -1.0E0, DATE '1969-12-31',
                       TIMESTAMP '1970-01-01 00:00:00.000', false, CAST(NULL AS decimal(10,2)))
                    ) AS t(id, text, maybe, d, day, ts, flag, amount)
                    ORDER BY id""");
            assertThat(done.state()).isEqualTo(QueryState.SUCCEEDED);
            String id = done.queryExecutionId();
            assertThat(object(g, id + ".csv")).isEqualTo(
                    "\"id\",\"text\",\"maybe\",\"d\",\"day\",\"ts\",\"flag\",\"amount\"\n"
                    + "\"1\",\"plain\",,\"2.5\",\"2024-02-29\",\"2024-03-01 12:34:56.789\",\"true\",\"12.30\"\n"
                    + "\"2\",\"say \"\"hi\"\", ok\",\"\",\"-1.0\",\"1969-12-31\",\"1970-01-01 00:00:00.000\","
                    + "\"false\",\n");
            JsonNode metadata = new ObjectMapper().readTree(object(g, id + ".csv.metadata"));
            assertThat(metadata.get("version").asInt()).isEqualTo(1);
            assertThat(metadata.get("rowCount").asLong()).isEqualTo(2);
            assertThat(metadata.get("columns")).hasSize(8);
            assertThat(metadata.get("columns").get(0).get("type").asText()).isEqualTo("integer");
            assertThat(metadata.get("columns").get(1).get("type").asText()).isEqualTo("varchar");
            assertThat(metadata.get("columns").get(3).get("type").asText()).isEqualTo("double");
            assertThat(metadata.get("columns").get(5).get("type").asText()).isEqualTo("timestamp");
            assertThat(metadata.get("columns").get(7).get("type").asText()).isEqualTo("decimal");
            assertThat(metadata.get("columns").get(7).get("precision").asInt()).isEqualTo(10);
            assertThat(metadata.get("columns").get(7).get("scale").asInt()).isEqualTo(2);
        }
    }

    @Test
    void anEmptyResultHasOnlyTheHeader() throws Exception {
        try (GlauxFixture g = GlauxFixture.local(data)) {
            QueryExecution done = g.run("SELECT 1 AS a, 'x' AS b FROM (VALUES (1)) AS t(x) WHERE x > 1");
            assertThat(object(g, done.queryExecutionId() + ".csv")).isEqualTo("\"a\",\"b\"\n");
        }
    }

    @Test
    void ddlWritesItsOutputLinesAsText() throws Exception {
        try (GlauxFixture g = GlauxFixture.local(data)) {
            g.query("CREATE DATABASE sales");
            g.query("CREATE DATABASE marketing");
            QueryExecution show = g.run("SHOW DATABASES");
            assertThat(show.outputLocation()).endsWith(show.queryExecutionId() + ".txt");
            assertThat(object(g, show.queryExecutionId() + ".txt")).isEqualTo("default\nmarketing\nsales\n");
            QueryExecution create = g.run("CREATE DATABASE other");
            assertThat(object(g, create.queryExecutionId() + ".txt")).isEmpty();
        }
    }

    @Test
    void aFailedQueryLeavesNoResultObject() throws Exception {
        try (GlauxFixture g = GlauxFixture.local(data)) {
            QueryExecution failed = g.run("SELECT 1 / x FROM (VALUES (1), (0)) AS t(x)");
            assertThat(failed.state()).isEqualTo(QueryState.FAILED);
            assertThat(failed.status().stateChangeReason()).isEqualTo("DIVISION_BY_ZERO: Division by zero");
            assertThat(g.glaux().store().listAll("glaux-query-results", "")).isEmpty();
        }
    }
}
