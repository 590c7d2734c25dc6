package io.glaux.federation;

import io.glaux.Glaux;
import io.glaux.connectors.dynamodb.DynaliteServer;
import io.glaux.connectors.dynamodb.DynamoDbConnectorFactory;
import io.glaux.connectors.jdbc.JdbcConnectorFactory;
import io.glaux.connectors.jdbc.PostgresExtension;
import io.glaux.datacatalog.DataCatalogParameters;
import io.glaux.datacatalog.DataCatalogType;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryState;
import io.glaux.sample.SampleDataInstaller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One query over three sources: the sample shop's orders (Parquet objects in Glaux's store), customer tiers in a
 * PostgreSQL database and loyalty points in a DynamoDB table, checked against the same join done by hand.
 */
@Tag("postgres")
@Tag("dynamodb")
class ThreeSourceJoinTest {

    @RegisterExtension
    static final PostgresExtension PG = new PostgresExtension("glaux_three_sources");

    private static DynaliteServer dynamo;

    @TempDir
    Path data;

    @BeforeAll
    static void sources() throws Exception {
        dynamo = DynaliteServer.start();
        try (DynamoDbClient client = dynamo.client()) {
            client.createTable(b -> b.tableName("Loyalty").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(d -> d.attributeName("CustomerId").attributeType(ScalarAttributeType.N))
                    .keySchema(k -> k.attributeName("CustomerId").keyType(KeyType.HASH)));
            client.waiter().waitUntilTableExists(b -> b.tableName("Loyalty"));
            for (int id = 1; id <= 12; id++) {
                int customer = id;
                client.putItem(b -> b.tableName("Loyalty").item(Map.of(
                        "CustomerId", AttributeValue.fromN(Integer.toString(customer)),
                        "Points", AttributeValue.fromN(Integer.toString(customer * 10)))));
            }
        }
    }

    @AfterAll
    static void stop() {
        if (dynamo != null) {
            dynamo.close();
        }
    }

    private static String tier(int customer) {
        return customer % 3 == 0 ? "gold" : "silver";
    }

    @Test
    void ordersInParquetJoinPostgresTiersAndDynamoDbPointsInOneQuery() throws Exception {
        PG.execute("DROP TABLE IF EXISTS tiers", "CREATE TABLE tiers (customer_id bigint PRIMARY KEY, tier text)",
                "INSERT INTO tiers SELECT g, CASE WHEN g % 3 = 0 THEN 'gold' ELSE 'silver' END"
                        + " FROM generate_series(1, 20) g");
        try (Glaux glaux = Glaux.builder().dataFolder(data)
                .connectorFactory(new JdbcConnectorFactory(Map.of("crm",
                        PG.server().connectionString(PG.database()))))
                .connectorFactory(new DynamoDbConnectorFactory(Map.of("ddb", dynamo.connectionString()), null))
                .build()) {
            new SampleDataInstaller(glaux).installOnFirstStart();
            glaux.dataCatalogs().create("crm", DataCatalogType.FEDERATED, null,
                    Map.of(DataCatalogParameters.CONNECTION_TYPE, JdbcConnectorFactory.CONNECTION_TYPE), Map.of());
            glaux.dataCatalogs().create("ddb", DataCatalogType.FEDERATED, null,
                    Map.of(DataCatalogParameters.CONNECTION_TYPE, DynamoDbConnectorFactory.CONNECTION_TYPE), Map.of());

            List<List<String>> joined = rows(glaux, "SELECT t.tier, count(*) AS orders, sum(l.points) AS points"
                    + " FROM shop.orders o JOIN crm.public.tiers t ON t.customer_id = o.customer_id"
                    + " JOIN ddb.default.loyalty l ON l.customerid = o.customer_id"
                    + " GROUP BY t.tier ORDER BY t.tier");

            // The same join by hand: orders per customer from the Parquet table alone, tiers and points as loaded.
            Map<String, long[]> expected = new TreeMap<>();
            for (List<String> row : rows(glaux, "SELECT customer_id, count(*) FROM shop.orders"
                    + " WHERE customer_id BETWEEN 1 AND 12 GROUP BY customer_id")) {
                int customer = Integer.parseInt(row.get(0));
                long orders = Long.parseLong(row.get(1));
                long[] totals = expected.computeIfAbsent(tier(customer), k -> new long[2]);
                totals[0] += orders;
                totals[1] += orders * customer * 10L;
            }
            List<List<String>> byHand = new ArrayList<>();
            expected.forEach((tier, totals) -> byHand.add(List.of(tier, Long.toString(totals[0]),
                    totals[1] + ".000000000")));
            assertThat(byHand).isNotEmpty();
            assertThat(joined).isEqualTo(byHand);
        }
    }

    private static List<List<String>> rows(Glaux glaux, String sql) throws Exception {
        QueryExecution done = glaux.execute(sql);
        assertThat(done.state()).as(done.status().stateChangeReason()).isEqualTo(QueryState.SUCCEEDED);
        return glaux.results(done.queryExecutionId()).rows();
    }
}
