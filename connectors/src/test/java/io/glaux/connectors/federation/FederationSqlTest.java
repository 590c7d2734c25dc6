package io.glaux.connectors.federation;

import io.glaux.catalog.Column;
import io.glaux.catalog.TableDefinition;
import io.glaux.datacatalog.DataCatalogParameters;
import io.glaux.datacatalog.DataCatalogType;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryState;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** SQL over a LAMBDA data catalog served by a real Federation SDK connector through the federation connector. */
class FederationSqlTest {

    @TempDir
    Path folder;

    private GlauxFixture fixture;
    private SdkFunction function;

    /** A Glaux whose functions are the test connector, by its ARN or by its name, spilling into Glaux's store. */
    private void start(FederationSettings settings) throws Exception {
        fixture = GlauxFixture.local(folder);
        function = new SdkFunction(fixture.glaux().store(), true);
        FederationFunctions functions = name -> name.equals(SdkFunction.ARN) || name.equals("sales")
                ? Optional.of(function) : Optional.empty();
        fixture.glaux().federatedCatalogs().addFactory(new FederationConnectorFactory(functions,
                SpilledObjects.of(fixture.glaux().store()), settings));
        fixture.glaux().dataCatalogs().create("salesfed", DataCatalogType.LAMBDA, null,
                Map.of(DataCatalogParameters.FUNCTION, SdkFunction.ARN), Map.of());
    }

    @AfterEach
    void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    private Received lastRead() {
        List<Received> reads = function.received("ReadRecordsRequest");
        return reads.get(reads.size() - 1);
    }

    @Test
    void filtersAndProjectionsReachTheFunctionAndPrunePartitions() throws Exception {
        start(FederationSettings.DEFAULTS);

        assertThat(fixture.rows("SELECT id, customer FROM salesfed.sales.orders"
                + " WHERE year = 2022 AND id < 2022004 AND customer <> 'c1' ORDER BY id"))
                .containsExactly(List.of("2022000", "c0"), List.of("2022002", "c2"), List.of("2022003", "c3"));

        assertThat(function.received("GetSplitsRequest")).hasSize(1);
        Received read = lastRead();
        assertThat(read.columns()).containsExactlyInAnyOrder("id", "customer", "year");
        assertThat(read.summary()).containsEntry("year", "SortedRangeSet[[2022, 2022]] nulls=false")
                .containsEntry("id", "SortedRangeSet[(-inf, 2022004)] nulls=false")
                .containsEntry("customer", "SortedRangeSet[(-inf, c1), (c1, +inf)] nulls=false");
        assertThat(read.catalogName()).isEqualTo("salesfed");
    }

    @Test
    void aLimitIsPushedToAFunctionThatDeclaredIt() throws Exception {
        start(FederationSettings.DEFAULTS);

        assertThat(fixture.rows("SELECT id FROM salesfed.sales.orders WHERE customer = 'c4' LIMIT 3")).hasSize(3);

        assertThat(function.received("ReadRecordsRequest")).extracting(Received::limit).containsOnly(3L);
    }

    @Test
    void valuesOfEveryKindComeBackThroughSql() throws Exception {
        start(FederationSettings.DEFAULTS);

        assertThat(fixture.rows("SELECT amount, ratio, day, seen, vip, tags[1], info.note FROM salesfed.sales.orders"
                + " WHERE id = 2023005")).containsExactly(List.of("6.25", "1.25", "2023-01-06",
                "2023-01-01 07:30:00.000", "false", "t1", "n5"));
    }

    @Test
    void aFederatedTableJoinsAnS3CsvTable() throws Exception {
        start(FederationSettings.DEFAULTS);
        fixture.put("shop-data", "payments/payments.csv", "0,10.50\n2,7.25\n2,2.00\n3,1.00\n9,4.00\n");
        fixture.query("CREATE EXTERNAL TABLE payments (customer_id bigint, amount double)"
                + " ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://shop-data/payments/'");

        assertThat(fixture.rows("SELECT c.region, sum(p.amount) FROM payments p JOIN salesfed.sales.customers c"
                + " ON p.customer_id = c.id GROUP BY c.region ORDER BY c.region"))
                .containsExactly(List.of("ap", "1.0"), List.of("eu", "19.75"));
    }

    @Test
    void aFunctionIsReachedUnregisteredAsLambdaColonFunction() throws Exception {
        start(FederationSettings.DEFAULTS);

        assertThat(fixture.rows("SELECT count(*) FROM \"lambda:sales\".sales.customers WHERE region = 'us'"))
                .containsExactly(List.of("2"));
        assertThat(lastRead().catalogName()).isEqualTo("lambda:sales");
    }

    @Test
    void aResultTheFunctionSpilledIsReadFromGlauxsStore() throws Exception {
        start(FederationSettings.DEFAULTS.withBlockSizes(1024, 1));

        assertThat(fixture.rows("SELECT count(*), sum(amount), count(DISTINCT customer) FROM salesfed.sales.orders"))
                .containsExactly(List.of("150", "4593.75", "5"));
        assertThat(function.responseTypes).contains("RemoteReadRecordsResponse");
        assertThat(fixture.glaux().store().listAll(SdkFunction.SPILL_BUCKET, "athena-spill/")).isNotEmpty();
    }

    @Test
    void aFailingFunctionFailsTheQueryInAthenasShape() throws Exception {
        start(FederationSettings.DEFAULTS);

        QueryExecution failed = fixture.run("SELECT * FROM salesfed.sales.broken");

        assertThat(failed.state()).isEqualTo(QueryState.FAILED);
        assertThat(failed.status().stateChangeReason()).startsWith("GENERIC_USER_ERROR: Encountered an exception"
                + "[java.lang.IllegalStateException] from your LambdaFunction[" + SdkFunction.ARN + "] executed in"
                + " context[S3SpillLocation{bucket='glaux-spill', key='athena-spill/"
                + failed.queryExecutionId() + "/").endsWith("with message[the disk is on fire]");
    }

    @Test
    void theCatalogsTablesAndPartitionColumnsComeFromTheFunction() throws Exception {
        start(FederationSettings.DEFAULTS);
        var metadata = fixture.glaux().catalogs().require("SALESFED").metadata();

        assertThat(metadata.listDatabases()).extracting(d -> d.name()).containsExactly("many", "sales");
        TableDefinition orders = metadata.getTable("sales", "orders").orElseThrow();
        assertThat(orders.columns()).extracting(Column::name).containsExactly("id", "customer", "amount", "ratio",
                "day", "seen", "vip", "tags", "info");
        assertThat(orders.partitionKeys()).extracting(Column::name).containsExactly("year");
    }
}
