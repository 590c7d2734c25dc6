package io.glaux.athena.api;

import io.glaux.Glaux;
import io.glaux.results.AthenaCsv;
import io.glaux.sample.SampleDataset;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.AthenaException;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryResultsRequest;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.Row;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Athena and S3 clients of the AWS SDK for Java v2, unchanged, pointed at Glaux. */
class AthenaJavaSdkTest {

    @TempDir
    static Path data;

    private static Glaux glaux;
    private static GlauxServer server;
    private static AthenaClient athena;
    private static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        glaux = Glaux.builder().dataFolder(data).build();
        server = GlauxServer.start(glaux, "127.0.0.1", 0);
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        athena = AthenaClient.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(credentials).build();
        s3 = S3Client.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(credentials).forcePathStyle(true).build();
        s3.createBucket(b -> b.bucket("team-results"));
        athena.createWorkGroup(b -> b.name("team").configuration(c -> c
                .resultConfiguration(r -> r.outputLocation("s3://team-results/athena/"))
                .enforceWorkGroupConfiguration(true)));
        // The sample dataset goes in as a user would bring data: objects through S3, tables through Athena DDL.
        s3.createBucket(b -> b.bucket(SampleDataset.BUCKET));
        SampleDataset.copyTo((key, content) -> s3.putObject(b -> b.bucket(SampleDataset.BUCKET).key(key),
                RequestBody.fromBytes(content.readAllBytes())));
        for (String statement : SampleDataset.ddlStatements()) {
            String id = athena.startQueryExecution(b -> b.queryString(statement).workGroup("team"))
                    .queryExecutionId();
            QueryExecution done = await(id);
            assertThat(done.status().state()).as(statement + ": " + done.status().stateChangeReason())
                    .isEqualTo(QueryExecutionState.SUCCEEDED);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        athena.close();
        s3.close();
        server.close();
        glaux.close();
    }

    private static QueryExecution run(String sql) throws InterruptedException {
        String id = athena.startQueryExecution(b -> b.queryString(sql).workGroup("team")
                .queryExecutionContext(c -> c.database("shop"))).queryExecutionId();
        return await(id);
    }

    private static QueryExecution await(String id) throws InterruptedException {
        return SdkServer.await(athena, id);
    }

    private static List<String> values(Row row) {
        return row.data().stream().map(Datum::varCharValue).toList();
    }

