package io.glaux.sql;

import io.glaux.Glaux;
import io.glaux.catalog.Column;
import io.glaux.format.ColumnBatch;
import io.glaux.format.ColumnVectors;
import io.glaux.exec.QueryRequest;
import io.glaux.sql.scan.BatchScan;
import io.glaux.sql.scan.ScanContext;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.calcite.linq4j.Enumerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which queries only read columns of one table, and that such a query's column batches hold exactly its rows:
 * partition keys repeated, a column picked twice, batches of one row and batches spanning objects.
 */
class ColumnScanTest {

    @TempDir
    Path folder;
    private Glaux glaux;
    private BufferAllocator allocator;

    @BeforeEach
    void createTables() throws IOException {
        glaux = Glaux.builder().dataFolder(folder).build();
        allocator = new RootAllocator();
        glaux.store().createBucket("lake");
        for (int part = 0; part < 3; part++) {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 10 + part; i++) {
                int id = part * 100 + i;
                lines.append(id).append(',').append(i % 4 == 0 ? "\\N" : "v" + id % 7).append(',')
                        .append(id * 0.5).append('\n');
            }
            glaux.store().put("lake", "t/p=" + part + "/data.csv", lines.toString().getBytes(StandardCharsets.UTF_8));
        }
        execute("CREATE EXTERNAL TABLE t (id int, label string, score double) PARTITIONED BY (p int)"
                + " ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://lake/t/'");
        execute("MSCK REPAIR TABLE t");
        execute("CREATE EXTERNAL TABLE u (id int) LOCATION 's3://lake/u/'");
    }

    @AfterEach
    void close() throws IOException {
        allocator.close();
        glaux.close();
    }

    private void execute(String sql) {
        var done = glaux.execute(QueryRequest.of(sql));
        assertThat(done.status().stateChangeReason()).as(sql).isNull();
    }

    private PreparedQuery prepare(String sql) {
        return glaux.planner().prepare(sql, QueryContext.DEFAULT, List.of());
    }

    @Test
    void queriesThatOnlyReadColumnsOfOneTableAreColumnScans() {
        assertThat(prepare("SELECT * FROM t").columnScan()).isPresent();
        assertThat(prepare("SELECT label, id AS key, p, label FROM t").columnScan()).isPresent();
        assertThat(prepare("SELECT * FROM (SELECT id, label FROM t) AS s").columnScan()).isPresent();
    }

    @Test
    void filtersExpressionsJoinsAndAggregatesAreNot() {
        assertThat(prepare("SELECT * FROM t WHERE id > 3").columnScan()).isEmpty();
        assertThat(prepare("SELECT * FROM t WHERE p = 1").columnScan()).isEmpty();
        assertThat(prepare("SELECT id + 1 FROM t").columnScan()).isEmpty();
        assertThat(prepare("SELECT t.id FROM t JOIN u ON t.id = u.id").columnScan()).isEmpty();
        assertThat(prepare("SELECT count(*) FROM t").columnScan()).isEmpty();
        assertThat(prepare("SELECT * FROM t LIMIT 5").columnScan()).isEmpty();
        assertThat(prepare("SELECT DISTINCT label FROM t").columnScan()).isEmpty();
        assertThat(prepare("SELECT 1").columnScan()).isEmpty();
    }

    @Test
    void theBatchesHoldTheQuerysRowsWhateverTheBatchSize() {
        for (String sql : List.of("SELECT * FROM t", "SELECT label, p, id, label AS again, score FROM t")) {
            PreparedQuery query = prepare(sql);
            List<List<Object>> expected = rows(query);
            for (int maxRows : new int[] {1, 7, 11, 1000}) {
                assertThat(batchRows(query, maxRows)).as(sql + " in batches of " + maxRows)
                        .hasSize(33).containsExactlyInAnyOrderElementsOf(expected);
            }
        }
    }

    private static List<List<Object>> rows(PreparedQuery query) {
        List<List<Object>> rows = new ArrayList<>();
        try (Enumerator<Object[]> e = query.runHeld(new ScanContext(new AtomicBoolean(), Long.MAX_VALUE),
                new AtomicBoolean())) {
            while (e.moveNext()) {
                rows.add(Arrays.asList(e.current()));
            }
        }
        return rows;
    }

    private List<List<Object>> batchRows(PreparedQuery query, int maxRows) {
        ColumnScan scan = query.columnScan().orElseThrow();
        List<Column> columns = scan.columns();
        List<List<Object>> rows = new ArrayList<>();
        try (BatchScan batches = scan.open(new ScanContext(new AtomicBoolean(), Long.MAX_VALUE), allocator,
                maxRows)) {
            for (ColumnBatch next = batches.next(); next != null; next = batches.next()) {
                try (ColumnBatch batch = next) {
                    assertThat(batch.rowCount()).isBetween(1, maxRows);
                    for (int row = 0; row < batch.rowCount(); row++) {
                        List<Object> values = new ArrayList<>();
                        for (int c = 0; c < columns.size(); c++) {
                            values.add(ColumnVectors.get(batch.vector(c), row, columns.get(c).type()));
                        }
                        rows.add(values);
                    }
                }
            }
        }
        return rows;
    }
}
