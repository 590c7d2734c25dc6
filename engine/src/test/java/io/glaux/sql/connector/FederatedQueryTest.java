package io.glaux.sql.connector;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.catalog.TableDefinition;
import io.glaux.connector.Connector;
import io.glaux.connector.ConnectorCapabilities;
import io.glaux.connector.ConnectorValues;
import io.glaux.connector.Domain;
import io.glaux.connector.ScanRequest;
import io.glaux.connector.SortItem;
import io.glaux.connector.ValueSet;
import io.glaux.datacatalog.DataCatalogParameters;
import io.glaux.datacatalog.DataCatalogType;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryState;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class FederatedQueryTest {

    private static final List<Column> CUSTOMER_COLUMNS = List.of(new Column("id", AthenaType.BIGINT),
            new Column("name", AthenaType.STRING), new Column("region", AthenaType.STRING),
            new Column("signup", AthenaType.DATE));
    private static final List<Column> PARTITION = List.of(new Column("tier", AthenaType.STRING));

    @TempDir
    java.nio.file.Path folder;

    private GlauxFixture fixture;
    private final List<MemoryConnector> made = new ArrayList<>();
    private ConnectorCapabilities capabilities = ConnectorCapabilities.ALL;

    @BeforeEach
    void start() throws Exception {
        fixture = GlauxFixture.local(folder);
        fixture.glaux().federatedCatalogs().addFactory(catalog -> {
            if (catalog.type() != DataCatalogType.LAMBDA
                    || !"memfn".equals(catalog.parameters().get(DataCatalogParameters.FUNCTION))) {
                return Optional.empty();
            }
            MemoryConnector connector = customers(new MemoryConnector(capabilities));
            made.add(connector);
            return Optional.<Connector>of(connector);
        });
        if (fixture.glaux().dataCatalogs().registered("mem").isEmpty()) {
            fixture.glaux().dataCatalogs().create("mem", DataCatalogType.LAMBDA, null,
                    Map.of(DataCatalogParameters.FUNCTION, "memfn"), Map.of());
        }
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private static MemoryConnector customers(MemoryConnector connector) {
        List<Object[]> rows = new ArrayList<>();
        String[] names = {"ann", "bob", "cid", "dee", "eve", "fay"};
        String[] regions = {"eu", "us", "eu", "ap", "us", null};
        for (int i = 0; i < names.length; i++) {
            rows.add(new Object[]{(long) i + 1, names[i], regions[i],
                    ConnectorValues.date(LocalDate.of(2024, 1, 1).plusDays(i * 40L)), i % 2 == 0 ? "gold" : "basic"});
        }
        return connector.table("Sales", "Customers", CUSTOMER_COLUMNS, PARTITION, rows);
    }

    private ScanRequest lastRequest() {
        List<ScanRequest> requests = made.get(made.size() - 1).requests;
        return requests.get(requests.size() - 1);
    }

    @Test
    void aRegisteredLambdaCatalogIsQueriedWithItsProjectionAndConstraint() {
        List<List<String>> rows = fixture.rows("SELECT name FROM mem.sales.customers"
                + " WHERE id > 2 AND region IN ('eu', 'us') ORDER BY name");

        assertThat(rows).containsExactly(List.of("cid"), List.of("eve"));
        ScanRequest request = lastRequest();
        assertThat(request.columns()).containsExactlyInAnyOrder("id", "name", "region");
        assertThat(request.constraint().domains()).containsOnlyKeys("id", "region");
        Domain id = request.constraint().domains().get("id");
        assertThat(id.nullAllowed()).isFalse();
        assertThat(id.values()).isEqualTo(ValueSet.SortedRanges.of(List.of(ValueSet.Range.greaterThan(2L, false))));
        assertThat(((ValueSet.SortedRanges) request.constraint().domains().get("region").values()).singleValues())
                .containsExactly("eu", "us");
        assertThat(request.limit()).isEmpty();
        assertThat(request.queryId()).isNotBlank();
    }

    @Test
    void datesAndNullChecksReachTheConnectorInTheEngineForms() {
        assertThat(fixture.rows("SELECT id FROM mem.sales.customers WHERE signup >= DATE '2024-05-01'"
                + " AND region IS NOT NULL ORDER BY id")).containsExactly(List.of("5"));

        Domain signup = lastRequest().constraint().domains().get("signup");
        assertThat(signup.values().contains(ConnectorValues.date(LocalDate.of(2024, 5, 1)))).isTrue();
        assertThat(signup.values().contains(ConnectorValues.date(LocalDate.of(2024, 4, 30)))).isFalse();
        assertThat(lastRequest().constraint().domains().get("region")).isEqualTo(Domain.notNull());
    }

    @Test
    void aLimitIsOfferedOnlyWhenTheConstraintSaysEverythingTheQueryFiltersOn() {
        assertThat(fixture.rows("SELECT * FROM mem.sales.customers LIMIT 3")).hasSize(3);
        assertThat(lastRequest().limit()).isEqualTo(OptionalLong.of(3));
        assertThat(lastRequest().columns()).hasSize(5);

        assertThat(fixture.rows("SELECT id FROM mem.sales.customers WHERE id > 1 LIMIT 2")).hasSize(2);
        assertThat(lastRequest().limit()).isEqualTo(OptionalLong.of(2));

        assertThat(fixture.rows("SELECT id FROM mem.sales.customers WHERE lower(name) <> 'bob' LIMIT 2"))
                .hasSize(2);
        assertThat(lastRequest().limit()).isEmpty();

        assertThat(fixture.rows("SELECT region, count(*) FROM mem.sales.customers GROUP BY region LIMIT 1"))
                .hasSize(1);
        assertThat(lastRequest().limit()).isEmpty();
    }

    @Test
    void anOrderWithALimitIsOfferedAsATopN() {
        assertThat(fixture.rows("SELECT name FROM mem.sales.customers WHERE tier = 'gold'"
                + " ORDER BY id DESC LIMIT 2")).containsExactly(List.of("eve"), List.of("cid"));

        assertThat(lastRequest().limit()).isEqualTo(OptionalLong.of(2));
        assertThat(lastRequest().orderBy()).containsExactly(new SortItem("id", false, false));
        assertThat(lastRequest().constraint().domains()).containsOnlyKeys("tier");
    }

    @Test
    void theEngineAppliesEveryFilterAgainWhenTheConnectorOnlyPrunes() throws Exception {
        fixture.close();
        capabilities = ConnectorCapabilities.NONE;
        start();

        assertThat(fixture.rows("SELECT name FROM mem.sales.customers WHERE id > 2 AND region = 'eu' LIMIT 5"))
                .containsExactly(List.of("cid"));
        assertThat(lastRequest().limit()).isEmpty();
        assertThat(lastRequest().constraint().domains()).containsOnlyKeys("id", "region");
    }

    @Test
    void aFunctionIsReachedUnregisteredAsLambdaColonFunction() {
        assertThat(fixture.rows("SELECT count(*) FROM \"lambda:memfn\".sales.customers"))
                .containsExactly(List.of("6"));
        assertThat(lastRequest().table().name().toString()).isEqualTo("Sales.Customers");
        assertThat(lastRequest().columns()).as("a count asks for one column").containsExactly("id");
    }

    @Test
    void aFederatedTableJoinsAnS3Table() {
        fixture.put("shop-data", "orders/orders.csv", "1,10.50\n3,7.25\n3,2.00\n9,1.00\n");
        fixture.query("CREATE EXTERNAL TABLE orders (customer_id bigint, amount double)"
                + " ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://shop-data/orders/'");

        assertThat(fixture.rows("SELECT c.name, sum(o.amount) FROM orders o JOIN mem.sales.customers c"
                + " ON o.customer_id = c.id GROUP BY c.name ORDER BY c.name"))
                .containsExactly(List.of("ann", "10.5"), List.of("cid", "9.25"));
    }

    @Test
    void anUnknownCatalogFailsNamingIt() {
        QueryExecution failed = fixture.run("SELECT * FROM nosuch.sales.customers");

        assertThat(failed.state()).isEqualTo(QueryState.FAILED);
        assertThat(failed.status().stateChangeReason()).startsWith("CATALOG_NOT_FOUND: line 1:15: Catalog 'nosuch'"
                + " does not exist");
    }

    @Test
    void theCatalogsMetadataComesFromTheConnector() {
        var metadata = fixture.glaux().catalogs().require("MEM").metadata();

        assertThat(metadata.listDatabases()).extracting(d -> d.name()).containsExactly("sales");
        TableDefinition table = metadata.getTable("sales", "customers").orElseThrow();
        assertThat(table.columns()).extracting(Column::name).containsExactly("id", "name", "region", "signup");
        assertThat(table.partitionKeys()).extracting(Column::name).containsExactly("tier");
        assertThat(fixture.glaux().catalogs().names()).containsExactly("awsdatacatalog", "spice", "mem");
    }

    @Test
    void plansOverFederatedTablesAreNotCachedAndAChangedCatalogClosesItsConnector() {
        fixture.rows("SELECT count(*) FROM mem.sales.customers");
        fixture.rows("SELECT count(*) FROM mem.sales.customers");
        assertThat(fixture.glaux().planner().cachedPlans()).isZero();
        MemoryConnector first = made.get(0);

        fixture.glaux().dataCatalogs().update("mem", DataCatalogType.LAMBDA, "now described",
                Map.of(DataCatalogParameters.FUNCTION, "memfn", "extra", "x"));
        assertThat(fixture.rows("SELECT count(*) FROM mem.sales.customers")).containsExactly(List.of("6"));

        assertThat(first.closed).isTrue();
        assertThat(made).hasSize(2);
    }

    @Test
    void showAndDescribeFollowTheCatalogTheyNameAndOtherDdlIsRefusedThere() throws Exception {
        assertThat(inMem("SHOW TABLES")).containsExactly(List.of("customers"));
        assertThat(inMem("SHOW DATABASES")).containsExactly(List.of("sales"));
        assertThat(fixture.rows("SHOW COLUMNS IN mem.sales.customers")).extracting(row -> row.get(0).trim())
                .containsExactly("id", "name", "region", "signup", "tier");
        assertThat(fixture.rows("SHOW TABLES")).isEmpty();

        QueryExecution create = fixture.run("CREATE EXTERNAL TABLE mem.sales.copy (a int) LOCATION 's3://shop-data/copy/'");
        assertThat(create.state()).isEqualTo(QueryState.FAILED);
        assertThat(create.status().stateChangeReason())
                .isEqualTo("NOT_SUPPORTED: Catalog 'mem' does not support CREATE TABLE");
        assertThat(fixture.glaux().catalog().getTable("sales", "copy")).isEmpty();
    }

    private List<List<String>> inMem(String sql) throws Exception {
        QueryExecution done = fixture.glaux().execute(io.glaux.exec.QueryRequest.of(sql)
                .withContext(new io.glaux.sql.QueryContext("mem", "sales")));
        assertThat(done.state()).as(done.status().stateChangeReason()).isEqualTo(QueryState.SUCCEEDED);
        return fixture.glaux().results(done.queryExecutionId()).rows();
    }

    @Test
    void aSpiceDatasetIsIngestedFromAFederatedTableAndQueriedCached() throws Exception {
        fixture.glaux().spice().createDatasetFromTable("customers_cache", "mem", "sales", "customers");

        io.glaux.spice.Ingestion done = fixture.glaux().spice().createIngestion("customers_cache");
        assertThat(done.await(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();

        assertThat(done.status()).isEqualTo(io.glaux.spice.IngestionStatus.COMPLETED);
        int requests = made.get(0).requests.size();
        assertThat(fixture.rows("SELECT region, count(*) FROM spice.default.customers_cache WHERE region IS NOT NULL"
                + " GROUP BY region ORDER BY region"))
                .containsExactly(List.of("ap", "1"), List.of("eu", "2"), List.of("us", "2"));
        assertThat(made.get(0).requests).hasSize(requests);
    }
}