    @Test
    void aJoinAggregateRunsAndPagesMatchTheResultObject() throws Exception {
        QueryExecution done = run("""
                SELECT c.country, o.order_date, count(*) AS orders, sum(o.quantity) AS units
                FROM orders o JOIN customers c ON o.customer_id = c.customer_id
                GROUP BY c.country, o.order_date ORDER BY c.country, o.order_date""");
        assertThat(done.status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
        assertThat(done.statistics().dataScannedInBytes()).isPositive();
        String location = done.resultConfiguration().outputLocation();
        assertThat(location).isEqualTo("s3://team-results/athena/" + done.queryExecutionId() + ".csv");

        List<List<String>> paged = new ArrayList<>();
        int pages = 0;
        for (var page : athena.getQueryResultsPaginator(GetQueryResultsRequest.builder()
                .queryExecutionId(done.queryExecutionId()).maxResults(100).build())) {
            pages++;
            if (pages == 1) {
                assertThat(page.resultSet().resultSetMetadata().columnInfo())
                        .extracting(c -> c.name() + ":" + c.type())
                        .containsExactly("country:varchar", "order_date:date", "orders:bigint", "units:bigint");
            }
            page.resultSet().rows().forEach(row -> paged.add(values(row)));
        }
        assertThat(pages).isGreaterThan(2);
        assertThat(paged.get(0)).containsExactly("country", "order_date", "orders", "units");

        String csv = s3.getObjectAsBytes(b -> b.bucket("team-results")
                .key("athena/" + done.queryExecutionId() + ".csv")).asString(StandardCharsets.UTF_8);
        AthenaCsv.RowReader reader = new AthenaCsv.RowReader(new StringReader(csv));
        List<List<String>> fromObject = new ArrayList<>();
        for (List<String> row = reader.next(); row != null; row = reader.next()) {
            fromObject.add(row);
        }
        assertThat(paged).isEqualTo(fromObject);
        assertThat(s3.headObject(b -> b.bucket("team-results")
                .key("athena/" + done.queryExecutionId() + ".csv.metadata")).contentLength()).isPositive();
    }

    @Test
    void ddlAndCtasRunThroughTheApiAndObjectsPutThroughS3AreQueryable() throws Exception {
        s3.putObject(b -> b.bucket("team-results").key("uploads/notes/a.csv"),
                RequestBody.fromString("1,hello\n2,world\n"));
        QueryExecution ddl = run("CREATE EXTERNAL TABLE notes (id int, text string) ROW FORMAT DELIMITED"
                + " FIELDS TERMINATED BY ',' LOCATION 's3://team-results/uploads/notes/'");
        assertThat(ddl.status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
        assertThat(ddl.statementTypeAsString()).isEqualTo("DDL");
        QueryExecution ctas = run("CREATE TABLE notes_pq WITH (format = 'PARQUET') AS SELECT id, upper(text) AS t"
                + " FROM notes");
        assertThat(ctas.status().state()).as(ctas.status().stateChangeReason())
                .isEqualTo(QueryExecutionState.SUCCEEDED);
        // The model: DML "such as CREATE TABLE AS SELECT".
        assertThat(ctas.statementTypeAsString()).isEqualTo("DML");
        assertThat(ctas.substatementType()).isEqualTo("CREATE_TABLE_AS_SELECT");
        var ctasResults = athena.getQueryResults(b -> b.queryExecutionId(ctas.queryExecutionId()));
        assertThat(ctasResults.updateCount()).isEqualTo(2L);
        QueryExecution select = run("SELECT t FROM notes_pq ORDER BY id");
        var rows = athena.getQueryResults(b -> b.queryExecutionId(select.queryExecutionId())).resultSet().rows();
        assertThat(rows.stream().map(AthenaJavaSdkTest::values).toList())
                .containsExactly(List.of("t"), List.of("HELLO"), List.of("WORLD"));
        QueryExecution show = run("SHOW TABLES");
        var tables = athena.getQueryResults(b -> b.queryExecutionId(show.queryExecutionId())).resultSet().rows();
        assertThat(tables.stream().map(r -> r.data().get(0).varCharValue()).toList()).contains("notes", "notes_pq");
        assertThat(show.statementTypeAsString()).isEqualTo("UTILITY");
        // StartQueryExecution itself refuses an output bucket that does not exist.
        assertThatThrownBy(() -> athena.startQueryExecution(b -> b.queryString("SELECT 1")
                .resultConfiguration(c -> c.outputLocation("s3://no-such-results/q/"))))
                .isInstanceOf(software.amazon.awssdk.services.athena.model.InvalidRequestException.class)
                .hasMessageStartingWith("Unable to verify/create output bucket no-such-results");
    }

    @Test
    void bucketListingsShowTheDataButNotGlauxsOwnFolder() {
        var names = s3.listBuckets().buckets().stream().map(b -> b.name()).toList();
        assertThat(names).contains("glaux-sample", "glaux-query-results", "team-results");
        assertThat(names).noneMatch(name -> name.startsWith("."));
        assertThat(s3.listObjectsV2(b -> b.bucket("glaux-sample").prefix("shop/customers/")).contents())
                .extracting(o -> o.key()).containsExactly("shop/customers/customers.csv");
    }

    @Test
    void aMultipartUploadIsOneQueryableObject() throws Exception {
        String uploadId = s3.createMultipartUpload(b -> b.bucket("team-results").key("big/part.csv")).uploadId();
        StringBuilder first = new StringBuilder();
        int row = 0;
        while (first.length() < 5 * 1024 * 1024) {
            first.append(row++).append(",first\n");
        }
        int firstRows = row;
        String second = "999999999,second\n";
        var part1 = s3.uploadPart(b -> b.bucket("team-results").key("big/part.csv").uploadId(uploadId).partNumber(1),
                RequestBody.fromString(first.toString()));
        var part2 = s3.uploadPart(b -> b.bucket("team-results").key("big/part.csv").uploadId(uploadId).partNumber(2),
                RequestBody.fromString(second));
        s3.completeMultipartUpload(b -> b.bucket("team-results").key("big/part.csv").uploadId(uploadId)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(part1.eTag()),
                        p -> p.partNumber(2).eTag(part2.eTag()))));
        assertThat(run("CREATE EXTERNAL TABLE big (id bigint, label string) ROW FORMAT DELIMITED"
                + " FIELDS TERMINATED BY ',' LOCATION 's3://team-results/big/'").status().state())
                .isEqualTo(QueryExecutionState.SUCCEEDED);
        QueryExecution counted = run("SELECT count(*), count_if(label = 'second') FROM big");
        var rows = athena.getQueryResults(b -> b.queryExecutionId(counted.queryExecutionId())).resultSet().rows();
        assertThat(values(rows.get(1))).containsExactly(String.valueOf(firstRows + 1), "1");
        assertThat(counted.statistics().dataScannedInBytes()).isEqualTo(first.length() + second.length());
    }

    @Test
    void aLongQueryCanBeStopped() throws Exception {
        String id = athena.startQueryExecution(b -> b.workGroup("team").queryString(
                "SELECT count(*) FROM shop.orders a CROSS JOIN shop.orders b CROSS JOIN shop.customers c"))
                .queryExecutionId();
        athena.stopQueryExecution(b -> b.queryExecutionId(id));
        QueryExecution done = await(id);
        assertThat(done.status().state()).isEqualTo(QueryExecutionState.CANCELLED);
        assertThatThrownBy(() -> athena.getQueryResults(b -> b.queryExecutionId(id)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("CANCELLED");
    }

    @Test
    void badSqlFailsWithAthenasError() throws Exception {
        QueryExecution done = run("SELECT nope FROM orders");
        assertThat(done.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(done.status().stateChangeReason())
                .isEqualTo("COLUMN_NOT_FOUND: line 1:8: Column 'nope' cannot be resolved");
        assertThat(done.status().athenaError().errorCategory()).isEqualTo(2);
        QueryExecution syntax = run("SELECT * FROM orders WHERE");
        assertThat(syntax.status().stateChangeReason()).startsWith("line 1:27: mismatched input '<EOF>'");
    }

    @Test
    void clientErrorsAreAthenaExceptions() {
        assertThatThrownBy(() -> athena.getQueryExecution(b -> b.queryExecutionId("no-such-query")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("no-such-query");
        assertThatThrownBy(() -> athena.startQueryExecution(b -> b.queryString("SELECT 1").workGroup("primary")
                .clientRequestToken("short")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("clientRequestToken");
        assertThatThrownBy(() -> athena.startQueryExecution(b -> b.queryString("SELECT 1").workGroup("nope")))
                .isInstanceOf(AthenaException.class).hasMessageContaining("WorkGroup nope is not found");
    }
}
