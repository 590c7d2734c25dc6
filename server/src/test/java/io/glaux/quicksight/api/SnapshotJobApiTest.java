package io.glaux.quicksight.api;

import io.glaux.results.AthenaCsv;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.quicksight.QuickSightClient;
import software.amazon.awssdk.services.quicksight.model.CategoryFilter;
import software.amazon.awssdk.services.quicksight.model.CategoryFilterMatchOperator;
import software.amazon.awssdk.services.quicksight.model.ColumnIdentifier;
import software.amazon.awssdk.services.quicksight.model.CrossDatasetTypes;
import software.amazon.awssdk.services.quicksight.model.DataSetImportMode;
import software.amazon.awssdk.services.quicksight.model.DescribeDashboardSnapshotJobResponse;
import software.amazon.awssdk.services.quicksight.model.DescribeDashboardSnapshotJobResultResponse;
import software.amazon.awssdk.services.quicksight.model.Filter;
import software.amazon.awssdk.services.quicksight.model.FilterGroup;
import software.amazon.awssdk.services.quicksight.model.FilterNullOption;
import software.amazon.awssdk.services.quicksight.model.FilterVisualScope;
import software.amazon.awssdk.services.quicksight.model.IngestionStatus;
import software.amazon.awssdk.services.quicksight.model.InvalidParameterValueException;
import software.amazon.awssdk.services.quicksight.model.ParameterDeclaration;
import software.amazon.awssdk.services.quicksight.model.ParameterValueType;
import software.amazon.awssdk.services.quicksight.model.PreconditionNotMetException;
import software.amazon.awssdk.services.quicksight.model.ResourceExistsException;
import software.amazon.awssdk.services.quicksight.model.ResourceNotFoundException;
import software.amazon.awssdk.services.quicksight.model.SnapshotConfiguration;
import software.amazon.awssdk.services.quicksight.model.SnapshotFileFormatType;
import software.amazon.awssdk.services.quicksight.model.SnapshotFileGroup;
import software.amazon.awssdk.services.quicksight.model.SnapshotFileSheetSelectionScope;
import software.amazon.awssdk.services.quicksight.model.SnapshotJobS3Result;
import software.amazon.awssdk.services.quicksight.model.SnapshotJobStatus;
import software.amazon.awssdk.services.quicksight.model.SnapshotUserConfiguration;
import software.amazon.awssdk.services.quicksight.model.StartDashboardSnapshotJobRequest;
import software.amazon.awssdk.services.quicksight.model.StartDashboardSnapshotJobResponse;
import software.amazon.awssdk.services.quicksight.model.WidgetStatus;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import static io.glaux.quicksight.api.QuickSightClients.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Dashboard snapshot jobs over the wire: CSVs of the shop dashboard's table and pivot table written to S3 and equal
 * to the same SQL through Athena, the Describe and Result shapes, QuickSight's refusals, and Parameters reaching
 * the visuals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnapshotJobApiTest {

    private static final String BUCKET = "exports";
    private static final SnapshotUserConfiguration ONE_USER = SnapshotUserConfiguration.builder()
            .anonymousUsers(u -> { }).build();

    private GlauxServer server;
    private QuickSightClient quickSight;
    private AthenaClient athena;
    private S3Client s3;
    private String channel;

    @BeforeAll
    void start() throws Exception {
        server = GlauxServer.builder().sampleData(true).syncWrites(false).start();
        quickSight = QuickSightClients.quickSight(server);
        athena = QuickSightClients.athena(server);
        s3 = QuickSightClients.s3(server);
        s3.createBucket(b -> b.bucket(BUCKET));
        String ingestion = ShopDashboard.createDataSet(quickSight, "orders", DataSetImportMode.SPICE);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (quickSight.describeIngestion(b -> b.awsAccountId(ACCOUNT).dataSetId("orders").ingestionId(ingestion))
                .ingestion().ingestionStatus() != IngestionStatus.COMPLETED) {
            assertThat(System.nanoTime()).as("first ingestion").isLessThan(deadline);
            Thread.sleep(25);
        }
        String arn = "arn:aws:quicksight:us-east-1:000000000000:dataset/orders";
        quickSight.createDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("shop").name("Shop")
                .definition(ShopDashboard.definition(arn)));
        List<List<String>> channels = athenaRows("SELECT DISTINCT channel FROM shop.orders WHERE channel IS NOT NULL ORDER BY channel");
        assertThat(channels).hasSizeGreaterThan(1);
        channel = channels.get(channels.size() - 1).get(0);
        String firstChannel = channels.get(0).get(0);
        ParameterDeclaration parameter = ParameterDeclaration.builder().stringParameterDeclaration(p -> p
                .name("Channel").parameterValueType(ParameterValueType.SINGLE_VALUED)
                .defaultValues(d -> d.staticValues(firstChannel))).build();
        FilterGroup byChannel = FilterGroup.builder().filterGroupId("by-channel-parameter")
                .crossDataset(CrossDatasetTypes.SINGLE_DATASET).status(WidgetStatus.ENABLED)
                .scopeConfiguration(s -> s.selectedSheets(sel -> sel.sheetVisualScopingConfigurations(v -> v
                        .sheetId("overview").scope(FilterVisualScope.ALL_VISUALS))))
                .filters(Filter.builder().categoryFilter(CategoryFilter.builder().filterId("channel-filter")
                        .column(ColumnIdentifier.builder().dataSetIdentifier("orders").columnName("channel").build())
                        .configuration(c -> c.customFilterConfiguration(f -> f
                                .matchOperator(CategoryFilterMatchOperator.EQUALS).parameterName("Channel")
                                .nullOption(FilterNullOption.NON_NULLS_ONLY)))
                        .build()).build())
                .build();
        quickSight.createDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("shop-by-channel").name("By channel")
                .definition(ShopDashboard.definition(arn).toBuilder().parameterDeclarations(parameter)
                        .filterGroups(byChannel).build()));
    }

    @AfterAll
    void stop() {
        quickSight.close();
        athena.close();
        s3.close();
        server.close();
    }

    @Test
    void tableAndPivotCsvsInS3EqualTheSameSqlThroughAthena() throws Exception {
        StartDashboardSnapshotJobResponse started = quickSight.startDashboardSnapshotJob(job("shop", "csv-1",
                c -> c.fileGroups(csv("by-country"), csv("channel-status")).destinationConfiguration(d -> d
                        .s3Destinations(s -> s.bucketConfiguration(b -> b.bucketName(BUCKET)
                                .bucketPrefix("reports/daily").bucketRegion("us-east-1"))))));
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.snapshotJobId()).isEqualTo("csv-1");
        assertThat(started.arn()).isEqualTo("arn:aws:quicksight:us-east-1:000000000000:dashboard/shop/snapshot-job"
                + "/csv-1");

        DescribeDashboardSnapshotJobResultResponse result = awaitResult("shop", "csv-1");
        assertThat(result.jobStatus()).isEqualTo(SnapshotJobStatus.COMPLETED);
        assertThat(result.errorInfo()).isNull();
        assertThat(result.arn()).isEqualTo(started.arn());
        assertThat(result.result().anonymousUsers()).hasSize(1);
        var groups = result.result().anonymousUsers().get(0).fileGroups();
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).files().get(0).formatType()).isEqualTo(SnapshotFileFormatType.CSV);
        assertThat(groups.get(0).files().get(0).sheetSelections().get(0).visualIds()).containsExactly("by-country");

        SnapshotJobS3Result table = groups.get(0).s3Results().get(0);
        assertThat(table.s3Uri()).isEqualTo("s3://exports/reports/daily/shop/csv-1/overview/by-country.csv");
        assertThat(table.s3DestinationConfiguration().bucketConfiguration().bucketPrefix()).isEqualTo("reports/daily");
        assertThat(table.errorInfo()).isEmpty();
        List<List<String>> tableCsv = csvAt(table.s3Uri());
        assertThat(tableCsv.get(0)).containsExactly("country", "quantity", "revenue");
        assertThat(sorted(normalised(tableCsv.subList(1, tableCsv.size()))))
                .isEqualTo(sorted(athenaRows(ShopDashboard.EXPECTED.get("by-country"))));

        SnapshotJobS3Result pivot = groups.get(1).s3Results().get(0);
        assertThat(pivot.s3Uri()).isEqualTo("s3://exports/reports/daily/shop/csv-1/overview/channel-status.csv");
        List<List<String>> pivotCsv = csvAt(pivot.s3Uri());
        assertThat(pivotCsv.get(0)).containsExactly("channel", "status", "quantity");
        assertThat(sorted(normalised(pivotCsv.subList(1, pivotCsv.size()))))
                .isEqualTo(sorted(athenaRows(ShopDashboard.EXPECTED.get("channel-status"))));
        String raw = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("reports/daily/shop/csv-1/overview/by-country.csv"))
                .asString(StandardCharsets.UTF_8);
        assertThat(raw).as("quoted as Athena writes").startsWith("\"country\",\"quantity\",\"revenue\"\n");
    }

    @Test
    void describeShowsTheJobAsStarted() throws Exception {
        quickSight.startDashboardSnapshotJob(job("shop", "described", c -> c.fileGroups(csv("by-country"))));
        awaitResult("shop", "described");
        DescribeDashboardSnapshotJobResponse described = quickSight.describeDashboardSnapshotJob(b -> b
                .awsAccountId(ACCOUNT).dashboardId("shop").snapshotJobId("described"));
        assertThat(described.jobStatus()).isEqualTo(SnapshotJobStatus.COMPLETED);
        assertThat(described.awsAccountId()).isEqualTo(ACCOUNT);
        assertThat(described.dashboardId()).isEqualTo("shop");
        assertThat(described.snapshotJobId()).isEqualTo("described");
        assertThat(described.status()).isEqualTo(200);
        assertThat(described.userConfiguration().anonymousUsers()).hasSize(1);
        assertThat(described.snapshotConfiguration().fileGroups().get(0).files().get(0).sheetSelections().get(0)
                .selectionScope()).isEqualTo(SnapshotFileSheetSelectionScope.SELECTED_VISUALS);
        assertThat(described.createdTime()).isNotNull();
        assertThat(described.lastUpdatedTime()).isAfterOrEqualTo(described.createdTime());
    }

    @Test
    void withoutADestinationTheCsvIsInGlauxsBucket() throws Exception {
        quickSight.startDashboardSnapshotJob(job("shop", "no-destination", c -> c.fileGroups(csv("by-country"))));
        DescribeDashboardSnapshotJobResultResponse result = awaitResult("shop", "no-destination");
        assertThat(result.jobStatus()).isEqualTo(SnapshotJobStatus.COMPLETED);
        SnapshotJobS3Result file = result.result().anonymousUsers().get(0).fileGroups().get(0).s3Results().get(0);
        assertThat(file.s3Uri()).isEqualTo("s3://glaux-quicksight-snapshots/shop/no-destination/overview"
                + "/by-country.csv");
        assertThat(file.s3DestinationConfiguration()).isNull();
        assertThat(csvAt(file.s3Uri())).hasSize(athenaRows(ShopDashboard.EXPECTED.get("by-country")).size() + 1);
    }

    @Test
    void parametersReachTheVisuals() throws Exception {
        quickSight.startDashboardSnapshotJob(job("shop-by-channel", "with-parameter", c -> c
                .fileGroups(csv("by-country"))
                .parameters(p -> p.stringParameters(s -> s.name("Channel").values(channel)))));
        SnapshotJobS3Result file = awaitResult("shop-by-channel", "with-parameter").result().anonymousUsers().get(0)
                .fileGroups().get(0).s3Results().get(0);
        List<List<String>> rows = csvAt(file.s3Uri());
        String where = "SELECT country, sum(quantity), sum(revenue) FROM (" + ShopDashboard.ROWS + ") WHERE channel"
                + " = '" + channel.replace("'", "''") + "' GROUP BY country";
        assertThat(sorted(normalised(rows.subList(1, rows.size())))).isEqualTo(sorted(athenaRows(where)))
                .isNotEqualTo(sorted(athenaRows(ShopDashboard.EXPECTED.get("by-country"))));

        quickSight.startDashboardSnapshotJob(job("shop-by-channel", "unknown-parameter", c -> c
                .fileGroups(csv("by-country"))
                .parameters(p -> p.stringParameters(s -> s.name("Nope").values("x")))));
        DescribeDashboardSnapshotJobResultResponse failed = awaitResult("shop-by-channel", "unknown-parameter");
        assertThat(failed.jobStatus()).isEqualTo(SnapshotJobStatus.FAILED);
        assertThat(failed.errorInfo().errorMessage()).contains("Nope");
        assertThat(failed.result().anonymousUsers().get(0).fileGroups().get(0).s3Results().get(0).errorInfo())
                .isNotEmpty();
    }

    @Test
    void aMissingBucketFailsTheJobWithItsError() throws Exception {
        quickSight.startDashboardSnapshotJob(job("shop", "no-bucket", c -> c.fileGroups(csv("by-country"))
                .destinationConfiguration(d -> d.s3Destinations(s -> s.bucketConfiguration(b -> b
                        .bucketName("missing-bucket").bucketPrefix("x").bucketRegion("us-east-1"))))));
        DescribeDashboardSnapshotJobResultResponse result = awaitResult("shop", "no-bucket");
        assertThat(result.jobStatus()).isEqualTo(SnapshotJobStatus.FAILED);
        assertThat(result.errorInfo().errorType()).isEqualTo("S3_BUCKET_NOT_FOUND");
        SnapshotJobS3Result file = result.result().anonymousUsers().get(0).fileGroups().get(0).s3Results().get(0);
        assertThat(file.s3Uri()).isNull();
        assertThat(file.errorInfo().get(0).errorMessage()).contains("missing-bucket");
    }

    @Test
    void quickSightsRulesAreEnforced() {
        assertThatThrownBy(() -> quickSight.startDashboardSnapshotJob(job("shop", "bar", c -> c
                .fileGroups(csv("by-channel"))))).isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("BarChartVisual");
        assertThatThrownBy(() -> quickSight.startDashboardSnapshotJob(job("shop", "six", c -> c.fileGroups(
                csv("by-country"), csv("channel-status"), csv("by-country"), csv("channel-status"),
                csv("by-country"), csv("channel-status"))))).isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("at most 5");
        assertThatThrownBy(() -> quickSight.startDashboardSnapshotJob(job("shop", "pdf", c -> c
                .fileGroups(g -> g.files(f -> f.formatType(SnapshotFileFormatType.PDF).sheetSelections(s -> s
                        .sheetId("overview").selectionScope(SnapshotFileSheetSelectionScope.ALL_VISUALS)))))))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("PDF");
        assertThatThrownBy(() -> quickSight.startDashboardSnapshotJob(job("shop", "excel", c -> c
                .fileGroups(g -> g.files(f -> f.formatType(SnapshotFileFormatType.EXCEL).sheetSelections(s -> s
                        .sheetId("overview").selectionScope(SnapshotFileSheetSelectionScope.SELECTED_VISUALS)
                        .visualIds("by-country")))))))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("EXCEL");
        assertThatThrownBy(() -> quickSight.startDashboardSnapshotJob(job("shop", "all", c -> c
                .fileGroups(g -> g.files(f -> f.formatType(SnapshotFileFormatType.CSV).sheetSelections(s -> s
                        .sheetId("overview").selectionScope(SnapshotFileSheetSelectionScope.ALL_VISUALS)))))))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("SELECTED_VISUALS");
        assertThatThrownBy(() -> quickSight.startDashboardSnapshotJob(job("shop", "no-user",
                c -> c.fileGroups(csv("by-country"))).toBuilder().userConfiguration((SnapshotUserConfiguration) null)
                .build())).isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("UserConfiguration");
        assertThatThrownBy(() -> quickSight.startDashboardSnapshotJob(job("shop", "region", c -> c
                .fileGroups(csv("by-country")).destinationConfiguration(d -> d.s3Destinations(s -> s
                        .bucketConfiguration(b -> b.bucketName(BUCKET).bucketPrefix("x")
                                .bucketRegion("eu-west-1")))))))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("region");
        assertThatThrownBy(() -> quickSight.startDashboardSnapshotJob(job("nowhere", "x", c -> c
                .fileGroups(csv("by-country"))))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aJobIdIsUniquePerDashboardAndUnknownJobsAreNotFound() throws Exception {
        quickSight.startDashboardSnapshotJob(job("shop", "twice", c -> c.fileGroups(csv("by-country"))));
        assertThatThrownBy(() -> quickSight.startDashboardSnapshotJob(job("shop", "twice", c -> c
                .fileGroups(csv("channel-status"))))).isInstanceOf(ResourceExistsException.class);
        awaitResult("shop", "twice");
        assertThatThrownBy(() -> quickSight.startDashboardSnapshotJob(job("shop", "twice", c -> c
                .fileGroups(csv("channel-status"))))).as("finished less than 24 hours ago")
                .isInstanceOf(ResourceExistsException.class);
        assertThatThrownBy(() -> quickSight.describeDashboardSnapshotJob(b -> b.awsAccountId(ACCOUNT)
                .dashboardId("shop").snapshotJobId("never"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> quickSight.describeDashboardSnapshotJobResult(b -> b.awsAccountId(ACCOUNT)
                .dashboardId("shop").snapshotJobId("never"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> quickSight.describeDashboardSnapshotJob(b -> b.awsAccountId(ACCOUNT)
                .dashboardId("nowhere").snapshotJobId("twice"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> quickSight.describeDashboardSnapshotJob(b -> b.awsAccountId(ACCOUNT)
                .dashboardId("shop-by-channel").snapshotJobId("twice"))).as("ids are per dashboard")
                .isInstanceOf(ResourceNotFoundException.class);
    }

    private static StartDashboardSnapshotJobRequest job(String dashboardId, String jobId,
            Consumer<SnapshotConfiguration.Builder> configuration) {
        return StartDashboardSnapshotJobRequest.builder().awsAccountId(ACCOUNT).dashboardId(dashboardId)
                .snapshotJobId(jobId).userConfiguration(ONE_USER).snapshotConfiguration(configuration).build();
    }

    private static SnapshotFileGroup csv(String visualId) {
        return SnapshotFileGroup.builder().files(f -> f.formatType(SnapshotFileFormatType.CSV).sheetSelections(s -> s
                .sheetId("overview").selectionScope(SnapshotFileSheetSelectionScope.SELECTED_VISUALS)
                .visualIds(visualId))).build();
    }

    /** Polls DescribeDashboardSnapshotJob until the job finishes, then answers its result. */
    private DescribeDashboardSnapshotJobResultResponse awaitResult(String dashboardId, String jobId)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            SnapshotJobStatus status = quickSight.describeDashboardSnapshotJob(b -> b.awsAccountId(ACCOUNT)
                    .dashboardId(dashboardId).snapshotJobId(jobId)).jobStatus();
            if (status == SnapshotJobStatus.COMPLETED || status == SnapshotJobStatus.FAILED) {
                break;
            }
            try {
                DescribeDashboardSnapshotJobResultResponse early = quickSight.describeDashboardSnapshotJobResult(b ->
                        b.awsAccountId(ACCOUNT).dashboardId(dashboardId).snapshotJobId(jobId));
                assertThat(early.jobStatus()).as("a result is answered only once the job has finished")
                        .isIn(SnapshotJobStatus.COMPLETED, SnapshotJobStatus.FAILED);
            } catch (PreconditionNotMetException e) {
                assertThat(e.getMessage()).contains("has not reached a terminal state");
            }
            assertThat(System.nanoTime()).as("job " + jobId).isLessThan(deadline);
            Thread.sleep(20);
        }
        return quickSight.describeDashboardSnapshotJobResult(b -> b.awsAccountId(ACCOUNT).dashboardId(dashboardId)
                .snapshotJobId(jobId));
    }

    /** The rows of the CSV at an s3:// URI, read through the S3 API. */
    private List<List<String>> csvAt(String s3Uri) throws IOException {
        URI uri = URI.create(s3Uri);
        String text = s3.getObjectAsBytes(b -> b.bucket(uri.getHost()).key(uri.getPath().substring(1)))
                .asString(StandardCharsets.UTF_8);
        AthenaCsv.RowReader reader = new AthenaCsv.RowReader(new StringReader(text));
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row = reader.next(); row != null; row = reader.next()) {
            rows.add(row);
        }
        return rows;
    }

    private static List<List<String>> normalised(List<List<String>> rows) {
        return rows.stream().map(row -> row.stream().map(SnapshotJobApiTest::normal).toList()).toList();
    }

    private List<List<String>> athenaRows(String sql) throws InterruptedException {
        return AthenaQueries.rows(athena, sql).stream().map(row -> row.stream().map(v -> normal(v)).toList()).toList();
    }

    private static String normal(String value) {
        return value == null ? null : value.matches("-?\\d+(\\.\\d+)?")
                ? new BigDecimal(value).stripTrailingZeros().toPlainString() : value;
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Object::toString));
        return copy;
    }
}
