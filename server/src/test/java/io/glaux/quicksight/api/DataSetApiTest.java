package io.glaux.quicksight.api;

import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.quicksight.QuickSightClient;
import software.amazon.awssdk.services.quicksight.model.CreateDataSetRequest;
import software.amazon.awssdk.services.quicksight.model.CustomSql;
import software.amazon.awssdk.services.quicksight.model.DataSet;
import software.amazon.awssdk.services.quicksight.model.DataSetImportMode;
import software.amazon.awssdk.services.quicksight.model.DataSourceType;
import software.amazon.awssdk.services.quicksight.model.ExceptionResourceType;
import software.amazon.awssdk.services.quicksight.model.InputColumn;
import software.amazon.awssdk.services.quicksight.model.InputColumnDataType;
import software.amazon.awssdk.services.quicksight.model.InvalidParameterValueException;
import software.amazon.awssdk.services.quicksight.model.JoinType;
import software.amazon.awssdk.services.quicksight.model.LogicalTable;
import software.amazon.awssdk.services.quicksight.model.OutputColumn;
import software.amazon.awssdk.services.quicksight.model.PhysicalTable;
import software.amazon.awssdk.services.quicksight.model.ResourceExistsException;
import software.amazon.awssdk.services.quicksight.model.ResourceNotFoundException;
import software.amazon.awssdk.services.quicksight.model.ResourcePermission;
import software.amazon.awssdk.services.quicksight.model.TransformOperation;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.glaux.quicksight.api.QuickSightClients.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** QuickSight's dataset operations through the AWS SDK for Java v2, over the sample shop in Athena. */
class DataSetApiTest {

    private static final String SOURCE_ARN = "arn:aws:quicksight:us-east-1:000000000000:datasource/athena";

    @TempDir
    Path data;

    private GlauxServer server;
    private QuickSightClient quickSight;
    private AthenaClient athena;

