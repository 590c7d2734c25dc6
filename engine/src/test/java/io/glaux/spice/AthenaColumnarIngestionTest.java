package io.glaux.spice;

import io.glaux.Glaux;
import io.glaux.results.ResultObjects;
import io.glaux.sql.QueryContext;
import io.glaux.workgroup.ResultConfiguration;
import io.glaux.workgroup.WorkgroupConfiguration;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential, whole ingestion: a dataset over an Athena data source imported from its query's result object in
 * columns holds exactly the rows, values and row counts of the same import read row by row.
 */
class AthenaColumnarIngestionTest {

    private static final String WORKGROUP = "bi";

    @TempDir
    Path folder;

    /** The dataset's rows and the ingestion's row counts. */
    private record Imported(List<Column> columns, List<List<Object>> rows, RowInfo rowInfo, boolean inColumns) {
    }

    private record Column(String name, String type) {
    }

    private Imported importWith(Glaux glaux, SpiceDefinition definition, boolean columnar, int batchRows) {
        AthenaSource source = new AthenaSource(glaux::queries, new ResultObjects(glaux.store(), null),
                Duration.ofMillis(20), columnar);
        AtomicInteger columnarImports = new AtomicInteger();
        try (BufferAllocator root = new RootAllocator()) {
            SpiceImporter importer = new SpiceImporter(source, new SpiceLimits(
                    SpiceLimits.DEFAULT_MAX_ROWS_PER_DATASET, Long.MAX_VALUE), root, batchRows,
                    columnarImports::incrementAndGet);
            Ingestion ingestion = new Ingestion(columnar ? "columns" : "rows",
                    IngestionRequest.of(definition.name()), 1, new ArrayDeque<>());
            SpiceVersion version = importer.importRows(definition, ingestion);
            try {
                List<List<Object>> rows = new ArrayList<>();
                for (VectorSchemaRoot batch : version.batches()) {
                    for (int row = 0; row < batch.getRowCount(); row++) {
                        Object[] values = new Object[version.columns().size()];
                        for (int column = 0; column < values.length; column++) {
                            values[column] = version.value(batch, column, row);
                        }
                        rows.add(Arrays.asList(values));
                    }
                }
                List<Column> columns = version.columns().stream()
                        .map(c -> new Column(c.name(), c.type().ddl())).toList();
                return new Imported(columns, rows, ingestion.rowInfo(), columnarImports.get() > 0);
            } finally {
                version.release();
            }
        }
    }

    @Test
    void aResultObjectImportedInColumnsHoldsTheRowsOfTheRowByRowImport() throws IOException {
        try (Glaux glaux = Glaux.builder().dataFolder(folder).syncWrites(false).build()) {
            glaux.workgroups().create(WORKGROUP, "QuickSight", new WorkgroupConfiguration(
                    ResultConfiguration.NONE.withOutputLocation("s3://glaux-query-results/quicksight/"), false, true,
                    null, false, "AUTO"), Map.of());
            SpiceTestData.createItems(glaux, 2000);
            SpiceDefinition definition = new SpiceDefinition("typed", "SELECT id, big, small, tiny, score, ratio,"
                    + " amount, name, code, d, ts, flag, CAST(amount AS decimal(30,4)) AS wide,"
                    + " CAST(name AS char(6)) AS fixed, to_utf8(name) AS raw,"
                    + " CASE WHEN id % 3 = 0 THEN name || '\",' || chr(10) || '\"\"x,' END AS tricky,"
                    + " at_timezone(ts, 'Asia/Tokyo') AS zoned, name || CAST(id AS varchar) AS label FROM items",
                    QueryContext.DEFAULT)
                    .withWorkgroup(WORKGROUP);

            Imported byRow = importWith(glaux, definition, false, 100);
            assertThat(byRow.inColumns()).isFalse();
            assertThat(byRow.rows()).hasSize(2000);
            assertThat(byRow.rowInfo()).isEqualTo(new RowInfo(2000, 0, 0));
            for (int batchRows : new int[] {100, 64 * 1024}) {
                Imported inColumns = importWith(glaux, definition, true, batchRows);
                assertThat(inColumns.inColumns()).isTrue();
                assertThat(inColumns.columns()).isEqualTo(byRow.columns());
                assertThat(inColumns.rows()).isEqualTo(byRow.rows());
                assertThat(inColumns.rowInfo()).isEqualTo(byRow.rowInfo());
            }
        }
    }
}
