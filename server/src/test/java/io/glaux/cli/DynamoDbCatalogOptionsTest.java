package io.glaux.cli;

import io.glaux.connectors.dynamodb.DynaliteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code glaux query --catalog ddb=dynamodb://...}: DynamoDB queried in one command. */
@Tag("dynamodb")
class DynamoDbCatalogOptionsTest {

    private static DynaliteServer server;

    @TempDir
    Path data;

    @BeforeAll
    static void start() throws Exception {
        server = DynaliteServer.start();
        try (DynamoDbClient client = server.client()) {
            client.createTable(b -> b.tableName("Loyalty").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(d -> d.attributeName("CustomerId").attributeType(ScalarAttributeType.N))
                    .keySchema(k -> k.attributeName("CustomerId").keyType(KeyType.HASH)));
            client.waiter().waitUntilTableExists(b -> b.tableName("Loyalty"));
            for (int i = 1; i <= 5; i++) {
                int id = i;
                client.putItem(b -> b.tableName("Loyalty").item(Map.of(
                        "CustomerId", AttributeValue.fromN(Integer.toString(id)),
                        "Points", AttributeValue.fromN(Integer.toString(id * 10)))));
            }
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aDynamoDbGivenOnTheCommandLineIsQueriedJoinedWithTheSampleData() {
        PrintStream originalOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            int exit = new CommandLine(new GlauxCommand()).execute("query", "--data", data.toString(),
                    "--catalog", "ddb=" + server.connectionString(),
                    "SELECT count(*) AS members, sum(l.points) AS points FROM ddb.default.loyalty l"
                            + " JOIN shop.customers c ON c.customer_id = l.customerid");
            assertThat(exit).as(captured.toString(StandardCharsets.UTF_8)).isZero();
        } finally {
            System.setOut(originalOut);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("members").contains("5 ")
                .contains("150.000000000");
    }
}
