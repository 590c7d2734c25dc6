package io.glaux.connectors.jdbc;

import io.glaux.datacatalog.DataCatalogParameters;
import io.glaux.datacatalog.DataCatalogType;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryState;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** PostgreSQL as a catalog of a running Glaux: joined with S3 data, named by configuration, failing clearly. */
@Tag("postgres")
class JdbcFederationTest {

    @RegisterExtension
    static final PostgresExtension PG = new PostgresExtension("glaux_federation");

    @TempDir
    Path folder;

    private GlauxFixture fixture;

    @BeforeAll
    static void data() {
        PG.execute(
                "CREATE SCHEMA shop",
                "CREATE TABLE shop.customers (id bigint PRIMARY KEY, name text, region text)",
                "INSERT INTO shop.customers VALUES (1, 'ann', 'eu'), (2, 'bob', 'us'), (3, 'cid', 'eu'),"
                        + " (4, 'dee', NULL)",
                "CREATE VIEW shop.eu_customers AS SELECT id, name FROM shop.customers WHERE region = 'eu'",
                "CREATE MATERIALIZED VIEW shop.regions AS SELECT region, count(*) AS customers"
                        + " FROM shop.customers GROUP BY region",
                "CREATE VIEW shop.broken AS SELECT id, 1 / (id - 3) AS ratio FROM shop.customers",
                "CREATE TABLE shop.touched (n integer)",
                "CREATE FUNCTION shop.touch() RETURNS integer LANGUAGE sql VOLATILE AS"
                        + " 'INSERT INTO shop.touched VALUES (1) RETURNING n'",
                "CREATE VIEW shop.writer AS SELECT shop.touch() AS n");
    }

