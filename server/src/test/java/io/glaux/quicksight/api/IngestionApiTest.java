package io.glaux.quicksight.api;

import io.glaux.quicksight.ingestion.DataSetIngestions;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.quicksight.QuickSightClient;
import software.amazon.awssdk.services.quicksight.model.DataSetImportMode;
import software.amazon.awssdk.services.quicksight.model.DataSourceType;
import software.amazon.awssdk.services.quicksight.model.ExceptionResourceType;
import software.amazon.awssdk.services.quicksight.model.Ingestion;
import software.amazon.awssdk.services.quicksight.model.IngestionRequestSource;
import software.amazon.awssdk.services.quicksight.model.IngestionRequestType;
import software.amazon.awssdk.services.quicksight.model.IngestionStatus;
import software.amazon.awssdk.services.quicksight.model.IngestionType;
import software.amazon.awssdk.services.quicksight.model.InputColumn;
import software.amazon.awssdk.services.quicksight.model.InputColumnDataType;
import software.amazon.awssdk.services.quicksight.model.InvalidParameterValueException;
import software.amazon.awssdk.services.quicksight.model.LookbackWindowSizeUnit;
import software.amazon.awssdk.services.quicksight.model.PhysicalTable;
import software.amazon.awssdk.services.quicksight.model.RefreshInterval;
import software.amazon.awssdk.services.quicksight.model.ResourceExistsException;
import software.amazon.awssdk.services.quicksight.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.glaux.quicksight.api.QuickSightClients.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SPICE ingestions, refresh properties and refresh schedules through the AWS SDK for Java v2. */
class IngestionApiTest {

    private static final String SOURCE_ARN = "arn:aws:quicksight:us-east-1:000000000000:datasource/athena";

    @TempDir
    Path data;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T09:00:00Z"));
    private GlauxServer server;
    private QuickSightClient quickSight;
    private AthenaClient athena;

