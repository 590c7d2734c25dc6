package io.glaux.quicksight.api;

import io.glaux.cli.ServeProcess;
import io.glaux.quicksight.ingestion.DataSetIngestions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.quicksight.QuickSightClient;
import software.amazon.awssdk.services.quicksight.model.CustomSql;
import software.amazon.awssdk.services.quicksight.model.DataSetImportMode;
import software.amazon.awssdk.services.quicksight.model.DataSourceType;
import software.amazon.awssdk.services.quicksight.model.Ingestion;
import software.amazon.awssdk.services.quicksight.model.IngestionStatus;
import software.amazon.awssdk.services.quicksight.model.InputColumn;
import software.amazon.awssdk.services.quicksight.model.InputColumnDataType;
import software.amazon.awssdk.services.quicksight.model.PhysicalTable;
import software.amazon.awssdk.services.quicksight.model.RefreshInterval;
import software.amazon.awssdk.services.quicksight.model.IngestionType;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.glaux.quicksight.api.QuickSightClients.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of a {@code glaux serve} child process while a SPICE dataset's edit is being ingested, then a restart on
 * the same folder: every QuickSight resource created before is there, the interrupted ingestion is FAILED, and the
 * dataset's previous SPICE data still serves.
 */
@Tag("crash")
class QuickSightRestartTest {

    private static final String SOURCE_ARN = "arn:aws:quicksight:us-east-1:000000000000:datasource/athena";

    @TempDir
    Path scratch;

    private static PhysicalTable customSql(String sql, InputColumn... columns) {
        return PhysicalTable.builder().customSql(CustomSql.builder().dataSourceArn(SOURCE_ARN).name("q").sqlQuery(sql)
                .columns(columns).build()).build();
    }

    private static InputColumn column(String name, InputColumnDataType type) {
        return InputColumn.builder().name(name).type(type).build();
    }

    @Test
    void afterAKillEveryResourceIsThereTheInterruptedIngestionFailedAndTheOldDataServes() throws Exception {
        Path data = Files.createDirectories(scratch.resolve("data"));
        Path logs = scratch.resolve("logs");
        String interrupted;
        try (ServeProcess first = ServeProcess.start(data, logs, "first");
                QuickSightClient quickSight = quickSight(first.endpoint());
                AthenaClient athena = athena(first.endpoint())) {
            StringBuilder csv = new StringBuilder();
            for (int n = 1; n <= 1000; n++) {
                csv.append(n).append('\n');
            }
            try (S3Client s3 = S3Client.builder().endpointOverride(first.endpoint()).region(Region.US_EAST_1)
                    .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create("test", "test"))).build()) {
                s3.createBucket(b -> b.bucket("numbers"));
                s3.putObject(b -> b.bucket("numbers").key("all/n.csv"), RequestBody.fromString(csv.toString()));
            }
            AthenaQueries.run(athena, "CREATE EXTERNAL TABLE numbers (n bigint) LOCATION 's3://numbers/all/'");
            quickSight.createDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("athena").name("Athena")
                    .type(DataSourceType.ATHENA));
            var created = quickSight.createDataSet(b -> b.awsAccountId(ACCOUNT).dataSetId("numbers").name("Numbers")
                    .importMode(DataSetImportMode.SPICE).physicalTableMap(Map.of("q", customSql(
                            "SELECT n FROM numbers", column("n", InputColumnDataType.INTEGER)))));
            assertThat(await(quickSight, created.ingestionId()).ingestionStatus()).isEqualTo(IngestionStatus.COMPLETED);
            quickSight.createRefreshSchedule(b -> b.awsAccountId(ACCOUNT).dataSetId("numbers").schedule(s -> s
                    .scheduleId("nightly").refreshType(IngestionType.FULL_REFRESH)
                    .scheduleFrequency(f -> f.interval(RefreshInterval.DAILY).timeOfTheDay("02:00"))));

            // An edit whose query runs for minutes: its ingestion is RUNNING when the server is killed.
            var edit = quickSight.updateDataSet(b -> b.awsAccountId(ACCOUNT).dataSetId("numbers").name("Numbers")
                    .importMode(DataSetImportMode.SPICE).physicalTableMap(Map.of("q", customSql(
                            "SELECT count(*) AS n FROM numbers a CROSS JOIN numbers b CROSS JOIN numbers c",
                            column("n", InputColumnDataType.INTEGER)))));
            interrupted = edit.ingestionId();
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (describe(quickSight, interrupted).ingestionStatus() != IngestionStatus.RUNNING) {
                assertThat(System.nanoTime()).as("edit ingestion running").isLessThan(deadline);
                Thread.sleep(20);
            }
            Thread.sleep(300);
            first.kill();
        }

        try (ServeProcess second = ServeProcess.start(data, logs, "second");
                QuickSightClient quickSight = quickSight(second.endpoint());
                AthenaClient athena = athena(second.endpoint())) {
            assertThat(quickSight.describeDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("athena"))
                    .dataSource().name()).isEqualTo("Athena");
            assertThat(quickSight.describeDataSet(b -> b.awsAccountId(ACCOUNT).dataSetId("numbers")).dataSet()
                    .physicalTableMap().get("q").customSql().sqlQuery()).contains("CROSS JOIN");
            assertThat(quickSight.listRefreshSchedules(b -> b.awsAccountId(ACCOUNT).dataSetId("numbers"))
                    .refreshSchedules()).extracting(s -> s.scheduleId()).containsExactly("nightly");
            Ingestion failed = describe(quickSight, interrupted);
            assertThat(failed.ingestionStatus()).isEqualTo(IngestionStatus.FAILED);
            assertThat(failed.errorInfo().message()).contains("stopped");
            assertThat(quickSight.listIngestions(b -> b.awsAccountId(ACCOUNT).dataSetId("numbers")).ingestions())
                    .extracting(Ingestion::ingestionStatus)
                    .containsExactly(IngestionStatus.FAILED, IngestionStatus.COMPLETED);
            assertThat(AthenaQueries.rows(athena, "SELECT count(*), sum(n) FROM spice.default."
                    + DataSetIngestions.spiceName("numbers"))).containsExactly(List.of("1000", "500500"));
        }
    }

    private static Ingestion describe(QuickSightClient quickSight, String id) {
        return quickSight.describeIngestion(b -> b.awsAccountId(ACCOUNT).dataSetId("numbers").ingestionId(id))
                .ingestion();
    }

    private static Ingestion await(QuickSightClient quickSight, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            Ingestion ingestion = describe(quickSight, id);
            if (ingestion.ingestionStatus() == IngestionStatus.COMPLETED
                    || ingestion.ingestionStatus() == IngestionStatus.FAILED) {
                return ingestion;
            }
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(25);
        }
    }

    private static QuickSightClient quickSight(URI endpoint) {
        return QuickSightClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    private static AthenaClient athena(URI endpoint) {
        return AthenaClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }
}
