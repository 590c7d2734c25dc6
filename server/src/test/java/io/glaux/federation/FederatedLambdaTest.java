package io.glaux.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.connectors.federation.SalesLambdaConnector;
import io.glaux.connectors.lambda.TestFunctions;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.Column;
import software.amazon.awssdk.services.athena.model.DataCatalogType;
import software.amazon.awssdk.services.athena.model.Database;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.MetadataException;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.TableMetadata;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole path of a federated query: an Athena Query Federation SDK connector (the connectors' test connector over
 * generated, partitioned data) packed as a Lambda deployment package at test time, deployed through Lambda's API
 * from Glaux's S3, named by a LAMBDA data catalog and queried through Athena's API; and the ways such a query fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class FederatedLambdaTest {

    private static final String ROLE = "arn:aws:iam::000000000000:role/lambda";
    private static final String FUNCTION = "sales-connector";
    private static final String CATALOG = "sales_cat";
    private static final String SPILL_BUCKET = "fed-spill";
    private static final String SPILL_PREFIX = "athena-spill";
    private static final String HANDLER = SalesLambdaConnector.class.getName();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    @TempDir
    static Path work;

    private GlauxServer server;
    private AthenaClient athena;
    private S3Client s3;
    private LambdaClient lambda;
    private Path receivedFile;
    private long packageSize;

    @BeforeAll
    void deploy() throws Exception {
        server = GlauxServer.builder().dataFolder(data).syncWrites(false).start();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(GlauxServer.ACCESS_KEY_ID,
                GlauxServer.SECRET_ACCESS_KEY));
        URI endpoint = URI.create(server.endpoint());
        athena = AthenaClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).build();
        s3 = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials)
                .forcePathStyle(true).build();
        lambda = LambdaClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).overrideConfiguration(c -> c.apiCallTimeout(Duration.ofMinutes(2)))
                .build();

        for (String bucket : List.of("fed-code", SPILL_BUCKET, "fed-data")) {
            s3.createBucket(b -> b.bucket(bucket));
        }
        byte[] connector = SalesConnectorPackage.zip();
        packageSize = connector.length;
        s3.putObject(b -> b.bucket("fed-code").key("sales-connector.zip"), RequestBody.fromBytes(connector));
        s3.putObject(b -> b.bucket("fed-code").key("tiny.jar"), RequestBody.fromBytes(TestFunctions.jar()));

        receivedFile = work.resolve("received.jsonl");
        create(FUNCTION, HANDLER, "sales-connector.zip", b -> b.memorySize(512).timeout(60)
                .environment(e -> e.variables(Map.of("spill_bucket", SPILL_BUCKET, "spill_prefix", SPILL_PREFIX,
                        "max_block_bytes", "1024", "received_file", receivedFile.toString()))));
        create("hanging-connector", "fn.Plain::hang", "tiny.jar", b -> b.timeout(3));
        create("malformed-connector", "fn.Plain::env", "tiny.jar", b -> { });
        for (String name : List.of(FUNCTION, "hanging-connector", "malformed-connector")) {
            State state = lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName(name)).matched().response()
                    .orElseThrow().configuration().state();
            assertThat(state).isEqualTo(State.ACTIVE);
        }

        createCatalog(CATALOG, FUNCTION);
        createCatalog("hanging_cat", "hanging-connector");
        createCatalog("malformed_cat", "malformed-connector");
        createCatalog("ghost_cat", "no-such-function");

        s3.putObject(b -> b.bucket("fed-data").key("regions/regions.csv"),
                RequestBody.fromString("eu,Europe\nus,United States\nap,Asia Pacific\n"));
        assertSucceeded(run("CREATE DATABASE ref"));
        assertSucceeded(run("CREATE EXTERNAL TABLE ref.regions (code string, name string)"
                + " ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://fed-data/regions/'"));
    }

    @AfterAll
    void stop() {
        athena.close();
        s3.close();
        lambda.close();
        server.close();
    }

    // ---- deployment ----

    private void create(String name, String handler, String key, Consumer<CreateFunctionRequest.Builder> more) {
        lambda.createFunction(b -> {
            b.functionName(name).runtime(Runtime.JAVA17).role(ROLE).handler(handler)
                    .code(c -> c.s3Bucket("fed-code").s3Key(key));
            more.accept(b);
        });
    }

    private void createCatalog(String name, String function) {
        athena.createDataCatalog(b -> b.name(name).type(DataCatalogType.LAMBDA)
                .parameters(Map.of("function", function)));
    }

    // ---- running queries ----

    private QueryExecution run(String sql) throws InterruptedException {
        String id = athena.startQueryExecution(b -> b.queryString(sql).workGroup("primary")).queryExecutionId();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            QueryExecution execution = athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution();
            QueryExecutionState state = execution.status().state();
            if (state == QueryExecutionState.SUCCEEDED || state == QueryExecutionState.FAILED
                    || state == QueryExecutionState.CANCELLED || System.nanoTime() > deadline) {
                return execution;
            }
            Thread.sleep(20);
        }
    }

    private static void assertSucceeded(QueryExecution execution) {
        assertThat(execution.status().state()).as("%s: %s", execution.query(), execution.status()
                .stateChangeReason()).isEqualTo(QueryExecutionState.SUCCEEDED);
    }

    /** The rows of a query that succeeded, without the header row, each value as GetQueryResults gives it. */
    private List<List<String>> rows(QueryExecution execution) {
        assertSucceeded(execution);
        List<List<String>> rows = new ArrayList<>();
        String token = null;
        do {
            String from = token;
            GetQueryResultsResponse page = athena.getQueryResults(b -> b.queryExecutionId(execution
                    .queryExecutionId()).nextToken(from).maxResults(1000));
            page.resultSet().rows().forEach(row -> rows.add(row.data().stream().map(d -> d.varCharValue())
                    .toList()));
            token = page.nextToken();
        } while (token != null);
        return rows.subList(1, rows.size());
    }

    private List<List<String>> query(String sql) throws InterruptedException {
        return rows(run(sql));
    }

    /** The message a failed query gives. */
    private String failure(String sql) throws InterruptedException {
        QueryExecution execution = run(sql);
        assertThat(execution.status().state()).as(sql).isEqualTo(QueryExecutionState.FAILED);
        return execution.status().stateChangeReason();
    }

    /** What the connector recorded for one query, in the order it received it. */
    private List<JsonNode> received(String queryId) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        if (!Files.exists(receivedFile)) {
            return nodes;
        }
        for (String line : Files.readAllLines(receivedFile)) {
            JsonNode node = JSON.readTree(line);
            if (queryId.equals(node.path("queryId").asText())) {
                nodes.add(node);
            }
        }
        return nodes;
    }

    private List<JsonNode> received(String queryId, String type) throws IOException {
        return received(queryId).stream().filter(n -> n.path("type").asText().equals(type)).toList();
    }

    private List<String> spilled(String queryId) {
        return s3.listObjectsV2Paginator(b -> b.bucket(SPILL_BUCKET).prefix(SPILL_PREFIX + "/" + queryId + "/"))
                .contents().stream().map(S3Object::key).toList();
    }

    // ---- the tests ----

    @Test
    void theMetadataApiListsTheConnectorsSchemasTablesAndColumns() {
        assertThat(packageSize).as("the package carries the SDK").isGreaterThan(10L << 20);
        List<String> databases = athena.listDatabasesPaginator(b -> b.catalogName(CATALOG)).databaseList().stream()
                .map(Database::name).toList();
        assertThat(databases).containsExactlyInAnyOrder("sales", "many");

        List<String> tables = athena.listTableMetadataPaginator(b -> b.catalogName(CATALOG).databaseName("many")
                .maxResults(3)).tableMetadataList().stream().map(TableMetadata::name).toList();
        assertThat(tables).containsExactlyInAnyOrder("t0", "t1", "t2", "t3", "t4", "t5", "t6");
        // Each table of a listing is described by the connector; one that cannot be fails the listing.
        assertThatThrownBy(() -> athena.listTableMetadata(b -> b.catalogName(CATALOG).databaseName("sales")))
                .isInstanceOfSatisfying(MetadataException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("GENERIC_USER_ERROR: Encountered an exception[java.lang.IllegalStateException]"
                                + " from your LambdaFunction[" + FUNCTION + "] executed in context[retrieving"
                                + " meta-data] with message[the metastore is down]"));

        TableMetadata orders = athena.getTableMetadata(b -> b.catalogName(CATALOG).databaseName("sales")
                .tableName("orders")).tableMetadata();
        assertThat(orders.name()).isEqualTo("orders");
        assertThat(orders.columns().stream().map(c -> c.name() + " " + c.type()).toList()).containsExactly(
                "id bigint", "customer string", "amount decimal(10,2)", "ratio double", "day date",
                "seen timestamp", "vip boolean", "tags array<string>", "info struct<code:int,note:string>");
        assertThat(orders.partitionKeys().stream().map(c -> c.name() + " " + c.type()).toList())
                .containsExactly("year int");
        TableMetadata customers = athena.getTableMetadata(b -> b.catalogName(CATALOG).databaseName("sales")
                .tableName("customers")).tableMetadata();
        assertThat(customers.columns().stream().map(Column::name).toList()).containsExactly("id", "name", "region");
        assertThat(customers.partitionKeys()).isEmpty();
    }

    @Test
    void aFilteredProjectionReachesTheConnectorAsColumnsAndConstraints() throws Exception {
        QueryExecution execution = run("SELECT id, amount FROM " + CATALOG + ".sales.orders"
                + " WHERE year = 2022 AND id BETWEEN 2022010 AND 2022013 AND customer IN ('c0', 'c1', 'c2')"
                + " ORDER BY id");
        assertThat(rows(execution)).containsExactly(List.of("2022010", "12.50"), List.of("2022011", "13.75"),
                List.of("2022012", "15.00"));

        String id = execution.queryExecutionId();
        List<JsonNode> layouts = received(id, "GetTableLayoutRequest");
        assertThat(layouts).hasSize(1);
        assertThat(layouts.get(0).path("table").asText()).isEqualTo("orders");
        assertThat(layouts.get(0).path("summary").path("year").asText())
                .isEqualTo("SortedRangeSet[[2022, 2022]] nulls=false");
        List<JsonNode> reads = received(id, "ReadRecordsRequest");
        assertThat(reads).as("one split: the 2022 partition").hasSize(1);
        JsonNode read = reads.get(0);
        assertThat(read.path("columns").toString()).isEqualTo("[\"id\",\"amount\",\"customer\",\"year\"]");
        assertThat(read.path("summary").path("id").asText())
                .isEqualTo("SortedRangeSet[[2022010, 2022013]] nulls=false");
        assertThat(read.path("summary").path("customer").asText())
                .isEqualTo("SortedRangeSet[[c0, c0], [c1, c1], [c2, c2]] nulls=false");
        assertThat(spilled(id)).as("a small answer comes inline").isEmpty();
    }

    @Test
    void aLimitIsPushedToTheConnector() throws Exception {
        QueryExecution execution = run("SELECT name FROM " + CATALOG + ".sales.customers LIMIT 2");
        assertThat(rows(execution)).hasSize(2);
        List<JsonNode> reads = received(execution.queryExecutionId(), "ReadRecordsRequest");
        assertThat(reads).hasSize(1);
        assertThat(reads.get(0).path("limit").asLong()).isEqualTo(2);
        assertThat(reads.get(0).path("columns").toString()).isEqualTo("[\"name\"]");
    }

    @Test
    void aFederatedTableJoinsATableOverS3() throws Exception {
        List<List<String>> expected = List.of(List.of("c0", "Europe"), List.of("c1", "United States"),
                List.of("c2", "Europe"), List.of("c3", "Asia Pacific"), List.of("c4", "United States"));
        assertThat(query("SELECT c.name, r.name FROM " + CATALOG + ".sales.customers c"
                + " JOIN awsdatacatalog.ref.regions r ON c.region = r.code ORDER BY c.name")).isEqualTo(expected);
        assertThat(query("SELECT c.name, r.name FROM \"lambda:" + FUNCTION + "\".sales.customers c"
                + " JOIN ref.regions r ON c.region = r.code ORDER BY c.name")).isEqualTo(expected);
        // Orders per region: two federated tables and the S3 one.
        assertThat(query("SELECT r.name, count(*), sum(o.amount) FROM \"lambda:" + FUNCTION + "\".sales.orders o"
                + " JOIN " + CATALOG + ".sales.customers c ON o.customer = c.name"
                + " JOIN ref.regions r ON c.region = r.code WHERE o.year = 2021 GROUP BY r.name ORDER BY r.name"))
                .containsExactly(List.of("Asia Pacific", "10", "318.75"), List.of("Europe", "20", "587.50"),
                        List.of("United States", "20", "625.00"));
    }

    @Test
    void aLargeReadSpillsToTheSpillBucketAndIsReadBack() throws Exception {
        QueryExecution execution = run("SELECT id, customer, amount, tags, info.note FROM " + CATALOG
                + ".sales.orders ORDER BY id");
        List<List<String>> rows = rows(execution);
        assertThat(rows).hasSize(150);
        List<List<String>> expected = new ArrayList<>();
        for (int year = 2021; year <= 2023; year++) {
            for (int i = 0; i < 50; i++) {
                expected.add(List.of(String.valueOf(year * 1000L + i), "c" + (i % 5),
                        new java.math.BigDecimal(i * 125L).movePointLeft(2).toPlainString(),
                        "[t" + (i % 2) + ", x]", "n" + i));
            }
        }
        assertThat(rows).isEqualTo(expected);
        assertThat(received(execution.queryExecutionId(), "ReadRecordsRequest")).hasSize(3);
        List<String> spilled = spilled(execution.queryExecutionId());
        assertThat(spilled).as("blocks of at most 1 KB, spilled; the bucket holds %s", s3.listObjectsV2(b -> b.bucket(
                SPILL_BUCKET)).contents()).hasSizeGreaterThanOrEqualTo(3);
        // Encrypted with the split's key: the tags' characters ("t0", "x", "t1", "x", ...) are nowhere in clear.
        byte[] clear = "t0xt1x".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (String key : spilled) {
            byte[] block = s3.getObjectAsBytes(b -> b.bucket(SPILL_BUCKET).key(key)).asByteArray();
            assertThat(indexOf(block, clear)).as(key).isEqualTo(-1);
        }
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void aConnectorThatThrowsFailsItsQueryInAthenasWords() throws Exception {
        assertThat(failure("SELECT * FROM " + CATALOG + ".sales.broken")).matches(
                "GENERIC_USER_ERROR: Encountered an exception\\[java.lang.IllegalStateException\\] from your"
                        + " LambdaFunction\\[" + FUNCTION + "\\] executed in context\\[[^\\]]+\\] with message"
                        + "\\[the disk is on fire\\]");
        assertThat(failure("SELECT * FROM " + CATALOG + ".sales.broken_meta")).isEqualTo(
                "GENERIC_USER_ERROR: Encountered an exception[java.lang.IllegalStateException] from your"
                        + " LambdaFunction[" + FUNCTION + "] executed in context[retrieving meta-data] with message"
                        + "[the metastore is down]");
        assertStillAnswering();
    }

    @Test
    void aConnectorThatHangsPastItsTimeoutFailsItsQuery() throws Exception {
        long start = System.nanoTime();
        String message = failure("SELECT * FROM hanging_cat.sales.orders");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofSeconds(3),
                Duration.ofSeconds(30));
        // Lambda's error document for a timeout has no errorType, only the errorMessage.
        assertThat(message).matches("GENERIC_USER_ERROR: Encountered an exception\\[null\\] from your"
                + " LambdaFunction\\[hanging-connector\\] executed in context\\[retrieving meta-data\\] with"
                + " message\\[\\S+ [-0-9a-f]{36} Task timed out after 3.00 seconds\\]");
        assertStillAnswering();
    }

    @Test
    void aConnectorThatAnswersNonsenseFailsItsQuery() throws Exception {
        // Its handler writes its environment, not JSON, to the first request: the SDK's ping.
        assertThat(failure("SELECT * FROM malformed_cat.sales.orders")).startsWith(
                "GENERIC_USER_ERROR: The response of your LambdaFunction[malformed-connector] executed in"
                        + " context[retrieving meta-data] is not a valid PingResponse: it is not JSON (");
        assertStillAnswering();
    }

    @Test
    void unknownCatalogsAndFunctionsFailTheirQueries() throws Exception {
        assertThat(failure("SELECT * FROM nowhere.sales.orders"))
                .isEqualTo("CATALOG_NOT_FOUND: line 1:15: Catalog 'nowhere' does not exist");
        assertThat(failure("SELECT * FROM ghost_cat.sales.orders")).startsWith(
                "GENERIC_USER_ERROR: Encountered an exception[software.amazon.awssdk.services.lambda.model."
                        + "ResourceNotFoundException] from your LambdaFunction[no-such-function] executed in context[");
        assertThat(failure("SELECT * FROM \"lambda:no-such-function\".sales.orders")).startsWith(
                "GENERIC_USER_ERROR: Encountered an exception[software.amazon.awssdk.services.lambda.model."
                        + "ResourceNotFoundException] from your LambdaFunction[no-such-function] executed in context[");
        assertStillAnswering();
    }

    private void assertStillAnswering() throws InterruptedException {
        assertThat(query("SELECT count(*) FROM " + CATALOG + ".sales.customers WHERE region = 'eu'"))
                .containsExactly(List.of("2"));
    }
}
