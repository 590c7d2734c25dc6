package io.glaux.spice;

import io.glaux.storage.ObjectInfo;

import io.glaux.Glaux;
import io.glaux.sql.QueryContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Atomic swap, failures that keep the old data, capacity limits, small batches and persistence across restart. */
class SpiceIngestionTest {

    private static final String COUNT = "SELECT count(*), sum(amount), count(DISTINCT name) FROM %s";

    @TempDir
    Path folder;

    private static Glaux open(Path folder, SpiceLimits limits) throws IOException {
        return Glaux.builder().dataFolder(folder).spiceLimits(limits).build();
    }

    private static Ingestion ingest(Glaux glaux, String dataset) {
        return SpiceTestData.await(glaux.spice().createIngestion(dataset));
    }

    @Test
    void aFailedRefreshKeepsThePreviousVersion() throws IOException {
        try (Glaux glaux = open(folder, SpiceLimits.defaults().withMaxRowsPerDataset(250))) {
            SpiceTestData.createItems(glaux, 200);
            glaux.spice().createDataset(new SpiceDefinition("items", "SELECT * FROM items", QueryContext.DEFAULT));
            assertThat(ingest(glaux, "items").status()).isEqualTo(IngestionStatus.COMPLETED);
            List<List<String>> before = SpiceTestData.query(glaux, String.format(COUNT, "spice.default.items"));
            long bytes = glaux.spice().dataset("items").orElseThrow().bytes();
            assertThat(bytes).isPositive();

            // The live table grows past the row limit: the refresh fails midway, readers keep the old rows.
            SpiceTestData.put(glaux, "lake", "items/part-1", SpiceTestData.lines(201, 100));
            Ingestion tooBig = ingest(glaux, "items");
            assertThat(tooBig.status()).isEqualTo(IngestionStatus.FAILED);
            assertThat(tooBig.errorInfo().type()).isEqualTo(IngestionErrorType.DATA_SET_SIZE_LIMIT_EXCEEDED);
            assertThat(tooBig.rowInfo()).isEqualTo(new RowInfo(250, 0, 200));
            assertThat(SpiceTestData.query(glaux, String.format(COUNT, "spice.default.items"))).isEqualTo(before);
            assertThat(glaux.spice().usedBytes()).isEqualTo(bytes);

            // The source table disappears: the refresh fails with SQL_TABLE_NOT_FOUND, the data stays.
            SpiceTestData.query(glaux, "DROP TABLE items");
            Ingestion missing = ingest(glaux, "items");
            assertThat(missing.status()).isEqualTo(IngestionStatus.FAILED);
            assertThat(missing.errorInfo().type()).isEqualTo(IngestionErrorType.SQL_TABLE_NOT_FOUND);
            assertThat(SpiceTestData.query(glaux, String.format(COUNT, "spice.default.items"))).isEqualTo(before);
        }
    }

    @Test
    void aCompletedRefreshReplacesTheRows() throws IOException {
        try (Glaux glaux = open(folder, SpiceLimits.defaults())) {
            SpiceTestData.createItems(glaux, 100);
            glaux.spice().createDataset(new SpiceDefinition("items", "SELECT * FROM items", QueryContext.DEFAULT));
            ingest(glaux, "items");
            SpiceTestData.put(glaux, "lake", "items/part-1", SpiceTestData.lines(101, 50));
            Ingestion refresh = ingest(glaux, "items");
            assertThat(refresh.status()).isEqualTo(IngestionStatus.COMPLETED);
            assertThat(refresh.rowInfo().totalRowsInDataset()).isEqualTo(150);
            assertThat(SpiceTestData.query(glaux, String.format(COUNT, "spice.default.items")))
                    .isEqualTo(SpiceTestData.query(glaux, String.format(COUNT, "items")));
            assertThat(glaux.spice().totalRows()).isEqualTo(150);
        }
    }

    @Test
    void exceedingTheCapacityFailsTheIngestionAndFreesItsMemory() throws IOException {
        try (Glaux glaux = open(folder, SpiceLimits.defaults().withMaxTotalBytes(256 * 1024))) {
            SpiceTestData.createItems(glaux, 20_000);
            glaux.spice().createDataset(new SpiceDefinition("small", "SELECT id, name FROM items WHERE id <= 10",
                    QueryContext.DEFAULT));
            glaux.spice().createDataset(new SpiceDefinition("everything", "SELECT * FROM items",
                    QueryContext.DEFAULT));
            assertThat(ingest(glaux, "small").status()).isEqualTo(IngestionStatus.COMPLETED);
            long smallBytes = glaux.spice().usedBytes();

            Ingestion big = ingest(glaux, "everything");
            assertThat(big.status()).isEqualTo(IngestionStatus.FAILED);
            assertThat(big.errorInfo().type()).isEqualTo(IngestionErrorType.ACCOUNT_CAPACITY_LIMIT_EXCEEDED);
            assertThat(glaux.spice().usedBytes()).isEqualTo(smallBytes);
            assertThat(glaux.spice().dataset("everything").orElseThrow().hasData()).isFalse();
            assertThat(SpiceTestData.query(glaux, "SELECT count(*) FROM spice.default.small"))
                    .containsExactly(List.of("10"));
        }
    }

    @Test
    void unsupportedColumnTypesFailTheIngestion() throws IOException {
        try (Glaux glaux = open(folder, SpiceLimits.defaults())) {
            glaux.spice().createDataset(new SpiceDefinition("arrays", "SELECT ARRAY[1, 2] AS a",
                    QueryContext.DEFAULT));
            Ingestion ingestion = ingest(glaux, "arrays");
            assertThat(ingestion.status()).isEqualTo(IngestionStatus.FAILED);
            assertThat(ingestion.errorInfo().type()).isEqualTo(IngestionErrorType.SQL_SCHEMA_MISMATCH_ERROR);
        }
    }

