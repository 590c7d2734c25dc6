package io.glaux.athena.api;

import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.Column;
import software.amazon.awssdk.services.athena.model.Database;
import software.amazon.awssdk.services.athena.model.DataCatalogType;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.ListDatabasesRequest;
import software.amazon.awssdk.services.athena.model.ListDatabasesResponse;
import software.amazon.awssdk.services.athena.model.ListTableMetadataRequest;
import software.amazon.awssdk.services.athena.model.ListTableMetadataResponse;
import software.amazon.awssdk.services.athena.model.MetadataException;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.TableMetadata;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ListDatabases, GetDatabase, ListTableMetadata and GetTableMetadata through the AWS SDK for Java v2. */
class MetadataApiTest {

    private static final String GLUE_NOT_FOUND = " (Service: AmazonDataCatalog; Status Code: 400; Error Code:"
            + " EntityNotFoundException; Request ID: ";

    @TempDir
    static Path data;

    private static SdkServer server;
    private static Instant beforeCreation;

    @BeforeAll
    static void start() throws Exception {
        server = new SdkServer(data);
        beforeCreation = Instant.now().minusSeconds(1);
        run("CREATE DATABASE shop COMMENT 'Orders and customers' WITH DBPROPERTIES ('owner'='sales')");
        run("""
                CREATE EXTERNAL TABLE shop.orders (
                  order_id bigint COMMENT 'primary key',
                  items array<string>,
                  attrs map<string,int>,
                  buyer struct<name:string,age:int>,
                  amount decimal(10,2))
                PARTITIONED BY (dt string COMMENT 'order day')
                ROW FORMAT DELIMITED FIELDS TERMINATED BY ','
                LOCATION 's3://shop-data/orders/'
                TBLPROPERTIES ('skip.header.line.count'='1')""");
        run("""
                CREATE EXTERNAL TABLE shop.customers (id int, name string)
                ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.OpenCSVSerde'
                WITH SERDEPROPERTIES ('separatorChar'=';', 'quoteChar'='"')
                LOCATION 's3://shop-data/customers/'""");
        run("CREATE EXTERNAL TABLE shop.events (id bigint, at timestamp) STORED AS PARQUET"
                + " LOCATION 's3://shop-data/events/'");
        run("CREATE VIEW shop.big_orders AS SELECT order_id, amount FROM shop.orders WHERE amount > 100");
        run("CREATE DATABASE many");
        for (int i = 1; i <= 7; i++) {
            run("CREATE EXTERNAL TABLE many.t0" + i + " (x int) LOCATION 's3://many/t0" + i + "/'");
        }
        run("CREATE EXTERNAL TABLE many.other (x int) LOCATION 's3://many/other/'");
        run("CREATE DATABASE empty_db");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static void run(String sql) {
        QueryExecution done = server.glaux().execute(sql);
        assertThat(done.state()).as(sql + ": " + done.status()).isEqualTo(QueryState.SUCCEEDED);
    }

    private static AthenaClient athena() {
        return server.athena();
    }

    private static TableMetadata table(String database, String table) {
        return athena().getTableMetadata(b -> b.catalogName("AwsDataCatalog").databaseName(database)
                .tableName(table)).tableMetadata();
    }

    private static List<String> columns(List<Column> columns) {
        return columns.stream().map(c -> c.name() + " " + c.type() + (c.comment() == null ? "" : " -- " + c.comment()))
                .toList();
    }

    @Test
    void databasesAreListedPageByPageAndDescribed() {
        List<Database> all = new ArrayList<>();
        int pages = 0;
        for (ListDatabasesResponse page : athena().listDatabasesPaginator(ListDatabasesRequest.builder()
                .catalogName("AwsDataCatalog").maxResults(1).build())) {
            pages++;
            all.addAll(page.databaseList());
        }
        assertThat(pages).isEqualTo(4);
        assertThat(all).extracting(Database::name).containsExactly("default", "empty_db", "many", "shop");
        assertThat(all.get(0).description()).isEqualTo("Default Hive database");

        Database shop = athena().getDatabase(b -> b.catalogName("awsdatacatalog").databaseName("SHOP")).database();
        assertThat(shop.name()).isEqualTo("shop");
        assertThat(shop.description()).isEqualTo("Orders and customers");
        assertThat(shop.parameters()).containsExactly(Map.entry("owner", "sales"));
        Database empty = athena().getDatabase(b -> b.catalogName("AwsDataCatalog").databaseName("empty_db"))
                .database();
        assertThat(empty.description()).isNull();
        assertThat(empty.parameters()).isEmpty();
    }

    @Test
    void aPartitionedDelimitedTableShowsHiveTypesAndItsStorageAsParameters() {
        TableMetadata orders = table("shop", "orders");
        assertThat(orders.name()).isEqualTo("orders");
        assertThat(orders.tableType()).isEqualTo("EXTERNAL_TABLE");
        assertThat(orders.createTime()).isBetween(beforeCreation, Instant.now());
        assertThat(orders.lastAccessTime()).isNull();
        assertThat(columns(orders.columns())).containsExactly("order_id bigint -- primary key",
                "items array<string>", "attrs map<string,int>", "buyer struct<name:string,age:int>",
                "amount decimal(10,2)");
        assertThat(columns(orders.partitionKeys())).containsExactly("dt string -- order day");
        assertThat(orders.parameters()).containsAllEntriesOf(Map.of(
                "EXTERNAL", "TRUE",
                "skip.header.line.count", "1",
                "location", "s3://shop-data/orders/",
                "inputformat", "org.apache.hadoop.mapred.TextInputFormat",
                "outputformat", "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
                "serde.serialization.lib", "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
                "serde.param.field.delim", ",",
                "serde.param.serialization.format", ","));
        assertThat(orders.parameters()).containsKey("transient_lastDdlTime");
    }

    @Test
    void serdePropertiesAndParquetFormatsAreReported() {
        TableMetadata customers = table("shop", "customers");
        assertThat(customers.parameters()).containsEntry("serde.serialization.lib",
                        "org.apache.hadoop.hive.serde2.OpenCSVSerde")
                .containsEntry("serde.param.separatorChar", ";").containsEntry("serde.param.quoteChar", "\"")
                .containsEntry("location", "s3://shop-data/customers/");
        assertThat(customers.partitionKeys()).isEmpty();

        TableMetadata events = table("shop", "events");
        assertThat(events.parameters())
                .containsEntry("inputformat", "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat")
                .containsEntry("outputformat", "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat")
                .containsEntry("serde.serialization.lib",
                        "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe")
                .containsEntry("serde.param.serialization.format", "1");
        assertThat(columns(events.columns())).containsExactly("id bigint", "at timestamp");
    }

    @Test
    void aViewIsAVirtualViewWithItsColumnsAndNoStorage() {
        TableMetadata view = table("SHOP", "BIG_ORDERS");
        assertThat(view.name()).isEqualTo("big_orders");
        assertThat(view.tableType()).isEqualTo("VIRTUAL_VIEW");
        assertThat(columns(view.columns())).containsExactly("order_id bigint", "amount decimal(10,2)");
        assertThat(view.parameters()).containsEntry("presto_view", "true").doesNotContainKey("location");
    }

    @Test
    void tablesArePagedThroughTheSdkPaginatorAndFilteredByExpression() {
        List<String> names = new ArrayList<>();
        int pages = 0;
        for (ListTableMetadataResponse page : athena().listTableMetadataPaginator(ListTableMetadataRequest.builder()
                .catalogName("AwsDataCatalog").databaseName("many").maxResults(3).build())) {
            pages++;
            page.tableMetadataList().forEach(t -> names.add(t.name()));
        }
        assertThat(pages).isEqualTo(3);
        assertThat(names).containsExactly("other", "t01", "t02", "t03", "t04", "t05", "t06", "t07");

        assertThat(listed("many", "t0*")).containsExactly("t01", "t02", "t03", "t04", "t05", "t06", "t07");
        assertThat(listed("many", "t01|t03|nothing")).containsExactly("t01", "t03");
        assertThat(listed("many", "T0[12]")).containsExactly("t01", "t02");
        assertThat(listed("many", "t0")).isEmpty();
        assertThat(listed("many", "")).hasSize(8);
        assertThat(listed("shop", "*orders*")).containsExactly("big_orders", "orders");
        assertThat(listed("shop", "orders")).containsExactly("orders");
        assertThat(listed("empty_db", null)).isEmpty();

        ListTableMetadataResponse first = athena().listTableMetadata(b -> b.catalogName("AwsDataCatalog")
                .databaseName("shop").expression("*orders*").maxResults(1));
        assertThat(first.tableMetadataList()).extracting(TableMetadata::name).containsExactly("big_orders");
        assertThat(first.nextToken()).isNotNull();
        ListTableMetadataResponse second = athena().listTableMetadata(b -> b.catalogName("AwsDataCatalog")
                .databaseName("shop").expression("*orders*").maxResults(1).nextToken(first.nextToken()));
        assertThat(second.tableMetadataList()).extracting(TableMetadata::name).containsExactly("orders");
        assertThat(second.tableMetadataList().get(0).columns()).hasSize(5);
        assertThat(second.nextToken()).isNull();
    }

    private static List<String> listed(String database, String expression) {
        List<String> names = new ArrayList<>();
        athena().listTableMetadataPaginator(b -> b.catalogName("AwsDataCatalog").databaseName(database)
                .expression(expression)).tableMetadataList().forEach(t -> names.add(t.name()));
        return names;
    }

    @Test
    void missingDatabasesAndTablesAreMetadataExceptionsCarryingGluesError() {
        assertThatThrownBy(() -> athena().getDatabase(b -> b.catalogName("AwsDataCatalog").databaseName("nope")))
                .isInstanceOf(MetadataException.class)
                .hasMessageStartingWith("Database nope not found." + GLUE_NOT_FOUND);
        assertThatThrownBy(() -> athena().listTableMetadata(b -> b.catalogName("AwsDataCatalog")
                .databaseName("nope"))).isInstanceOf(MetadataException.class)
                .hasMessageStartingWith("Database nope not found." + GLUE_NOT_FOUND);
        assertThatThrownBy(() -> table("nope", "orders")).isInstanceOf(MetadataException.class)
                .hasMessageStartingWith("Database nope not found." + GLUE_NOT_FOUND);
        assertThatThrownBy(() -> table("shop", "nope")).isInstanceOf(MetadataException.class)
                .hasMessageStartingWith("Entity Not Found" + GLUE_NOT_FOUND);
        assertThat(athena().getDatabase(b -> b.catalogName("AwsDataCatalog").databaseName("shop"))
                .sdkHttpResponse().statusCode()).isEqualTo(200);
    }

    @Test
    void namesAthenaRefusesAreNeverFoundNorCreatedAndNoPathLeaks() throws Exception {
        for (String name : List.of("..", "../../x", "a/b", "x".repeat(128))) {
            assertThatThrownBy(() -> athena().getDatabase(b -> b.catalogName("AwsDataCatalog").databaseName(name)))
                    .isInstanceOf(MetadataException.class)
                    .hasMessageStartingWith("Database " + name + " not found." + GLUE_NOT_FOUND);
            assertThatThrownBy(() -> athena().listTableMetadata(b -> b.catalogName("AwsDataCatalog")
                    .databaseName(name))).isInstanceOf(MetadataException.class);
            assertThatThrownBy(() -> table(name, "orders")).isInstanceOf(MetadataException.class);
            assertThatThrownBy(() -> table("shop", name)).isInstanceOf(MetadataException.class)
                    .hasMessageStartingWith("Entity Not Found" + GLUE_NOT_FOUND);
        }
        // StartQueryExecution: creating such a name fails as a user error, in the statement or as the session's
        // current database, and the failure never shows a path of this machine.
        software.amazon.awssdk.services.athena.model.QueryExecution created = server.run("default",
                "CREATE DATABASE `../../x`");
        assertThat(created.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(created.status().stateChangeReason()).isEqualTo("FAILED: Execution Error, return code 1 from"
                + " org.apache.hadoop.hive.ql.exec.DDLTask. InvalidObjectException(message:../../x is not a valid"
                + " database name)");
        assertThat(created.status().athenaError().errorCategory()).isEqualTo(2);
        for (String sql : List.of("CREATE EXTERNAL TABLE t (id int) LOCATION 's3://shop-data/t/'",
                "CREATE TABLE t AS SELECT 1 AS x", "SHOW TABLES", "SELECT * FROM t")) {
            software.amazon.awssdk.services.athena.model.QueryExecution done = server.run("../../x", sql);
            assertThat(done.status().state()).as(sql).isEqualTo(QueryExecutionState.FAILED);
            assertThat(done.status().athenaError().errorCategory()).as(sql).isEqualTo(2);
            assertThat(done.status().stateChangeReason()).as(sql).doesNotContain(data.toString());
        }
        assertThat(athena().listDatabases(b -> b.catalogName("AwsDataCatalog")).databaseList())
                .extracting(Database::name).containsExactly("default", "empty_db", "many", "shop");
    }

    @Test
    void missingCatalogsAndBadMembersAreInvalidRequests() {
        assertThatThrownBy(() -> athena().listDatabases(b -> b.catalogName("nowhere")))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("DataCatalog nowhere was not found.");
        assertThatThrownBy(() -> athena().getDatabase(b -> b.catalogName("nowhere").databaseName("shop")))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("DataCatalog nowhere was not found.");
        assertThatThrownBy(() -> athena().listDatabases(b -> b.maxResults(5)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("1 validation error detected: Value null at 'catalogName' failed to satisfy"
                        + " constraint: Member must not be null");
        assertThatThrownBy(() -> athena().listTableMetadata(b -> b.catalogName("AwsDataCatalog").databaseName("shop")
                .maxResults(51))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("at 'maxResults' failed to satisfy constraint: Member must have value less than"
                        + " or equal to 50");
        assertThatThrownBy(() -> athena().listTableMetadata(b -> b.catalogName("AwsDataCatalog").databaseName("shop")
                .expression("x".repeat(257)))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("at 'expression' failed to satisfy constraint: Member must have length less"
                        + " than or equal to 256");
        assertThatThrownBy(() -> athena().getTableMetadata(b -> b.catalogName("AwsDataCatalog").databaseName("shop")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("at 'tableName' failed to satisfy constraint: Member must not be null");
        assertThatThrownBy(() -> athena().getDatabase(b -> b.catalogName("AwsDataCatalog").databaseName("")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("at 'databaseName' failed to satisfy constraint: Member must have length"
                        + " greater than or equal to 1");
        assertThatThrownBy(() -> athena().listDatabases(b -> b.catalogName("AwsDataCatalog").workGroup("bad name")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("at 'workGroup'");
        assertThatThrownBy(() -> athena().listDatabases(b -> b.catalogName("AwsDataCatalog").nextToken("bogus")))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("Invalid NextToken");
    }

    @Test
    void registeredGlueCatalogsReadTheSameCatalogAndAFederatedCatalogsFailureIsAMetadataException() {
        athena().createDataCatalog(b -> b.name("partner_glue").type(DataCatalogType.GLUE)
                .parameters(Map.of("catalog-id", "123456789012")));
        athena().createDataCatalog(b -> b.name("dynamo").type(DataCatalogType.LAMBDA)
                .parameters(Map.of("function", "arn:aws:lambda:us-east-1:000000000000:function:f")));
        try {
            assertThat(athena().listDatabases(b -> b.catalogName("partner_glue")).databaseList())
                    .extracting(Database::name).contains("shop", "many");
            assertThat(athena().getTableMetadata(b -> b.catalogName("PARTNER_GLUE").databaseName("shop")
                    .tableName("orders")).tableMetadata().columns()).hasSize(5);
            // The server's Lambda host serves LAMBDA catalogs: function f is not one of its functions.
            assertThatThrownBy(() -> athena().listDatabases(b -> b.catalogName("dynamo")))
                    .isInstanceOf(MetadataException.class)
                    .hasMessageStartingWith("GENERIC_USER_ERROR: Encountered an exception[software.amazon.awssdk"
                            + ".services.lambda.model.ResourceNotFoundException] from your LambdaFunction[arn:aws:"
                            + "lambda:us-east-1:000000000000:function:f] executed in context[retrieving meta-data]");
        } finally {
            athena().deleteDataCatalog(b -> b.name("partner_glue"));
            athena().deleteDataCatalog(b -> b.name("dynamo"));
        }
    }

    @Test
    void metadataIsTheSameAfterARestart() throws Exception {
        TableMetadata before = table("shop", "orders");
        server.restart();
        TableMetadata after = table("shop", "orders");
        assertThat(after).isEqualTo(before);
        assertThat(athena().listDatabases(b -> b.catalogName("AwsDataCatalog")).databaseList())
                .extracting(Database::name).containsExactly("default", "empty_db", "many", "shop");
    }
}
