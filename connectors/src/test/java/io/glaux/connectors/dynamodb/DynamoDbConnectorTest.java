package io.glaux.connectors.dynamodb;

import io.glaux.datacatalog.DataCatalogParameters;
import io.glaux.datacatalog.DataCatalogType;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryState;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The DynamoDB connector against dynalite, through SQL: schemas, pushdown as the server sees it, errors. */
@Tag("dynamodb")
class DynamoDbConnectorTest {

    private static DynaliteServer server;

    @TempDir
    Path folder;

    private GlauxFixture fixture;

    @BeforeAll
    static void data() throws Exception {
        server = DynaliteServer.start();
        try (DynamoDbClient client = server.client()) {
            createTable(client, "Things", "Id", ScalarAttributeType.S, null, null);
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("Id", AttributeValue.fromS("t1"));
            item.put("Name", AttributeValue.fromS("lamp"));
            item.put("Price", AttributeValue.fromN("12.5"));
            item.put("InStock", AttributeValue.fromBool(true));
            item.put("Blob", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2, 3})));
            item.put("Tags", AttributeValue.fromSs(List.of("a", "b")));
            item.put("Sizes", AttributeValue.fromNs(List.of("1", "2")));
            item.put("Blobs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {9}))));
            item.put("Parts", AttributeValue.fromL(List.of(AttributeValue.fromN("7"), AttributeValue.fromN("8"))));
            item.put("Mixed", AttributeValue.fromL(List.of(AttributeValue.fromN("7"), AttributeValue.fromS("x"))));
            item.put("Dims", AttributeValue.fromM(Map.of("w", AttributeValue.fromN("3"),
                    "label", AttributeValue.fromS("wide"))));
            item.put("Nothing", AttributeValue.fromNul(true));
            client.putItem(b -> b.tableName("Things").item(item));

            createTable(client, "Orders", "Customer", ScalarAttributeType.S, "OrderNo", ScalarAttributeType.N);
            List<Map<String, AttributeValue>> orders = new ArrayList<>();
            for (int c = 1; c <= 5; c++) {
                for (int n = 1; n <= 4; n++) {
                    orders.add(Map.of("Customer", AttributeValue.fromS("c" + c),
                            "OrderNo", AttributeValue.fromN(Integer.toString(n)),
                            "Amount", AttributeValue.fromN(c + "." + n),
                            "Status", AttributeValue.fromS(n % 2 == 0 ? "shipped" : "open")));
                }
            }
            write(client, "Orders", orders);

            createTable(client, "Big", "Id", ScalarAttributeType.N, null, null);
            String padding = "x".repeat(1000);
            List<Map<String, AttributeValue>> big = new ArrayList<>();
            for (int i = 0; i < 2500; i++) {
                big.add(Map.of("Id", AttributeValue.fromN(Integer.toString(i)),
                        "Pad", AttributeValue.fromS(padding)));
            }
            write(client, "Big", big);
        }
    }

    static void createTable(DynamoDbClient client, String name, String hash, ScalarAttributeType hashType,
                            String range, ScalarAttributeType rangeType) {
        List<AttributeDefinition> definitions = new ArrayList<>(List.of(AttributeDefinition.builder()
                .attributeName(hash).attributeType(hashType).build()));
        List<KeySchemaElement> keys = new ArrayList<>(List.of(KeySchemaElement.builder().attributeName(hash)
                .keyType(KeyType.HASH).build()));
        if (range != null) {
            definitions.add(AttributeDefinition.builder().attributeName(range).attributeType(rangeType).build());
            keys.add(KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build());
        }
        client.createTable(b -> b.tableName(name).attributeDefinitions(definitions).keySchema(keys)
                .billingMode(BillingMode.PAY_PER_REQUEST));
        client.waiter().waitUntilTableExists(b -> b.tableName(name));
    }

    static void write(DynamoDbClient client, String table, List<Map<String, AttributeValue>> items) {
        for (int i = 0; i < items.size(); i += 25) {
            List<WriteRequest> batch = items.subList(i, Math.min(items.size(), i + 25)).stream()
                    .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                    .toList();
            client.batchWriteItem(b -> b.requestItems(Map.of(table, batch)));
        }
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void start() throws Exception {
        fixture = GlauxFixture.local(folder);
        fixture.glaux().federatedCatalogs().addFactory(new DynamoDbConnectorFactory(Map.of(),
                fixture.glaux().catalog()));
        catalog("ddb", "{\"ENDPOINT_URL\":\"" + server.endpoint() + "\",\"REGION\":\"us-east-1\"}");
        server.clearRequests();
    }

    private void catalog(String name, String properties) {
        fixture.glaux().dataCatalogs().create(name, DataCatalogType.FEDERATED, null,
                Map.of(DataCatalogParameters.CONNECTION_TYPE, "DYNAMODB",
                        DynamoDbConnectorFactory.CONNECTION_PROPERTIES, properties), Map.of());
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    /** Reads of the table's data (not the few items sampled for its schema, a Scan with a Limit). */
    private List<DynaliteServer.Request> reads(String table) {
        return server.requests().stream()
                .filter(r -> r.body().contains("\"TableName\":\"" + table + "\""))
                .filter(r -> r.operation().equals("Query") || r.operation().equals("Scan")
                        && !r.body().contains("\"Limit\""))
                .toList();
    }

    @Test
    void tablesAreListedInTheDefaultSchemaAndTypesAreInferredFromItems() {
        try (var connector = new DynamoDbConnectorFactory(Map.of("ddb", server.connectionString()), null)
                .create(new io.glaux.datacatalog.DataCatalog("ddb", DataCatalogType.FEDERATED, null, Map.<String, String>of(),
                        Map.<String, String>of(), java.time.Instant.now())).orElseThrow()) {
            assertThat(connector.metadata().listSchemas()).containsExactly("default");
            assertThat(connector.metadata().listTables("default")).extracting(n -> n.table())
                    .contains("Things", "Orders", "Big");
            var table = connector.metadata().getTable(new io.glaux.connector.SchemaTableName("default", "things"))
                    .orElseThrow();
            assertThat(table.name().table()).isEqualTo("Things");
            Map<String, String> types = table.columns().stream().collect(Collectors.toMap(c -> c.name(),
                    c -> c.type().ddl()));
            assertThat(types).containsEntry("id", "string").containsEntry("name", "string")
                    .containsEntry("price", "decimal(38,9)").containsEntry("instock", "boolean")
                    .containsEntry("blob", "binary").containsEntry("tags", "array<string>")
                    .containsEntry("sizes", "array<decimal(38,9)>").containsEntry("blobs", "array<binary>")
                    .containsEntry("parts", "array<decimal(38,9)>").containsEntry("mixed", "array<string>")
                    .containsEntry("nothing", "string");
            assertThat(types.get("dims")).isIn("struct<w:decimal(38,9),label:string>",
                    "struct<label:string,w:decimal(38,9)>");
            assertThat(connector.metadata().getTable(new io.glaux.connector.SchemaTableName("default", "nosuch")))
                    .isEmpty();
        }

        assertThat(fixture.rows("SELECT id, name, price, instock, tags, sizes, parts, mixed, dims.w, dims.label,"
                + " nothing, length(blob) FROM ddb.default.things"))
                .containsExactly(Arrays.asList("t1", "lamp", "12.500000000", "true", "[a, b]",
                        "[1.000000000, 2.000000000]", "[7.000000000, 8.000000000]", "[7, x]", "3.000000000", "wide",
                        null, "3"));
    }

    @Test
    void anEqualityOnTheHashKeyRunsAsAQueryAndOtherFiltersAsAScanFilter() {
        assertThat(fixture.rows("SELECT orderno, amount FROM ddb.default.orders WHERE customer = 'c2'"
                + " ORDER BY orderno")).containsExactly(List.of("1.000000000", "2.100000000"),
                List.of("2.000000000", "2.200000000"), List.of("3.000000000", "2.300000000"),
                List.of("4.000000000", "2.400000000"));
        List<DynaliteServer.Request> reads = reads("Orders");
        assertThat(reads).extracting(DynaliteServer.Request::operation).containsOnly("Query");
        assertThat(reads.get(0).body()).contains("\"KeyConditionExpression\":\"#n0 = :v0\"")
                .contains("\"#n0\":\"Customer\"").contains("\":v0\":{\"S\":\"c2\"}");

        server.clearRequests();
        assertThat(fixture.rows("SELECT count(*) FROM ddb.default.orders WHERE status = 'shipped'"))
                .containsExactly(List.of("10"));
        reads = reads("Orders");
        assertThat(reads).extracting(DynaliteServer.Request::operation).containsOnly("Scan");
        assertThat(reads.get(0).body()).contains("\"FilterExpression\":\"#n0 = :v0\"")
                .contains("\"#n0\":\"Status\"");
    }

    @Test
    void onlyTheProjectedAttributesAreRead() {
        assertThat(fixture.rows("SELECT amount FROM ddb.default.orders WHERE customer = 'c1' AND orderno = 3"))
                .containsExactly(List.of("1.300000000"));
        List<DynaliteServer.Request> reads = reads("Orders");
        assertThat(reads).hasSize(1);
        assertThat(reads.get(0).body()).contains("\"ProjectionExpression\":\"").contains("Amount")
                .doesNotContain("Status");
    }

    @Test
    void anInListOnTheHashKeyRunsOneQueryPerValue() {
        assertThat(fixture.rows("SELECT customer, count(*) FROM ddb.default.orders WHERE customer IN ('c1', 'c4',"
                + " 'c9') GROUP BY customer ORDER BY customer"))
                .containsExactly(List.of("c1", "4"), List.of("c4", "4"));
        List<DynaliteServer.Request> reads = reads("Orders");
        assertThat(reads).extracting(DynaliteServer.Request::operation).containsExactly("Query", "Query", "Query");
        assertThat(reads.stream().map(DynaliteServer.Request::body).collect(Collectors.joining()))
                .contains("{\"S\":\"c1\"}").contains("{\"S\":\"c4\"}").contains("{\"S\":\"c9\"}");
    }

    @Test
    void aRangeKeyConditionJoinsTheKeyCondition() {
        assertThat(fixture.rows("SELECT orderno FROM ddb.default.orders WHERE customer = 'c3'"
                + " AND orderno BETWEEN 2 AND 3 ORDER BY orderno"))
                .containsExactly(List.of("2.000000000"), List.of("3.000000000"));
        assertThat(fixture.rows("SELECT count(*) FROM ddb.default.orders WHERE customer = 'c3' AND orderno > 1"))
                .containsExactly(List.of("3"));
        List<DynaliteServer.Request> reads = reads("Orders");
        assertThat(reads).extracting(DynaliteServer.Request::operation).containsOnly("Query");
        assertThat(reads.get(0).body()).contains("BETWEEN");
        assertThat(reads.get(reads.size() - 1).body()).contains(" > ");
    }

    @Test
    void aScanPagesThroughMoreThanOneMegabyte() {
        assertThat(fixture.rows("SELECT count(*), sum(id), min(length(pad)) FROM ddb.default.big"))
                .containsExactly(List.of("2500", "3123750.000000000", "1000"));
        List<DynaliteServer.Request> reads = reads("Big");
        assertThat(reads.size()).isGreaterThan(2);
        assertThat(reads.subList(1, reads.size())).allMatch(r -> r.body().contains("ExclusiveStartKey"));
    }

    @Test
    void scansSplitIntoParallelSegments() {
        catalog("ddb4", "{\"endpoint\":\"" + server.endpoint() + "\",\"scan_segments\":\"4\"}");
        assertThat(fixture.rows("SELECT count(*), count(DISTINCT id) FROM ddb4.default.big"))
                .containsExactly(List.of("2500", "2500"));
        List<DynaliteServer.Request> reads = reads("Big");
        assertThat(reads).allMatch(r -> r.body().contains("\"TotalSegments\":4"));
        for (int segment = 0; segment < 4; segment++) {
            String marker = "\"Segment\":" + segment;
            assertThat(reads).as("segment " + segment).anyMatch(r -> r.body().contains(marker));
        }
    }

    @Test
    void aDynamoDbTableJoinsAnS3CsvTable() {
        fixture.put("shop-data", "customers/customers.csv", "c1,ann\nc2,bob\nc3,cid\n");
        fixture.query("CREATE EXTERNAL TABLE customers (id string, name string)"
                + " ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://shop-data/customers/'");

        assertThat(fixture.rows("SELECT c.name, sum(o.amount) FROM customers c JOIN ddb.default.orders o"
                + " ON o.customer = c.id WHERE o.status = 'open' GROUP BY c.name ORDER BY c.name"))
                .containsExactly(List.of("ann", "2.400000000"), List.of("bob", "4.400000000"),
                        List.of("cid", "6.400000000"));
    }

    @Test
    void aGlueTableDescribesADynamoDbTable() {
        fixture.query("CREATE DATABASE ddbmeta COMMENT 'tables of dynamo-db-flag'");
        fixture.query("CREATE EXTERNAL TABLE ddbmeta.sales (who string, n int, amount double, state string)"
                + " LOCATION 's3://unused/sales/' TBLPROPERTIES ('sourceTable'='Orders',"
                + " 'columnMapping'='who=Customer,n=OrderNo,state=Status')");

        assertThat(fixture.rows("SELECT n, amount, state FROM ddb.ddbmeta.sales WHERE who = 'c5' AND n >= 3"
                + " ORDER BY n")).containsExactly(List.of("3", "5.3", "open"), List.of("4", "5.4", "shipped"));
        assertThat(reads("Orders")).extracting(DynaliteServer.Request::operation).containsOnly("Query");
    }

    @Test
    void anUnknownTableFailsNamingIt() {
        QueryExecution failed = fixture.run("SELECT * FROM ddb.default.nosuch");

        assertThat(failed.state()).isEqualTo(QueryState.FAILED);
        assertThat(failed.status().stateChangeReason()).containsIgnoringCase("nosuch").doesNotContain("\tat ");
    }

    @Test
    void anUnreachableEndpointFailsClearly() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        catalog("gone", "{\"endpoint\":\"http://127.0.0.1:" + closedPort + "\"}");

        QueryExecution failed = fixture.run("SELECT * FROM gone.default.orders");

        assertThat(failed.state()).isEqualTo(QueryState.FAILED);
        assertThat(failed.status().stateChangeReason())
                .startsWith("GENERIC_USER_ERROR: Catalog 'gone' cannot reach DynamoDB at http://127.0.0.1:"
                        + closedPort).doesNotContain("\tat ");
        assertThat(fixture.rows("SELECT count(*) FROM ddb.default.orders")).containsExactly(List.of("20"));
    }
}