    @BeforeEach
    void start() throws Exception {
        server = GlauxServer.builder().dataFolder(data).sampleData(true).syncWrites(false).clock(clock).start();
        quickSight = QuickSightClients.quickSight(server);
        athena = QuickSightClients.athena(server);
        quickSight.createDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("athena").name("Athena")
                .type(DataSourceType.ATHENA));
    }

    @AfterEach
    void stop() {
        quickSight.close();
        athena.close();
        server.close();
    }

    private static InputColumn column(String name, InputColumnDataType type) {
        return InputColumn.builder().name(name).type(type).build();
    }

    private void createSpiceDataSet(String id, String schema, String table, InputColumn... columns) {
        quickSight.createDataSet(b -> b.awsAccountId(ACCOUNT).dataSetId(id).name(id)
                .importMode(DataSetImportMode.SPICE).physicalTableMap(Map.of("t", PhysicalTable.builder()
                        .relationalTable(r -> r.dataSourceArn(SOURCE_ARN).schema(schema).name(table)
                                .inputColumns(columns)).build())));
    }

    private Ingestion describe(String dataSetId, String ingestionId) {
        return quickSight.describeIngestion(b -> b.awsAccountId(ACCOUNT).dataSetId(dataSetId)
                .ingestionId(ingestionId)).ingestion();
    }

    private Ingestion awaitEnd(String dataSetId, String ingestionId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            Ingestion ingestion = describe(dataSetId, ingestionId);
            if (ingestion.ingestionStatus() == IngestionStatus.COMPLETED
                    || ingestion.ingestionStatus() == IngestionStatus.FAILED
                    || ingestion.ingestionStatus() == IngestionStatus.CANCELLED) {
                return ingestion;
            }
            assertThat(System.nanoTime()).as("ingestion still running").isLessThan(deadline);
            Thread.sleep(25);
        }
    }

    @Test
    void aSpiceDataSetIsIngestedThroughAnAthenaQueryAndItsResultObject() throws Exception {
        var created = quickSight.createDataSet(b -> b.awsAccountId(ACCOUNT).dataSetId("orders").name("Orders")
                .importMode(DataSetImportMode.SPICE).physicalTableMap(Map.of("t", PhysicalTable.builder()
                        .relationalTable(r -> r.dataSourceArn(SOURCE_ARN).schema("shop").name("orders").inputColumns(
                                column("order_id", InputColumnDataType.INTEGER),
                                column("status", InputColumnDataType.STRING),
                                column("unit_price", InputColumnDataType.DECIMAL))).build())));
        assertThat(created.ingestionId()).isNotBlank();
        assertThat(created.ingestionArn()).isEqualTo(created.arn() + "/ingestion/" + created.ingestionId());

        Ingestion first = awaitEnd("orders", created.ingestionId());
        assertThat(first.ingestionStatus()).as(String.valueOf(first.errorInfo())).isEqualTo(IngestionStatus.COMPLETED);
        long orders = Long.parseLong(scalar("SELECT count(*) FROM shop.orders"));
        assertThat(first.rowInfo().rowsIngested()).isEqualTo(orders);
        assertThat(first.rowInfo().rowsDropped()).isZero();
        assertThat(first.rowInfo().totalRowsInDataset()).isEqualTo(orders);
        assertThat(first.requestSource()).isEqualTo(IngestionRequestSource.MANUAL);
        assertThat(first.requestType()).isEqualTo(IngestionRequestType.INITIAL_INGESTION);
        assertThat(first.ingestionSizeInBytes()).isPositive();
        assertThat(first.ingestionTimeInSeconds()).isNotNull();

        // QuickSight's queries are Athena query executions in the data source's workgroup, with result objects.
        String queryId = server.glaux().spice().ingestion(DataSetIngestions.spiceName("orders"),
                created.ingestionId()).orElseThrow().queryExecutionId();
        assertThat(athena.listQueryExecutions(b -> b.workGroup("primary")).queryExecutionIds()).contains(queryId);
        var execution = athena.getQueryExecution(b -> b.queryExecutionId(queryId)).queryExecution();
        URI result = URI.create(execution.resultConfiguration().outputLocation());
        try (S3Client s3 = QuickSightClients.s3(server)) {
            assertThat(s3.headObject(b -> b.bucket(result.getHost()).key(result.getPath().substring(1)))
                    .contentLength()).isPositive();
        }
        assertThat(quickSight.describeDataSet(b -> b.awsAccountId(ACCOUNT).dataSetId("orders")).dataSet()
                .consumedSpiceCapacityInBytes()).isPositive();
        assertThat(scalar("SELECT sum(order_id) FROM spice.default." + DataSetIngestions.spiceName("orders")))
                .isEqualTo(scalar("SELECT sum(order_id) FROM shop.orders"));

        var again = quickSight.createIngestion(b -> b.awsAccountId(ACCOUNT).dataSetId("orders")
                .ingestionId("nightly-1").ingestionType(IngestionType.FULL_REFRESH));
        assertThat(again.status()).isEqualTo(201);
        assertThat(awaitEnd("orders", "nightly-1").ingestionStatus()).isEqualTo(IngestionStatus.COMPLETED);
        assertThat(quickSight.listIngestions(b -> b.awsAccountId(ACCOUNT).dataSetId("orders")).ingestions())
                .extracting(Ingestion::ingestionId).containsExactly("nightly-1", created.ingestionId());
        assertThatThrownBy(() -> quickSight.createIngestion(b -> b.awsAccountId(ACCOUNT).dataSetId("orders")
                .ingestionId("nightly-1"))).isInstanceOfSatisfying(ResourceExistsException.class,
                        e -> assertThat(e.resourceType()).isEqualTo(ExceptionResourceType.INGESTION));
        assertThatThrownBy(() -> describe("orders", "nope")).isInstanceOfSatisfying(ResourceNotFoundException.class,
                e -> assertThat(e.resourceType()).isEqualTo(ExceptionResourceType.INGESTION));
        assertThatThrownBy(() -> quickSight.cancelIngestion(b -> b.awsAccountId(ACCOUNT).dataSetId("orders")
                .ingestionId("nightly-1"))).isInstanceOf(InvalidParameterValueException.class);
    }

    @Test
    void aMissingTableFailsTheIngestionWithQuickSightsErrorType() throws Exception {
        createSpiceDataSet("ghost", "shop", "no_such_table", column("x", InputColumnDataType.STRING));
        Ingestion failed = awaitEnd("ghost", quickSight.listIngestions(b -> b.awsAccountId(ACCOUNT)
                .dataSetId("ghost")).ingestions().get(0).ingestionId());
        assertThat(failed.ingestionStatus()).isEqualTo(IngestionStatus.FAILED);
        assertThat(failed.errorInfo().typeAsString()).isEqualTo("SQL_TABLE_NOT_FOUND");
        assertThat(failed.errorInfo().message()).contains("no_such_table");
    }

    @Test
    void schedulesRefreshOnTheClockAndIncrementalRefreshesReplaceOnlyTheirWindow() throws Exception {
        // Events: two old ones (2026-11-01) and two recent ones (2026-12-02), in a CSV table.
        try (S3Client s3 = QuickSightClients.s3(server)) {
            s3.createBucket(b -> b.bucket("events"));
            s3.putObject(b -> b.bucket("events").key("all/part-0.csv"), RequestBody.fromString(
                    "1,2026-11-01 10:00:00,old\n2,2026-11-01 11:00:00,old\n"
                            + "3,2026-12-02 10:00:00,recent\n4,2026-12-02 11:00:00,recent\n"));
            finished("CREATE EXTERNAL TABLE events (id bigint, at timestamp, label string) ROW FORMAT DELIMITED"
                    + " FIELDS TERMINATED BY ',' LOCATION 's3://events/all/'");
            createSpiceDataSet("events", "default", "events", column("id", InputColumnDataType.INTEGER),
                    column("at", InputColumnDataType.DATETIME), column("label", InputColumnDataType.STRING));
            String first = quickSight.listIngestions(b -> b.awsAccountId(ACCOUNT).dataSetId("events")).ingestions()
                    .get(0).ingestionId();
            assertThat(awaitEnd("events", first).ingestionStatus()).isEqualTo(IngestionStatus.COMPLETED);

            // Incremental refreshes need a lookback window first; MINUTE15 is for incremental refreshes only.
            assertThatThrownBy(() -> schedule("every-15", RefreshInterval.MINUTE15, IngestionType.INCREMENTAL_REFRESH))
                    .isInstanceOf(InvalidParameterValueException.class);
            assertThatThrownBy(() -> schedule("full-15", RefreshInterval.MINUTE15, IngestionType.FULL_REFRESH))
                    .isInstanceOfSatisfying(InvalidParameterValueException.class,
                            e -> assertThat(e.awsErrorDetails().errorMessage()).contains("incremental"));
            quickSight.putDataSetRefreshProperties(b -> b.awsAccountId(ACCOUNT).dataSetId("events")
                    .dataSetRefreshProperties(p -> p.refreshConfiguration(c -> c.incrementalRefresh(i -> i
                            .lookbackWindow(w -> w.columnName("at").size(7L).sizeUnit(LookbackWindowSizeUnit.DAY))))));
            assertThat(quickSight.describeDataSetRefreshProperties(b -> b.awsAccountId(ACCOUNT).dataSetId("events"))
                    .dataSetRefreshProperties().refreshConfiguration().incrementalRefresh().lookbackWindow().size())
                    .isEqualTo(7L);
            schedule("every-15", RefreshInterval.MINUTE15, IngestionType.INCREMENTAL_REFRESH);
            assertThat(quickSight.listRefreshSchedules(b -> b.awsAccountId(ACCOUNT).dataSetId("events"))
                    .refreshSchedules()).extracting(s -> s.scheduleId()).containsExactly("every-15");

            // The source changes inside and outside the window.
            s3.putObject(b -> b.bucket("events").key("all/part-0.csv"), RequestBody.fromString(
                    "1,2026-11-01 10:00:00,old-changed\n"
                            + "3,2026-12-02 10:00:00,recent-changed\n4,2026-12-02 11:00:00,recent-changed\n"
                            + "5,2026-12-03 08:00:00,new\n"));

            assertThat(server.quickSight().scheduler().runDue()).as("first sight: nothing due yet").isZero();
            clock.advance(Duration.ofMinutes(10));
            assertThat(server.quickSight().scheduler().runDue()).as("09:10: before 09:15").isZero();
            clock.advance(Duration.ofMinutes(6));
            assertThat(server.quickSight().scheduler().runDue()).as("09:16: due").isEqualTo(1);
            Ingestion scheduled = quickSight.listIngestions(b -> b.awsAccountId(ACCOUNT).dataSetId("events"))
                    .ingestions().get(0);
            assertThat(scheduled.requestSource()).isEqualTo(IngestionRequestSource.SCHEDULED);
            assertThat(scheduled.requestType()).isEqualTo(IngestionRequestType.INCREMENTAL_REFRESH);
            Ingestion done = awaitEnd("events", scheduled.ingestionId());
            assertThat(done.ingestionStatus()).as(String.valueOf(done.errorInfo())).isEqualTo(IngestionStatus.COMPLETED);

            // Rows before the cutoff (2026-11-26) are kept as they were; the window is read again.
            assertThat(rows("SELECT id, label FROM spice.default." + DataSetIngestions.spiceName("events")
                    + " ORDER BY id")).containsExactly(List.of("1", "old"), List.of("2", "old"),
                            List.of("3", "recent-changed"), List.of("4", "recent-changed"), List.of("5", "new"));
            assertThat(server.quickSight().scheduler().runDue()).as("not due again until 09:30").isZero();
        }
    }

    @Test
    void rowsWithAValueThatFailsItsColumnsTypeAreDroppedAndCounted() throws Exception {
        try (S3Client s3 = QuickSightClients.s3(server)) {
            s3.createBucket(b -> b.bucket("raw"));
            s3.putObject(b -> b.bucket("raw").key("items/part-0.csv"), RequestBody.fromString(
                    "1,2026-01-05 10:00:00,apple\nx,2026-01-06 10:00:00,pear\n3,not a date,plum\n"
                            + "4,2026-01-07 10:00:00,fig\n"));
        }
        finished("CREATE EXTERNAL TABLE items (id string, at string, name string) ROW FORMAT DELIMITED"
                + " FIELDS TERMINATED BY ',' LOCATION 's3://raw/items/'");
        createSpiceDataSet("items", "default", "items", column("id", InputColumnDataType.INTEGER),
                column("at", InputColumnDataType.DATETIME), column("name", InputColumnDataType.STRING));
        Ingestion done = awaitEnd("items", quickSight.listIngestions(b -> b.awsAccountId(ACCOUNT)
                .dataSetId("items")).ingestions().get(0).ingestionId());
        assertThat(done.ingestionStatus()).as(String.valueOf(done.errorInfo())).isEqualTo(IngestionStatus.COMPLETED);
        assertThat(done.rowInfo().rowsIngested()).isEqualTo(2);
        assertThat(done.rowInfo().rowsDropped()).isEqualTo(2);
        assertThat(done.rowInfo().totalRowsInDataset()).isEqualTo(2);
        assertThat(rows("SELECT id, name FROM spice.default." + DataSetIngestions.spiceName("items") + " ORDER BY id"))
                .containsExactly(List.of("1", "apple"), List.of("4", "fig"));
    }

    @Test
    void aSecondIngestionWaitsQueuedBehindTheRunningOneAndCancellingStopsIt() throws Exception {
        // A dataset whose query runs for minutes (a three-way cross join of the orders).
        quickSight.createDataSet(b -> b.awsAccountId(ACCOUNT).dataSetId("slow").name("slow")
                .importMode(DataSetImportMode.SPICE).physicalTableMap(Map.of("q", PhysicalTable.builder()
                        .customSql(c -> c.dataSourceArn(SOURCE_ARN).name("q").sqlQuery("SELECT count(*) AS n"
                                + " FROM shop.orders a CROSS JOIN shop.orders b CROSS JOIN shop.orders c")
                                .columns(column("n", InputColumnDataType.INTEGER))).build())));
        String first = quickSight.listIngestions(b -> b.awsAccountId(ACCOUNT).dataSetId("slow")).ingestions().get(0)
                .ingestionId();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (describe("slow", first).ingestionStatus() != IngestionStatus.RUNNING) {
            assertThat(System.nanoTime()).as("first ingestion running").isLessThan(deadline);
            Thread.sleep(20);
        }
        var second = quickSight.createIngestion(b -> b.awsAccountId(ACCOUNT).dataSetId("slow").ingestionId("second"));
        assertThat(second.ingestionStatus()).isIn(IngestionStatus.INITIALIZED, IngestionStatus.QUEUED);
        Ingestion queued = describe("slow", "second");
        assertThat(queued.ingestionStatus()).isEqualTo(IngestionStatus.QUEUED);
        assertThat(queued.queueInfo().waitingOnIngestion()).isEqualTo(first);
        assertThat(queued.queueInfo().queuedIngestion()).isEqualTo("second");

        quickSight.cancelIngestion(b -> b.awsAccountId(ACCOUNT).dataSetId("slow").ingestionId(first));
        quickSight.cancelIngestion(b -> b.awsAccountId(ACCOUNT).dataSetId("slow").ingestionId("second"));
        assertThat(awaitEnd("slow", first).ingestionStatus()).isEqualTo(IngestionStatus.CANCELLED);
        assertThat(awaitEnd("slow", "second").ingestionStatus()).isEqualTo(IngestionStatus.CANCELLED);
        String query = server.glaux().spice().ingestion(DataSetIngestions.spiceName("slow"), first).orElseThrow()
                .queryExecutionId();
        assertThat(athena.getQueryExecution(b -> b.queryExecutionId(query)).queryExecution().status().state())
                .isEqualTo(QueryExecutionState.CANCELLED);
    }

    @Test
    void anIngestionAfterItsDataSourceWasDeletedFailsWithDataSourceNotFoundAndTheDataStays() throws Exception {
        createSpiceDataSet("products", "shop", "products", column("product_id", InputColumnDataType.INTEGER));
        String first = quickSight.listIngestions(b -> b.awsAccountId(ACCOUNT).dataSetId("products")).ingestions()
                .get(0).ingestionId();
        assertThat(awaitEnd("products", first).ingestionStatus()).isEqualTo(IngestionStatus.COMPLETED);
        quickSight.deleteDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("athena"));

        quickSight.createIngestion(b -> b.awsAccountId(ACCOUNT).dataSetId("products").ingestionId("orphan"));
        Ingestion failed = awaitEnd("products", "orphan");
        assertThat(failed.ingestionStatus()).isEqualTo(IngestionStatus.FAILED);
        assertThat(failed.errorInfo().typeAsString()).isEqualTo("DATA_SOURCE_NOT_FOUND");
        assertThat(failed.errorInfo().message()).contains("datasource/athena");
        assertThat(scalar("SELECT count(*) FROM spice.default." + DataSetIngestions.spiceName("products")))
                .isEqualTo(scalar("SELECT count(*) FROM shop.products"));
    }

    @Test
    void directQueryDataSetsHaveNoIngestionsOrSchedules() {
        quickSight.createDataSet(b -> b.awsAccountId(ACCOUNT).dataSetId("live").name("live")
                .importMode(DataSetImportMode.DIRECT_QUERY).physicalTableMap(Map.of("t", PhysicalTable.builder()
                        .relationalTable(r -> r.dataSourceArn(SOURCE_ARN).schema("shop").name("products")
                                .inputColumns(column("name", InputColumnDataType.STRING))).build())));
        assertThatThrownBy(() -> quickSight.createIngestion(b -> b.awsAccountId(ACCOUNT).dataSetId("live")
                .ingestionId("x"))).isInstanceOfSatisfying(InvalidParameterValueException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("SPICE"));
        assertThatThrownBy(() -> quickSight.createRefreshSchedule(b -> b.awsAccountId(ACCOUNT).dataSetId("live")
                .schedule(s -> s.scheduleId("daily").refreshType(IngestionType.FULL_REFRESH)
                        .scheduleFrequency(f -> f.interval(RefreshInterval.DAILY).timeOfTheDay("06:00")))))
                .isInstanceOf(InvalidParameterValueException.class);
        assertThat(quickSight.listIngestions(b -> b.awsAccountId(ACCOUNT).dataSetId("live")).ingestions()).isEmpty();
    }

    private void schedule(String id, RefreshInterval interval, IngestionType type) {
        quickSight.createRefreshSchedule(b -> b.awsAccountId(ACCOUNT).dataSetId("events").schedule(s -> s
                .scheduleId(id).refreshType(type).scheduleFrequency(f -> f.interval(interval).timezone("UTC"))));
    }

    private String scalar(String sql) throws InterruptedException {
        return rows(sql).get(0).get(0);
    }

    private List<List<String>> rows(String sql) throws InterruptedException {
        return AthenaQueries.rows(athena, sql);
    }

    private String finished(String sql) throws InterruptedException {
        return AthenaQueries.run(athena, sql);
    }
}