    @Test
    void datasetsSurviveARestartAndLoadOnFirstUse() throws IOException {
        List<List<String>> live;
        try (Glaux glaux = open(folder, SpiceLimits.defaults())) {
            SpiceTestData.createItems(glaux, 300);
            glaux.spice().createDataset(new SpiceDefinition("items", "SELECT * FROM items", QueryContext.DEFAULT));
            ingest(glaux, "items");
            live = SpiceTestData.query(glaux, "SELECT * FROM items ORDER BY id");
        }
        try (Glaux glaux = open(folder, SpiceLimits.defaults())) {
            assertThat(glaux.store().listAll("glaux-spice", "datasets/")).extracting(ObjectInfo::key)
                    .containsExactly("datasets/items.arrow");
        }
        try (Glaux glaux = open(folder, SpiceLimits.defaults())) {
            SpiceDataset items = glaux.spice().dataset("items").orElseThrow();
            assertThat(items.rows()).isEqualTo(300);
            assertThat(items.bytes()).isZero();
            assertThat(SpiceTestData.query(glaux, "SELECT * FROM spice.default.items ORDER BY id")).isEqualTo(live);
            assertThat(items.bytes()).isPositive();
            // The definition came back too: the dataset can be refreshed after the restart.
            SpiceTestData.put(glaux, "lake", "items/part-1", SpiceTestData.lines(301, 5));
            assertThat(ingest(glaux, "items").rowInfo().totalRowsInDataset()).isEqualTo(305);
        }
    }

    @Test
    void datasetFilesOfTheEarlierFolderLayoutMoveIntoTheStoreAtStart() throws IOException {
        List<List<String>> live;
        try (Glaux glaux = open(folder, SpiceLimits.defaults())) {
            SpiceTestData.createItems(glaux, 50);
            glaux.spice().createDataset(new SpiceDefinition("items", "SELECT * FROM items", QueryContext.DEFAULT));
            ingest(glaux, "items");
            live = SpiceTestData.query(glaux, "SELECT * FROM spice.default.items ORDER BY id");
        }
        // What an earlier version left: the file in .glaux/spice, nothing in the store.
        Path legacy = folder.resolve(".glaux/spice");
        Files.createDirectories(legacy);
        Files.move(folder.resolve("glaux-spice/datasets/items.arrow"), legacy.resolve("items.arrow"));

        try (Glaux glaux = open(folder, SpiceLimits.defaults())) {
            assertThat(legacy).doesNotExist();
            assertThat(SpiceTestData.query(glaux, "SELECT * FROM spice.default.items ORDER BY id")).isEqualTo(live);
            assertThat(glaux.spice().fileBytes("items")).isPositive();
        }
    }

    @Test
    void batchBoundariesAndDictionariesRoundTripThroughTheFile() throws IOException {
        Path spiceFolder = folder.resolve("spice-small-batches");
        List<List<String>> live;
        try (Glaux glaux = open(folder, SpiceLimits.defaults())) {
            SpiceTestData.createItems(glaux, 100);
            live = SpiceTestData.query(glaux, "SELECT * FROM items ORDER BY id");
            try (SpiceService spice = new SpiceService(glaux.store(), SpiceTestData.location(spiceFolder), SpiceLimits.defaults(), SpiceScanOptions.defaults(), glaux::planner, 7)) {
                spice.createDataset(new SpiceDefinition("items", "SELECT * FROM items", QueryContext.DEFAULT));
                Ingestion ingestion = SpiceTestData.await(spice.createIngestion("items"));
                assertThat(ingestion.status()).isEqualTo(IngestionStatus.COMPLETED);
                SpiceVersion version = spice.acquire(spice.dataset("items").orElseThrow());
                try {
                    assertThat(version.batches()).hasSize(15);
                    assertThat(version.dictionary(7).size()).isEqualTo(8);
                } finally {
                    version.release();
                }
            }
            try (SpiceService reopened = new SpiceService(glaux.store(), SpiceTestData.location(spiceFolder), SpiceLimits.defaults(), SpiceScanOptions.defaults(), glaux::planner, 7)) {
                SpiceVersion version = reopened.acquire(reopened.dataset("items").orElseThrow());
                try {
                    assertThat(version.batches()).hasSize(15);
                    List<List<String>> rows = new java.util.ArrayList<>();
                    for (var batch : version.batches()) {
                        for (int row = 0; row < batch.getRowCount(); row++) {
                            rows.add(List.of(String.valueOf(version.value(batch, 0, row)),
                                    String.valueOf(version.value(batch, 7, row))));
                        }
                    }
                    List<List<String>> expected = live.stream()
                            .map(r -> List.of(r.get(0), String.valueOf(r.get(7)))).toList();
                    assertThat(rows).isEqualTo(expected);
                } finally {
                    version.release();
                }
            }
        }
    }

    @Test
    void arrowMemoryStaysWithinAFifthOfTheIpcFileSize() throws IOException {
        try (Glaux glaux = Glaux.builder().dataFolder(folder.resolve("memory")).spiceBatchRows(4096).build()) {
            SpiceTestData.createItems(glaux, 30_000);
            glaux.spice().createDataset(new SpiceDefinition("items", "SELECT * FROM items", QueryContext.DEFAULT));
            assertThat(SpiceTestData.await(glaux.spice().createIngestion("items")).status())
                    .isEqualTo(IngestionStatus.COMPLETED);
            long memory = glaux.spice().dataset("items").orElseThrow().bytes();
            long file = glaux.spice().fileBytes("items");
            assertThat(file).isPositive();
            assertThat((double) memory / file).isLessThanOrEqualTo(1.2);
        }
    }
}