    @BeforeEach
    void start() throws Exception {
        fixture = PG.glaux(folder, "pg");
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void aPostgresqlTableJoinsAnS3CsvTable() {
        fixture.put("shop-data", "orders/orders.csv", "1,10.50\n3,7.25\n3,2.00\n9,1.00\n4,3.00\n");
        fixture.query("CREATE EXTERNAL TABLE orders (customer_id bigint, amount double)"
                + " ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://shop-data/orders/'");

        assertThat(fixture.rows("SELECT c.name, c.region, sum(o.amount) FROM orders o"
                + " JOIN pg.shop.customers c ON o.customer_id = c.id GROUP BY c.name, c.region ORDER BY c.name"))
                .containsExactly(List.of("ann", "eu", "10.5"), Arrays.asList("cid", "eu", "9.25"),
                        Arrays.asList("dee", null, "3.0"));
    }

    @Test
    void viewsAndMaterializedViewsAreTables() {
        assertThat(fixture.rows("SELECT name FROM pg.shop.eu_customers ORDER BY id"))
                .containsExactly(List.of("ann"), List.of("cid"));
        assertThat(fixture.rows("SELECT customers FROM pg.shop.regions WHERE region = 'eu'"))
                .containsExactly(List.of("2"));
    }

    @Test
    void aCatalogGivenByNameWithAConnectionStringIsQueried() throws Exception {
        fixture.close();
        fixture = GlauxFixture.local(folder);
        fixture.glaux().federatedCatalogs().addFactory(new JdbcConnectorFactory(Map.of(
                "Crm", PG.server().connectionString(PG.database()),
                "lambda:crmfn", PG.server().jdbcUrl(PG.database()) + "?user=" + PostgresServer.USER + "&password="
                        + PostgresServer.PASSWORD)));
        fixture.glaux().dataCatalogs().create("crm", DataCatalogType.LAMBDA, null,
                Map.of(DataCatalogParameters.FUNCTION, "crm-connector"), Map.of());

        assertThat(fixture.rows("SELECT count(*) FROM crm.shop.customers")).containsExactly(List.of("4"));
        assertThat(fixture.rows("SELECT name FROM \"lambda:crmfn\".shop.customers WHERE id = 2"))
                .containsExactly(List.of("bob"));
    }

    @Test
    void aWrongPasswordFailsNamingTheCatalogAndGlauxKeepsWorking() {
        fixture.glaux().dataCatalogs().create("badpw", DataCatalogType.FEDERATED, null,
                Map.of(DataCatalogParameters.CONNECTION_TYPE, "POSTGRESQL", JdbcConnectorFactory.CONNECTION_PROPERTIES,
                        PG.connectionProperties().replace(PostgresServer.PASSWORD, "not-the-password")), Map.of());

        QueryExecution failed = fixture.run("SELECT name FROM badpw.shop.customers");

        assertThat(failed.state()).isEqualTo(QueryState.FAILED);
        assertThat(failed.status().stateChangeReason())
                .startsWith("GENERIC_USER_ERROR: Catalog 'badpw' cannot connect to PostgreSQL at jdbc:postgresql://"
                        + "127.0.0.1:" + PG.server().port() + "/" + PG.database() + ": ")
                .contains("password authentication failed for user \"postgres\"")
                .doesNotContain("not-the-password").doesNotContain("\tat ");
        assertThat(fixture.rows("SELECT count(*) FROM pg.shop.customers")).containsExactly(List.of("4"));
        assertThat(fixture.rows("SELECT 1 + 1")).containsExactly(List.of("2"));
    }

    @Test
    void anUnreachableServerFailsClearly() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        fixture.glaux().dataCatalogs().create("gone", DataCatalogType.FEDERATED, null,
                Map.of(DataCatalogParameters.CONNECTION_TYPE, "POSTGRESQL", JdbcConnectorFactory.CONNECTION_PROPERTIES,
                        "{\"HOST\":\"127.0.0.1\",\"PORT\":" + closedPort + ",\"DATABASE\":\"x\",\"USERNAME\":\"u\","
                                + "\"PASSWORD\":\"p\"}"), Map.of());

        QueryExecution failed = fixture.run("SELECT * FROM gone.public.t");

        assertThat(failed.state()).isEqualTo(QueryState.FAILED);
        assertThat(failed.status().stateChangeReason()).startsWith("GENERIC_USER_ERROR: Catalog 'gone' cannot connect"
                + " to PostgreSQL at jdbc:postgresql://127.0.0.1:" + closedPort + "/x: ");
    }

    @Test
    void aDatabaseErrorWhileReadingNamesTheCatalogAndTable() {
        QueryExecution failed = fixture.run("SELECT id, ratio FROM pg.shop.broken");

        assertThat(failed.state()).isEqualTo(QueryState.FAILED);
        assertThat(failed.status().stateChangeReason()).isEqualTo("GENERIC_USER_ERROR: Catalog 'pg', reading table"
                + " shop.broken: ERROR: division by zero (SQLSTATE 22012)");
        assertThat(fixture.rows("SELECT ratio FROM pg.shop.broken WHERE id = 1")).containsExactly(List.of("0"));
    }

    @Test
    void aScanRunsInAReadOnlyTransaction() throws Exception {
        QueryExecution failed = fixture.run("SELECT n FROM pg.shop.writer");

        assertThat(failed.state()).isEqualTo(QueryState.FAILED);
        assertThat(failed.status().stateChangeReason()).startsWith("GENERIC_USER_ERROR: Catalog 'pg', reading table"
                + " shop.writer: ERROR: cannot execute INSERT in a read-only transaction");
        try (var connection = PG.server().connect(PG.database()); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT count(*) FROM shop.touched")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isZero();
        }
    }

    @Test
    void anUnknownTableIsNotFound() {
        QueryExecution failed = fixture.run("SELECT * FROM pg.shop.nosuch");

        assertThat(failed.state()).isEqualTo(QueryState.FAILED);
        assertThat(failed.status().stateChangeReason()).startsWith("TABLE_NOT_FOUND: ");
    }
}