    @BeforeEach
    void start() throws Exception {
        server = GlauxServer.builder().dataFolder(data).sampleData(true).syncWrites(false).start();
        quickSight = QuickSightClients.quickSight(server);
        QuickSightClients.registerUsers(quickSight, "admin", "bi");
        athena = QuickSightClients.athena(server);
        quickSight.createDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("athena").name("Athena")
                .type(DataSourceType.ATHENA).dataSourceParameters(p -> p.athenaParameters(a -> a.workGroup("primary"))));
    }

    @AfterEach
    void stop() {
        quickSight.close();
        athena.close();
        server.close();
    }

    private static InputColumn column(String name, InputColumnDataType type) {
        return InputColumn.builder().name(name).type(type).build();
    }

    private static PhysicalTable relational(String table, InputColumn... columns) {
        return PhysicalTable.builder().relationalTable(r -> r.dataSourceArn(SOURCE_ARN).catalog("AwsDataCatalog")
                .schema("shop").name(table).inputColumns(columns)).build();
    }

    private void create(String id, Consumer<CreateDataSetRequest.Builder> definition) {
        quickSight.createDataSet(b -> {
            b.awsAccountId(ACCOUNT).dataSetId(id).name("Data set " + id).importMode(DataSetImportMode.DIRECT_QUERY);
            definition.accept(b);
        });
    }

    private List<List<String>> rows(String sql) throws InterruptedException {
        return AthenaQueries.rows(athena, sql);
    }

    private DataSet describe(String id) {
        return quickSight.describeDataSet(b -> b.awsAccountId(ACCOUNT).dataSetId(id)).dataSet();
    }

    @Test
    void aDataSetFromATableHasItsColumnsAndTheLogicalTableQuickSightMakes() throws Exception {
        var created = quickSight.createDataSet(b -> b.awsAccountId(ACCOUNT).dataSetId("products").name("Products")
                .importMode(DataSetImportMode.DIRECT_QUERY)
                .physicalTableMap(Map.of("products-table", relational("products",
                        column("product_id", InputColumnDataType.INTEGER),
                        column("name", InputColumnDataType.STRING), column("price", InputColumnDataType.DECIMAL),
                        column("launched_on", InputColumnDataType.DATETIME))))
                .permissions(ResourcePermission.builder().principal(
                        "arn:aws:quicksight:us-east-1:000000000000:user/default/admin")
                        .actions("quicksight:DescribeDataSet").build()));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.arn()).isEqualTo("arn:aws:quicksight:us-east-1:000000000000:dataset/products");

        DataSet described = describe("products");
        assertThat(described.name()).isEqualTo("Products");
        assertThat(described.importMode()).isEqualTo(DataSetImportMode.DIRECT_QUERY);
        assertThat(described.outputColumns()).extracting(OutputColumn::name, c -> c.type().toString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("product_id", "INTEGER"),
                        org.assertj.core.groups.Tuple.tuple("name", "STRING"),
                        org.assertj.core.groups.Tuple.tuple("price", "DECIMAL"),
                        org.assertj.core.groups.Tuple.tuple("launched_on", "DATETIME"));
        assertThat(described.logicalTableMap()).containsOnlyKeys("products-table");
        assertThat(described.logicalTableMap().get("products-table").source().physicalTableId())
                .isEqualTo("products-table");
        assertThat(described.physicalTableMap().get("products-table").relationalTable().name()).isEqualTo("products");
        assertThat(quickSight.listDataSets(b -> b.awsAccountId(ACCOUNT)).dataSetSummaries())
                .extracting(s -> s.dataSetId()).containsExactly("products");
        assertThat(quickSight.describeDataSetPermissions(b -> b.awsAccountId(ACCOUNT).dataSetId("products"))
                .permissions()).hasSize(1);
        quickSight.updateDataSetPermissions(b -> b.awsAccountId(ACCOUNT).dataSetId("products").grantPermissions(
                ResourcePermission.builder().principal("arn:aws:quicksight:us-east-1:000000000000:user/default/bi")
                        .actions("quicksight:DescribeDataSet", "quicksight:PassDataSet").build()));
        assertThat(quickSight.describeDataSetPermissions(b -> b.awsAccountId(ACCOUNT).dataSetId("products"))
                .permissions()).extracting(ResourcePermission::principal).containsExactly(
                        "arn:aws:quicksight:us-east-1:000000000000:user/default/admin",
                        "arn:aws:quicksight:us-east-1:000000000000:user/default/bi");
        // DECIMAL without a SubType is read as a double (FLOAT), so the sum is compared as a number.
        List<String> viaDataSet = rows("SELECT count(*), count(DISTINCT name), round(sum(price), 2) FROM ("
                + server.quickSight().dataSets().get("products").compiled().sql() + ")").get(0);
        List<String> direct = rows("SELECT count(*), count(DISTINCT name), sum(price) FROM shop.products").get(0);
        assertThat(viaDataSet.subList(0, 2)).isEqualTo(direct.subList(0, 2));
        assertThat(new java.math.BigDecimal(viaDataSet.get(2))).isEqualByComparingTo(direct.get(2));
    }

    @Test
    void joinsTransformsAndCustomSqlMakeTheirColumns() throws Exception {
        create("revenue", b -> b
                .physicalTableMap(Map.of(
                        "orders", relational("orders", column("order_id", InputColumnDataType.INTEGER),
                                column("customer_id", InputColumnDataType.INTEGER),
                                column("quantity", InputColumnDataType.INTEGER),
                                column("unit_price", InputColumnDataType.DECIMAL),
                                column("status", InputColumnDataType.STRING)),
                        "customers", relational("customers", column("customer_id", InputColumnDataType.INTEGER),
                                column("country", InputColumnDataType.STRING))))
                .logicalTableMap(Map.of(
                        "orders", LogicalTable.builder().alias("orders").source(s -> s.physicalTableId("orders"))
                                .build(),
                        "customers", LogicalTable.builder().alias("customers")
                                .source(s -> s.physicalTableId("customers")).build(),
                        "joined", LogicalTable.builder().alias("joined").source(s -> s.joinInstruction(j -> j
                                .leftOperand("orders").rightOperand("customers").type(JoinType.INNER)
                                .onClause("{customer_id} = {customer_id[customers]}")))
                                .dataTransforms(
                                        TransformOperation.builder().createColumnsOperation(c -> c.columns(cc -> cc
                                                .columnName("revenue").columnId("revenue")
                                                .expression("{quantity} * {unit_price}"))).build(),
                                        TransformOperation.builder().filterOperation(f -> f
                                                .conditionExpression("{status} = 'shipped'")).build(),
                                        TransformOperation.builder().projectOperation(p -> p.projectedColumns(
                                                "order_id", "country", "revenue")).build())
                                .build())));
        assertThat(describe("revenue").outputColumns()).extracting(OutputColumn::name)
                .containsExactly("order_id", "country", "revenue");

        create("top", b -> b.physicalTableMap(Map.of("sql", PhysicalTable.builder().customSql(CustomSql.builder()
                .dataSourceArn(SOURCE_ARN).name("top countries")
                .sqlQuery("SELECT c.country, count(*) AS orders FROM shop.orders o JOIN shop.customers c"
                        + " ON o.customer_id = c.customer_id GROUP BY c.country")
                .columns(column("country", InputColumnDataType.STRING),
                        column("orders", InputColumnDataType.INTEGER)).build()).build())));
        assertThat(describe("top").outputColumns()).extracting(OutputColumn::name).containsExactly("country",
                "orders");
        assertThat(rows("SELECT count(*) FROM (" + server.quickSight().dataSets().get("top").compiled().sql() + ")"))
                .isEqualTo(rows("SELECT count(DISTINCT country) FROM shop.customers c JOIN shop.orders o"
                        + " ON o.customer_id = c.customer_id"));
    }

    @Test
    void aDefinitionQuickSightWouldRefuseIsInvalidAndNothingIsKept() {
        assertThatThrownBy(() -> create("bad", b -> b.physicalTableMap(Map.of("p", relational("products",
                column("price", InputColumnDataType.DECIMAL)))).logicalTableMap(Map.of("p", LogicalTable.builder()
                .alias("p").source(s -> s.physicalTableId("p")).dataTransforms(TransformOperation.builder()
                        .createColumnsOperation(c -> c.columns(cc -> cc.columnName("x").columnId("x")
                                .expression("{price} * nosuch({price})"))).build()).build()))))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).contains("nosuch").contains("position");
                });
        assertThatThrownBy(() -> create("nowhere", b -> b.physicalTableMap(Map.of("p", PhysicalTable.builder()
                .relationalTable(r -> r.dataSourceArn("arn:aws:quicksight:us-east-1:000000000000:datasource/none")
                        .schema("shop").name("products").inputColumns(column("name", InputColumnDataType.STRING)))
                .build())))).isInstanceOfSatisfying(InvalidParameterValueException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("datasource/none"));
        assertThat(quickSight.listDataSets(b -> b.awsAccountId(ACCOUNT)).dataSetSummaries()).isEmpty();
        assertThatThrownBy(() -> describe("bad")).isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(404);
            assertThat(e.resourceType()).isEqualTo(ExceptionResourceType.DATA_SET);
        });
    }

    @Test
    void updatesDeletesDuplicatesAndRestarts() throws Exception {
        create("kept", b -> b.physicalTableMap(Map.of("p", relational("products",
                column("name", InputColumnDataType.STRING)))));
        assertThatThrownBy(() -> create("kept", b -> b.physicalTableMap(Map.of("p", relational("products",
                column("name", InputColumnDataType.STRING)))))).isInstanceOfSatisfying(
                        ResourceExistsException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
        quickSight.updateDataSet(b -> b.awsAccountId(ACCOUNT).dataSetId("kept").name("Renamed")
                .importMode(DataSetImportMode.DIRECT_QUERY).physicalTableMap(Map.of("p", relational("products",
                        column("name", InputColumnDataType.STRING), column("brand", InputColumnDataType.STRING)))));
        server.close();
        server = GlauxServer.builder().dataFolder(data).syncWrites(false).start();
        quickSight.close();
        quickSight = QuickSightClients.quickSight(server);
        DataSet kept = describe("kept");
        assertThat(kept.name()).isEqualTo("Renamed");
        assertThat(kept.outputColumns()).extracting(OutputColumn::name).containsExactly("name", "brand");
        quickSight.deleteDataSet(b -> b.awsAccountId(ACCOUNT).dataSetId("kept"));
        assertThatThrownBy(() -> describe("kept")).isInstanceOf(ResourceNotFoundException.class);
    }
}
