package io.glaux.spice;

import io.glaux.Glaux;
import io.glaux.sql.QueryContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dataset whose query only reads columns of one table is imported from the table's objects in columns; it holds
 * exactly the rows the row-by-row import of the same table holds, whatever the format, batch size and partitioning.
 */
class ColumnarImportTest {

    private static final String ALL = "id, big, small, tiny, score, ratio, amount, name, code, d, ts, flag";

    @TempDir
    Path folder;

    private Glaux open(int batchRows) throws IOException {
        return Glaux.builder().dataFolder(folder).spiceBatchRows(batchRows).build();
    }

    /** Imports {@code sql} as dataset {@code name}; returns whether it was read in columns. */
    private static boolean importIn(Glaux glaux, String name, String sql) {
        long before = glaux.spice().columnarImports();
        glaux.spice().createDataset(new SpiceDefinition(name, sql, QueryContext.DEFAULT));
        Ingestion ingestion = SpiceTestData.await(glaux.spice().createIngestion(name));
        assertThat(ingestion.status()).as(ingestion.errorInfo() == null ? "" : ingestion.errorInfo().message())
                .isEqualTo(IngestionStatus.COMPLETED);
        return glaux.spice().columnarImports() > before;
    }

    private static List<List<String>> rows(Glaux glaux, String from) {
        return SpiceTestData.query(glaux, "SELECT " + ALL + " FROM " + from + " ORDER BY id");
    }

    @Test
    void aTextTableIsImportedInColumnsWithTheRowsOfTheRowByRowImport() throws IOException {
        try (Glaux glaux = open(64)) {
            SpiceTestData.createItems(glaux, 1000);
            assertThat(importIn(glaux, "columns", "SELECT * FROM items")).isTrue();
            // A filter that keeps every row makes the import read row by row: the reference.
            assertThat(importIn(glaux, "byrow", "SELECT * FROM items WHERE id > -1")).isFalse();
            assertThat(rows(glaux, "spice.default.columns")).hasSize(1000)
                    .isEqualTo(rows(glaux, "spice.default.byrow"))
                    .isEqualTo(rows(glaux, "items"));
        }
    }

    @Test
    void picksAndReordersColumnsAndKeepsTheQuerysNames() throws IOException {
        try (Glaux glaux = open(7)) {
            SpiceTestData.createItems(glaux, 100);
            assertThat(importIn(glaux, "picked", "SELECT name AS label, id, name, ts FROM items")).isTrue();
            assertThat(glaux.spice().dataset("picked").orElseThrow().columns())
                    .extracting(io.glaux.catalog.Column::name).containsExactly("label", "id", "name", "ts");
            assertThat(SpiceTestData.query(glaux, "SELECT label, id, name, ts FROM spice.default.picked ORDER BY id"))
                    .isEqualTo(SpiceTestData.query(glaux, "SELECT name, id, name, ts FROM items ORDER BY id"));
        }
    }

    @Test
    void parquetAndPartitionedTablesAreImportedInColumns() throws IOException {
        try (Glaux glaux = open(100)) {
            SpiceTestData.createItems(glaux, 700);
            SpiceTestData.query(glaux, "CREATE TABLE pq WITH (format = 'PARQUET', external_location ="
                    + " 's3://lake/pq/') AS SELECT * FROM items");
            SpiceTestData.query(glaux, "CREATE TABLE parts WITH (format = 'PARQUET', external_location ="
                    + " 's3://lake/parts/', partitioned_by = ARRAY['code']) AS SELECT id, big, small, tiny, score, ratio, amount, name, d, ts, flag,"
                    + " code FROM items");
            assertThat(importIn(glaux, "pq", "SELECT * FROM pq")).isTrue();
            assertThat(importIn(glaux, "parts", "SELECT * FROM parts")).isTrue();
            assertThat(rows(glaux, "spice.default.pq")).hasSize(700).isEqualTo(rows(glaux, "items"));
            assertThat(rows(glaux, "spice.default.parts")).hasSize(700).isEqualTo(rows(glaux, "items"));
            // String ids are shared across batches and objects: grouping on the dictionary column counts each once.
            assertThat(SpiceTestData.query(glaux, "SELECT code, count(*), count(DISTINCT name) FROM spice.default.parts"
                    + " GROUP BY code ORDER BY code"))
                    .isEqualTo(SpiceTestData.query(glaux, "SELECT code, count(*), count(DISTINCT name) FROM items"
                            + " GROUP BY code ORDER BY code"));
        }
    }

    @Test
    void anEmptyTableGivesAnEmptyDataset() throws IOException {
        try (Glaux glaux = open(64)) {
            glaux.store().createBucket("lake");
            SpiceTestData.query(glaux, "CREATE EXTERNAL TABLE nothing (" + SpiceTestData.COLUMNS + ") ROW FORMAT"
                    + " DELIMITED FIELDS TERMINATED BY '|' LOCATION 's3://lake/nothing/'");
            assertThat(importIn(glaux, "nothing", "SELECT * FROM nothing")).isTrue();
            assertThat(SpiceTestData.query(glaux, "SELECT count(*) FROM spice.default.nothing"))
                    .containsExactly(List.of("0"));
        }
    }

    @Test
    void theRowLimitCountsTheRowsUpToItThenFailsTheImport() throws IOException {
        try (Glaux glaux = Glaux.builder().dataFolder(folder).spiceBatchRows(64)
                .spiceLimits(SpiceLimits.defaults().withMaxRowsPerDataset(150)).build()) {
            SpiceTestData.createItems(glaux, 200);
            glaux.spice().createDataset(new SpiceDefinition("big", "SELECT * FROM items", QueryContext.DEFAULT));
            Ingestion ingestion = SpiceTestData.await(glaux.spice().createIngestion("big"));
            assertThat(ingestion.status()).isEqualTo(IngestionStatus.FAILED);
            assertThat(ingestion.errorInfo().type()).isEqualTo(IngestionErrorType.DATA_SET_SIZE_LIMIT_EXCEEDED);
            assertThat(ingestion.rowInfo()).isEqualTo(new RowInfo(150, 0, 0));
            assertThat(glaux.spice().columnarImports()).isEqualTo(1);
        }
    }
}
