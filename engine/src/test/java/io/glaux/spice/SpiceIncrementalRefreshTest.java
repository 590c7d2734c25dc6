package io.glaux.spice;

import io.glaux.storage.ObjectInfo;

import io.glaux.Glaux;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryState;
import io.glaux.spice.LookbackWindow.SizeUnit;
import io.glaux.sql.QueryContext;
import io.glaux.sql.QueryPlanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Incremental refresh over a lookback window, cancelling ingestions, and deleting datasets. */
class SpiceIncrementalRefreshTest {

    /** Every refresh in these tests happens at this instant. */
    private static final Instant NOW = Instant.parse("2024-03-10T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String EVENTS = "SELECT id, label, ts, d FROM spice.default.events ORDER BY id";

    @TempDir
    Path folder;

    private Glaux open() throws IOException {
        return Glaux.builder().dataFolder(folder).spiceClock(CLOCK).build();
    }

    /** Table {@code events (id, label, ts, d)} whose rows are the given lines (id|label|ts|d, \N for NULL). */
    private static void createEvents(Glaux glaux, String... lines) {
        putEvents(glaux, lines);
        SpiceTestData.query(glaux, "CREATE EXTERNAL TABLE events (id int, label string, ts timestamp, d date)"
                + " ROW FORMAT DELIMITED FIELDS TERMINATED BY '|' LOCATION 's3://lake/events/'");
    }

    /** Replaces the rows of table {@code events}. */
    private static void putEvents(Glaux glaux, String... lines) {
        SpiceTestData.put(glaux, "lake", "events/part-0", String.join("\n", lines) + "\n");
    }

    private static SpiceDefinition events(LookbackWindow window) {
        return new SpiceDefinition("events", "SELECT * FROM events", QueryContext.DEFAULT).withLookbackWindow(window);
    }

    private static Ingestion refresh(Glaux glaux, String dataset, IngestionType type) {
        Ingestion ingestion = SpiceTestData.await(glaux.spice().createIngestion(dataset, type));
        assertThat(ingestion.type()).isEqualTo(type);
        return ingestion;
    }

    @Test
    void anIncrementalRefreshReplacesOnlyTheRowsInsideItsTimestampWindow() throws IOException {
        try (Glaux glaux = open()) {
            // The window is 2 days before 2024-03-10 12:00, so its cutoff is 2024-03-08 12:00:00.000.
            createEvents(glaux,
                    "1|old-a|2024-03-01 10:00:00|2024-03-01",
                    "2|old-b|2024-03-08 11:59:59.999|2024-03-08",
                    "3|edge|2024-03-08 12:00:00|2024-03-08",
                    "4|recent|2024-03-09 08:00:00|2024-03-09",
                    "5|no-time|\\N|\\N");
            glaux.spice().createDataset(events(new LookbackWindow("ts", 2, SizeUnit.DAY)));
            assertThat(refresh(glaux, "events", IngestionType.FULL_REFRESH).status())
                    .isEqualTo(IngestionStatus.COMPLETED);

            // The source changes everywhere: rows before the cutoff change or vanish, rows inside it change or
            // vanish, and new rows come both inside and before the window.
            putEvents(glaux,
                    "1|changed-a|2024-03-01 10:00:00|2024-03-01",
                    "3|edge-v2|2024-03-08 12:00:00|2024-03-08",
                    "6|new|2024-03-10 09:00:00|2024-03-10",
                    "7|new-no-time|\\N|\\N",
                    "8|new-but-old|2024-01-01 00:00:00|2024-01-01");
            Ingestion incremental = refresh(glaux, "events", IngestionType.INCREMENTAL_REFRESH);

            assertThat(incremental.status()).isEqualTo(IngestionStatus.COMPLETED);
            assertThat(incremental.errorInfo()).isNull();
            // Read from the query: rows 3 and 6 only; the dataset keeps 1, 2 and 5 from before.
            assertThat(incremental.rowInfo()).isEqualTo(new RowInfo(2, 0, 5));
            assertThat(SpiceTestData.query(glaux, EVENTS)).containsExactly(
                    List.of("1", "old-a", "2024-03-01 10:00:00.000", "2024-03-01"),
                    List.of("2", "old-b", "2024-03-08 11:59:59.999", "2024-03-08"),
                    List.of("3", "edge-v2", "2024-03-08 12:00:00.000", "2024-03-08"),
                    Arrays.asList("5", "no-time", null, null),
                    List.of("6", "new", "2024-03-10 09:00:00.000", "2024-03-10"));
            assertThat(glaux.spice().dataset("events").orElseThrow().rows()).isEqualTo(5);
        }
    }

    @Test
    void aDateWindowReReadsTheWholeDayTheCutoffFallsIn() throws IOException {
        try (Glaux glaux = open()) {
            // 3 days before 2024-03-10 12:00 is 2024-03-07 12:00: dates from 2024-03-07 on are inside.
            createEvents(glaux,
                    "1|before|\\N|2024-03-06",
                    "2|cutoff-day|\\N|2024-03-07",
                    "3|today|\\N|2024-03-10",
                    "4|no-date|\\N|\\N");
            glaux.spice().createDataset(events(new LookbackWindow("d", 3, SizeUnit.DAY)));
            assertThat(refresh(glaux, "events", IngestionType.FULL_REFRESH).status())
                    .isEqualTo(IngestionStatus.COMPLETED);

            putEvents(glaux,
                    "1|before-v2|\\N|2024-03-06",
                    "2|cutoff-day-v2|\\N|2024-03-07",
                    "5|added|\\N|2024-03-08");
            Ingestion incremental = refresh(glaux, "events", IngestionType.INCREMENTAL_REFRESH);

            assertThat(incremental.status()).isEqualTo(IngestionStatus.COMPLETED);
            assertThat(incremental.rowInfo()).isEqualTo(new RowInfo(2, 0, 4));
            assertThat(SpiceTestData.query(glaux, "SELECT id, label, d FROM spice.default.events ORDER BY id"))
                    .containsExactly(
                            List.of("1", "before", "2024-03-06"),
                            List.of("2", "cutoff-day-v2", "2024-03-07"),
                            Arrays.asList("4", "no-date", null),
                            List.of("5", "added", "2024-03-08"));
        }
    }

    @Test
    void hourAndWeekWindowsMoveTheCutoff() throws IOException {
        try (Glaux glaux = open()) {
            createEvents(glaux,
                    "1|a|2024-03-10 08:59:59|2024-03-02",
                    "2|b|2024-03-10 09:00:00|2024-03-03");
            glaux.spice().createDataset(events(new LookbackWindow("ts", 3, SizeUnit.HOUR)));
            glaux.spice().createDataset(new SpiceDefinition("weekly", "SELECT * FROM events", QueryContext.DEFAULT)
                    .withLookbackWindow(new LookbackWindow("D", 1, SizeUnit.WEEK)));
            refresh(glaux, "events", IngestionType.FULL_REFRESH);
            refresh(glaux, "weekly", IngestionType.FULL_REFRESH);

            putEvents(glaux,
                    "1|a2|2024-03-10 08:59:59|2024-03-02",
                    "2|b2|2024-03-10 09:00:00|2024-03-03");
            assertThat(refresh(glaux, "events", IngestionType.INCREMENTAL_REFRESH).rowInfo().rowsIngested())
                    .isEqualTo(1);
            assertThat(refresh(glaux, "weekly", IngestionType.INCREMENTAL_REFRESH).rowInfo().rowsIngested())
                    .isEqualTo(1);
            // 3 hours back is 09:00 (row 2 inside); a week back is 2024-03-03 12:00, so 2024-03-03 is inside.
            assertThat(SpiceTestData.query(glaux, "SELECT label FROM spice.default.events ORDER BY id"))
                    .containsExactly(List.of("a"), List.of("b2"));
            assertThat(SpiceTestData.query(glaux, "SELECT label FROM spice.default.weekly ORDER BY id"))
                    .containsExactly(List.of("a"), List.of("b2"));
        }
    }

    @Test
    void keptRowsKeepEveryColumnTypeAndStringsAcrossTheNewDictionaries() throws IOException {
        try (Glaux glaux = Glaux.builder().dataFolder(folder)
                .spiceClock(Clock.fixed(Instant.parse("2024-01-10T00:00:00Z"), ZoneOffset.UTC)).build()) {
            SpiceTestData.createItems(glaux, 300);
            glaux.spice().createDataset(new SpiceDefinition("items", "SELECT * FROM items", QueryContext.DEFAULT)
                    .withLookbackWindow(new LookbackWindow("ts", 3, SizeUnit.DAY)));
            refresh(glaux, "items", IngestionType.FULL_REFRESH);

            // New rows arrive; the rows before the window are copied from the old version.
            SpiceTestData.put(glaux, "lake", "items/part-1", SpiceTestData.lines(301, 40));
            Ingestion incremental = refresh(glaux, "items", IngestionType.INCREMENTAL_REFRESH);

            assertThat(incremental.status()).isEqualTo(IngestionStatus.COMPLETED);
            long inWindow = Long.parseLong(SpiceTestData.query(glaux,
                    "SELECT count(*) FROM items WHERE ts >= TIMESTAMP '2024-01-07 00:00:00'").get(0).get(0));
            assertThat(inWindow).isBetween(41L, 339L);
            // New row 322 has no ts, so it is never inside a window and only a full refresh would bring it in.
            assertThat(incremental.rowInfo()).isEqualTo(new RowInfo(inWindow, 0, 339));
            assertThat(SpiceTestData.query(glaux, "SELECT * FROM spice.default.items ORDER BY id"))
                    .isEqualTo(SpiceTestData.query(glaux, "SELECT * FROM items WHERE id <> 322 ORDER BY id"));
        }
    }

    @Test
    void anIncrementalRefreshOfADatasetWithoutDataImportsEverything() throws IOException {
        try (Glaux glaux = open()) {
            createEvents(glaux,
                    "1|old|2020-01-01 00:00:00|2020-01-01",
                    "2|new|2024-03-10 00:00:00|2024-03-10",
                    "3|none|\\N|\\N");
            glaux.spice().createDataset(events(new LookbackWindow("ts", 1, SizeUnit.DAY)));
            Ingestion first = refresh(glaux, "events", IngestionType.INCREMENTAL_REFRESH);

            assertThat(first.status()).isEqualTo(IngestionStatus.COMPLETED);
            assertThat(first.rowInfo()).isEqualTo(new RowInfo(3, 0, 3));
            assertThat(SpiceTestData.query(glaux, "SELECT label FROM spice.default.events ORDER BY id"))
                    .containsExactly(List.of("old"), List.of("new"), List.of("none"));
        }
    }

    @Test
    void anIncrementalRefreshWithoutALookbackWindowFailsAndKeepsTheData() throws IOException {
        assertUnusableWindowFails(null, "has no lookback window");
    }

    @Test
    void aLookbackWindowOnAMissingColumnFailsAndKeepsTheData() throws IOException {
        assertUnusableWindowFails(new LookbackWindow("updated_at", 1, SizeUnit.DAY),
                "updated_at is not a column of dataset events");
    }

    @Test
    void aLookbackWindowOnANonTemporalColumnFailsAndKeepsTheData() throws IOException {
        assertUnusableWindowFails(new LookbackWindow("label", 1, SizeUnit.DAY),
                "label has type string; it must be date or timestamp");
    }

    private void assertUnusableWindowFails(LookbackWindow window, String message) throws IOException {
        try (Glaux glaux = open()) {
            createEvents(glaux, "1|kept|2024-03-10 00:00:00|2024-03-10");
            glaux.spice().createDataset(events(window));
            refresh(glaux, "events", IngestionType.FULL_REFRESH);
            long bytes = glaux.spice().usedBytes();

            putEvents(glaux, "1|changed|2024-03-10 00:00:00|2024-03-10", "2|added|2024-03-10 00:00:00|2024-03-10");
            Ingestion incremental = refresh(glaux, "events", IngestionType.INCREMENTAL_REFRESH);

            assertThat(incremental.status()).isEqualTo(IngestionStatus.FAILED);
            assertThat(incremental.errorInfo().type()).isEqualTo(IngestionErrorType.SQL_INVALID_PARAMETER_VALUE);
            assertThat(incremental.errorInfo().message()).contains(message);
            assertThat(incremental.rowInfo()).isEqualTo(new RowInfo(0, 0, 1));
            assertThat(SpiceTestData.query(glaux, "SELECT id, label FROM spice.default.events"))
                    .containsExactly(List.of("1", "kept"));
            assertThat(glaux.spice().usedBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void anIncrementalRefreshAfterTheColumnsChangedFailsAndKeepsTheData() throws IOException {
        try (Glaux glaux = open()) {
            createEvents(glaux, "1|kept|2024-03-10 00:00:00|2024-03-10");
            SpiceTestData.query(glaux, "CREATE VIEW events_view AS SELECT id, ts FROM events");
            glaux.spice().createDataset(new SpiceDefinition("events", "SELECT * FROM events_view",
                    QueryContext.DEFAULT).withLookbackWindow(new LookbackWindow("ts", 1, SizeUnit.DAY)));
            refresh(glaux, "events", IngestionType.FULL_REFRESH);

            SpiceTestData.query(glaux, "CREATE OR REPLACE VIEW events_view AS SELECT id, label, ts FROM events");
            Ingestion incremental = refresh(glaux, "events", IngestionType.INCREMENTAL_REFRESH);

            assertThat(incremental.status()).isEqualTo(IngestionStatus.FAILED);
            assertThat(incremental.errorInfo().type()).isEqualTo(IngestionErrorType.SQL_SCHEMA_MISMATCH_ERROR);
            assertThat(SpiceTestData.query(glaux, "SELECT * FROM spice.default.events"))
                    .containsExactly(List.of("1", "2024-03-10 00:00:00.000"));
        }
    }

    @Test
    void theRowLimitCountsKeptAndReReadRowsTogether() throws IOException {
        try (Glaux glaux = Glaux.builder().dataFolder(folder).spiceClock(CLOCK)
                .spiceLimits(SpiceLimits.defaults().withMaxRowsPerDataset(4)).build()) {
            createEvents(glaux,
                    "1|a|2024-03-01 00:00:00|\\N",
                    "2|b|2024-03-02 00:00:00|\\N",
                    "3|c|2024-03-10 00:00:00|\\N");
            glaux.spice().createDataset(events(new LookbackWindow("ts", 1, SizeUnit.DAY)));
            refresh(glaux, "events", IngestionType.FULL_REFRESH);

            // Two rows are kept and the window now returns three: five rows in all, one over the limit.
            putEvents(glaux,
                    "3|c2|2024-03-10 00:00:00|\\N",
                    "4|d|2024-03-10 01:00:00|\\N",
                    "5|e|2024-03-10 02:00:00|\\N");
            Ingestion incremental = refresh(glaux, "events", IngestionType.INCREMENTAL_REFRESH);

            assertThat(incremental.status()).isEqualTo(IngestionStatus.FAILED);
            assertThat(incremental.errorInfo().type()).isEqualTo(IngestionErrorType.DATA_SET_SIZE_LIMIT_EXCEEDED);
            assertThat(incremental.rowInfo()).isEqualTo(new RowInfo(2, 0, 3));
            assertThat(SpiceTestData.query(glaux, "SELECT label FROM spice.default.events ORDER BY id"))
                    .containsExactly(List.of("a"), List.of("b"), List.of("c"));
        }
    }

    @Test
    void theLookbackWindowSurvivesARestart() throws IOException {
        LookbackWindow window = new LookbackWindow("ts", 36, SizeUnit.HOUR);
        try (Glaux glaux = open()) {
            createEvents(glaux,
                    "1|old|2024-03-01 00:00:00|2024-03-01",
                    "2|recent|2024-03-10 00:00:00|2024-03-10");
            glaux.spice().createDataset(events(window));
            refresh(glaux, "events", IngestionType.FULL_REFRESH);
        }
        try (Glaux glaux = open()) {
            SpiceDataset events = glaux.spice().dataset("events").orElseThrow();
            assertThat(events.definition().lookbackWindow()).isEqualTo(window);
            assertThat(events.definition().sql()).isEqualTo("SELECT * FROM events");
            assertThat(events.bytes()).isZero();

            // The first incremental refresh after the restart loads the kept rows from the file.
            putEvents(glaux, "2|recent-v2|2024-03-10 00:00:00|2024-03-10", "3|added|2024-03-09 06:00:00|\\N");
            Ingestion incremental = refresh(glaux, "events", IngestionType.INCREMENTAL_REFRESH);
            assertThat(incremental.rowInfo()).isEqualTo(new RowInfo(2, 0, 3));
            assertThat(SpiceTestData.query(glaux, "SELECT id, label FROM spice.default.events ORDER BY id"))
                    .containsExactly(List.of("1", "old"), List.of("2", "recent-v2"), List.of("3", "added"));
        }
        try (Glaux glaux = open()) {
            assertThat(glaux.spice().dataset("events").orElseThrow().definition().lookbackWindow()).isEqualTo(window);
            assertThat(glaux.spice().dataset("events").orElseThrow().rows()).isEqualTo(3);
        }
    }

    @Test
    void aDatasetWithoutAWindowStillLoadsAfterARestart() throws IOException {
        try (Glaux glaux = open()) {
            createEvents(glaux, "1|only|2024-03-01 00:00:00|2024-03-01");
            glaux.spice().createDataset(events(null));
            refresh(glaux, "events", IngestionType.FULL_REFRESH);
        }
        try (Glaux glaux = open()) {
            SpiceDataset events = glaux.spice().dataset("events").orElseThrow();
            assertThat(events.definition().lookbackWindow()).isNull();
            assertThat(SpiceTestData.query(glaux, "SELECT label FROM spice.default.events"))
                    .containsExactly(List.of("only"));
        }
    }

    @Test
    void lookbackWindowsAreValidatedAndTheirCutoffIsExact() {
        assertThatThrownBy(() -> new LookbackWindow("ts", 0, SizeUnit.DAY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LookbackWindow(" ", 1, SizeUnit.DAY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LookbackWindow("ts", 1, null)).isInstanceOf(NullPointerException.class);
        assertThat(new LookbackWindow("TS", 1, SizeUnit.DAY).columnName()).isEqualTo("ts");
        assertThat(new LookbackWindow("ts", 2, SizeUnit.WEEK).cutoff(Instant.parse("2024-03-10T12:00:00.123456Z")))
                .contains(Instant.parse("2024-02-25T12:00:00.123Z"));
        // A window reaching before year 1 covers everything (no overflow for huge sizes).
        assertThat(new LookbackWindow("ts", Long.MAX_VALUE, SizeUnit.WEEK).cutoff(NOW)).isEmpty();
        assertThat(new LookbackWindow("ts", 800_000, SizeUnit.DAY).cutoff(NOW)).isEmpty();
    }

    @Test
    void theWindowQueryQuotesTheColumnAndWrapsTheDatasetQuery() {
        SpiceImporter.Cutoff timestamp = SpiceImporter.Cutoff.of(new LookbackWindow("ts", 1, SizeUnit.HOUR), NOW,
                io.glaux.catalog.AthenaType.parse("timestamp").kind());
        SpiceImporter.Cutoff date = SpiceImporter.Cutoff.of(new LookbackWindow("d", 1, SizeUnit.HOUR), NOW,
                io.glaux.catalog.AthenaType.parse("date").kind());
        assertThat(SpiceImporter.windowSql("SELECT * FROM t -- trailing comment\n;", "we\"ird", timestamp))
                .isEqualTo("SELECT * FROM (\nSELECT * FROM t -- trailing comment\n) AS \"glaux_lookback_window\""
                        + " WHERE \"we\"\"ird\" >= TIMESTAMP '2024-03-10 11:00:00.000'");
        assertThat(date.condition()).isEqualTo(">= DATE '2024-03-10'");
        assertThat(date.bound()).isEqualTo(java.time.LocalDate.of(2024, 3, 10).toEpochDay());
    }

    // ---- cancelling ----

    /** A planner supplier whose next call waits until released, holding the ingestion thread in RUNNING. */
    private static final class Gate implements Supplier<QueryPlanner> {
        private final Supplier<QueryPlanner> planner;
        private volatile CountDownLatch closed;
        private final CountDownLatch entered = new CountDownLatch(1);

        Gate(Supplier<QueryPlanner> planner) {
            this.planner = planner;
        }

        void close() {
            closed = new CountDownLatch(1);
        }

        void awaitEntered() throws InterruptedException {
            assertThat(entered.await(1, TimeUnit.MINUTES)).isTrue();
        }

        void open() {
            closed.countDown();
        }

        @Override
        public QueryPlanner get() {
            CountDownLatch latch = closed;
            if (latch != null) {
                entered.countDown();
                try {
                    latch.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                closed = null;
            }
            return planner.get();
        }
    }

    @Test
    void cancelledRunningAndQueuedIngestionsEndCancelledAndKeepThePreviousData() throws Exception {
        try (Glaux glaux = open()) {
            createEvents(glaux, "1|first|2024-03-10 00:00:00|2024-03-10");
            Gate gate = new Gate(glaux::planner);
            try (SpiceService spice = new SpiceService(glaux.store(), SpiceTestData.location(folder.resolve("gated")), SpiceLimits.defaults(),
                    SpiceScanOptions.defaults(), gate, CLOCK)) {
                spice.createDataset(events(new LookbackWindow("ts", 1, SizeUnit.DAY)));
                assertThat(SpiceTestData.await(spice.createIngestion("events")).status())
                        .isEqualTo(IngestionStatus.COMPLETED);
                putEvents(glaux, "1|second|2024-03-10 00:00:00|2024-03-10", "2|more|2024-03-10 01:00:00|\\N");

                gate.close();
                Ingestion running = spice.createIngestion("events", IngestionType.INCREMENTAL_REFRESH);
                gate.awaitEntered();
                Ingestion queued = spice.createIngestion("events");
                assertThat(running.status()).isEqualTo(IngestionStatus.RUNNING);
                assertThat(queued.status()).isEqualTo(IngestionStatus.QUEUED);
                running.cancel();
                queued.cancel();
                gate.open();

                assertThat(SpiceTestData.await(running).status()).isEqualTo(IngestionStatus.CANCELLED);
                assertThat(SpiceTestData.await(queued).status()).isEqualTo(IngestionStatus.CANCELLED);
                assertThat(running.errorInfo()).isNull();
                assertThat(running.rowInfo().totalRowsInDataset()).isEqualTo(1);
                assertThat(queued.rowInfo()).isEqualTo(new RowInfo(0, 0, 1));
                assertThat(labels(spice)).containsExactly("first");
            }
            // The file still holds the first version.
            try (SpiceService reopened = new SpiceService(glaux.store(), SpiceTestData.location(folder.resolve("gated")), SpiceLimits.defaults(),
                    SpiceScanOptions.defaults(), glaux::planner, CLOCK)) {
                assertThat(labels(reopened)).containsExactly("first");
            }
        }
    }

    @Test
    void anIngestionCancelledWhileStreamingALargeSourceEndsCancelledAndKeepsThePreviousData() throws Exception {
        try (Glaux glaux = open()) {
            SpiceTestData.createItems(glaux, 10);
            glaux.spice().createDataset(new SpiceDefinition("pairs",
                    "SELECT a.id AS a, b.name AS b FROM items a CROSS JOIN items b", QueryContext.DEFAULT));
            assertThat(SpiceTestData.await(glaux.spice().createIngestion("pairs")).rowInfo().totalRowsInDataset())
                    .isEqualTo(100);
            List<List<String>> before = SpiceTestData.query(glaux,
                    "SELECT count(*), sum(a), count(DISTINCT b) FROM spice.default.pairs");
            long bytes = glaux.spice().usedBytes();

            // 3,000 x 3,000 = 9 million rows: seconds of work, so the cancel lands while rows are streaming in.
            SpiceTestData.put(glaux, "lake", "items/part-1", SpiceTestData.lines(11, 2990));
            Ingestion big = glaux.spice().createIngestion("pairs");
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (big.rowInfo().rowsIngested() == 0 && !big.status().isFinal() && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(big.status()).isEqualTo(IngestionStatus.RUNNING);
            big.cancel();

            assertThat(SpiceTestData.await(big).status()).isEqualTo(IngestionStatus.CANCELLED);
            assertThat(big.rowInfo().rowsIngested()).isBetween(1L, 9_000_000L - 1);
            assertThat(big.rowInfo().totalRowsInDataset()).isEqualTo(100);
            assertThat(SpiceTestData.query(glaux,
                    "SELECT count(*), sum(a), count(DISTINCT b) FROM spice.default.pairs")).isEqualTo(before);
            assertThat(glaux.spice().usedBytes()).isEqualTo(bytes);
        }
    }

    // ---- deleting ----

    @Test
    void aDeletedDatasetIsGoneFromSqlFromDiskAndFromTheService() throws IOException {
        // SPICE files are objects of the same store as everything else.
        Path file = folder.resolve("glaux-spice/datasets/events.arrow");
        try (Glaux glaux = open()) {
            createEvents(glaux, "1|first|2024-03-10 00:00:00|2024-03-10");
            glaux.spice().createDataset(events(new LookbackWindow("ts", 1, SizeUnit.DAY)));
            refresh(glaux, "events", IngestionType.FULL_REFRESH);
            assertThat(SpiceTestData.query(glaux, "SELECT label FROM spice.default.events"))
                    .containsExactly(List.of("first"));
            assertThat(file).exists();
            long schemaVersion = glaux.spice().schemaVersion();

            glaux.spice().deleteDataset("Events");

            assertThat(glaux.spice().schemaVersion()).isGreaterThan(schemaVersion);
            assertThat(glaux.spice().dataset("events")).isEmpty();
            assertThat(glaux.spice().datasets()).isEmpty();
            assertThat(glaux.spice().totalRows()).isZero();
            assertThat(glaux.spice().usedBytes()).isZero();
            assertThat(file).doesNotExist();
            QueryExecution query = glaux.execute("SELECT label FROM spice.default.events");
            assertThat(query.state()).isEqualTo(QueryState.FAILED);
            assertThat(query.status().stateChangeReason()).contains("events");
            assertThatThrownBy(() -> glaux.spice().deleteDataset("events"))
                    .isInstanceOfSatisfying(GlauxException.class, e -> {
                        assertThat(e.type()).isEqualTo(ErrorType.NOT_FOUND);
                        assertThat(e.getMessage()).isEqualTo("SPICE dataset events does not exist");
                    });
            assertThatThrownBy(() -> glaux.spice().createIngestion("events"))
                    .isInstanceOfSatisfying(GlauxException.class,
                            e -> assertThat(e.type()).isEqualTo(ErrorType.NOT_FOUND));

            // The name is free again.
            glaux.spice().createDataset(new SpiceDefinition("events", "SELECT id * 10 AS id FROM events",
                    QueryContext.DEFAULT));
            refresh(glaux, "events", IngestionType.FULL_REFRESH);
            assertThat(SpiceTestData.query(glaux, "SELECT * FROM spice.default.events"))
                    .containsExactly(List.of("10"));
            glaux.spice().deleteDataset("events");
        }
        try (Glaux glaux = open()) {
            assertThat(glaux.spice().dataset("events")).isEmpty();
            assertThat(glaux.execute("SELECT * FROM spice.default.events").state()).isEqualTo(QueryState.FAILED);
        }
    }

    @Test
    void aDeletedDatasetsMemoryIsFreedWhenItsLastReaderFinishes() throws IOException {
        try (Glaux glaux = open()) {
            createEvents(glaux, "1|first|2024-03-10 00:00:00|2024-03-10", "2|second|\\N|\\N");
            glaux.spice().createDataset(events(null));
            refresh(glaux, "events", IngestionType.FULL_REFRESH);
            SpiceDataset dataset = glaux.spice().dataset("events").orElseThrow();
            long bytes = glaux.spice().usedBytes();
            assertThat(bytes).isPositive();

            SpiceVersion reading = glaux.spice().acquire(dataset);
            glaux.spice().deleteDataset("events");
            assertThat(dataset.isDeleted()).isTrue();
            assertThat(dataset.hasData()).isFalse();
            assertThat(glaux.spice().acquire(dataset)).isNull();
            // The scan that started before the deletion still reads its rows.
            assertThat(reading.rows()).isEqualTo(2);
            assertThat(reading.value(reading.batches().get(0), 1, 1)).isEqualTo("second");
            assertThat(glaux.spice().usedBytes()).isEqualTo(bytes);

            reading.release();
            assertThat(glaux.spice().usedBytes()).isZero();
        }
    }

    @Test
    void deletingADatasetCancelsItsQueuedAndRunningIngestionsOnly() throws Exception {
        try (Glaux glaux = open()) {
            createEvents(glaux, "1|first|2024-03-10 00:00:00|2024-03-10");
            Gate gate = new Gate(glaux::planner);
            Path spiceFolder = folder.resolve("gated");
            try (SpiceService spice = new SpiceService(glaux.store(), SpiceTestData.location(spiceFolder), SpiceLimits.defaults(),
                    SpiceScanOptions.defaults(), gate, CLOCK)) {
                spice.createDataset(events(new LookbackWindow("ts", 1, SizeUnit.DAY)));
                spice.createDataset(new SpiceDefinition("other", "SELECT * FROM events", QueryContext.DEFAULT));
                spice.createDataset(new SpiceDefinition("kept", "SELECT * FROM events", QueryContext.DEFAULT));

                gate.close();
                Ingestion running = spice.createIngestion("events", IngestionType.INCREMENTAL_REFRESH);
                gate.awaitEntered();
                Ingestion queuedSame = spice.createIngestion("events");
                Ingestion queuedOther = spice.createIngestion("other");
                Ingestion queuedKept = spice.createIngestion("kept");
                assertThat(running.status()).isEqualTo(IngestionStatus.RUNNING);
                assertThat(queuedOther.status()).isEqualTo(IngestionStatus.QUEUED);

                spice.deleteDataset("events");
                spice.deleteDataset("other");
                gate.open();

                assertThat(SpiceTestData.await(running).status()).isEqualTo(IngestionStatus.CANCELLED);
                assertThat(SpiceTestData.await(queuedSame).status()).isEqualTo(IngestionStatus.CANCELLED);
                assertThat(SpiceTestData.await(queuedOther).status()).isEqualTo(IngestionStatus.CANCELLED);
                assertThat(SpiceTestData.await(queuedKept).status()).isEqualTo(IngestionStatus.COMPLETED);
                assertThat(queuedKept.rowInfo()).isEqualTo(new RowInfo(1, 0, 1));
                assertThat(spice.datasets()).extracting(SpiceDataset::name).containsExactly("kept");
            }
            assertThat(glaux.store().listAll("spice-tests", "gated/")).extracting(ObjectInfo::key)
                    .containsExactly("gated/kept.arrow");
        }
    }

    private static List<String> labels(SpiceService spice) {
        SpiceVersion version = spice.acquire(spice.dataset("events").orElseThrow());
        try {
            List<String> labels = new java.util.ArrayList<>();
            for (var batch : version.batches()) {
                for (int row = 0; row < batch.getRowCount(); row++) {
                    labels.add((String) version.value(batch, 1, row));
                }
            }
            return labels;
        } finally {
            version.release();
        }
    }
}
