package io.glaux.connectors.jdbc;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.connector.ConnectorTable;
import io.glaux.connector.SchemaTableName;
import io.glaux.datacatalog.DataCatalog;
import io.glaux.datacatalog.DataCatalogParameters;
import io.glaux.datacatalog.DataCatalogType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the connector tells of a real database: schemas, tables and views, columns and their Athena types. */
@Tag("postgres")
class JdbcMetadataTest {

    @RegisterExtension
    static final PostgresExtension PG = new PostgresExtension("glaux_metadata");

    @TempDir
    Path folder;

    private JdbcConnector connector;

    @BeforeAll
    static void schema() {
        PG.execute(
                "CREATE SCHEMA sales",
                "CREATE SCHEMA \"Mixed\"",
                "CREATE TYPE sales.mood AS ENUM ('sad', 'ok', 'happy')",
                "CREATE DOMAIN sales.positive AS integer CHECK (VALUE > 0)",
                "CREATE TABLE sales.all_types (c_smallint smallint, c_int integer, c_bigint bigint, c_real real,"
                        + " c_double double precision, c_numeric numeric(10,2), c_numeric_any numeric,"
                        + " c_numeric_wide numeric(50,5), c_bool boolean, c_varchar varchar(10), c_text text,"
                        + " c_char char(3), c_date date, c_timestamp timestamp, c_timestamptz timestamptz,"
                        + " c_bytea bytea, c_int_array integer[], c_text_array text[], c_numeric_array numeric(5,1)[],"
                        + " c_json json, c_uuid uuid, c_time time, c_interval interval, c_enum sales.mood,"
                        + " c_money money, c_bit bit(1), c_bits bit(3), c_domain sales.positive, c_serial serial,"
                        + " c_date_array date[], c_timestamptz_array timestamptz[])",
                "CREATE VIEW sales.all_types_view AS SELECT c_int, c_text FROM sales.all_types",
                "CREATE MATERIALIZED VIEW sales.totals AS SELECT count(*) AS n FROM sales.all_types",
                "CREATE TABLE sales.events (id bigint, day date) PARTITION BY RANGE (day)",
                "CREATE TABLE sales.events_2024 PARTITION OF sales.events"
                        + " FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                "CREATE TABLE \"Mixed\".\"Orders\" (\"OrderId\" integer, \"Amount\" numeric(8,2))");
    }

    @BeforeEach
    void connect() {
        connector = (JdbcConnector) new JdbcConnectorFactory(Map.of("pg", PG.server().connectionString(
                PG.database()))).create(new DataCatalog("pg", DataCatalogType.LAMBDA, null,
                Map.of(DataCatalogParameters.FUNCTION, "pg"), Map.of(), null)).orElseThrow();
    }

    @AfterEach
    void close() {
        connector.close();
    }

    @Test
    void schemasLeaveOutPostgresqlsOwn() {
        assertThat(connector.listSchemas()).containsExactly("Mixed", "public", "sales");
    }

    @Test
    void tablesViewsMaterializedViewsAndPartitionedTablesAreListed() {
        assertThat(connector.listTables("sales")).extracting(SchemaTableName::table)
                .containsExactly("all_types", "all_types_view", "events", "events_2024", "totals");
        assertThat(connector.listTables("pg_catalog")).isEmpty();
        assertThat(connector.listTables("nosuch")).isEmpty();
    }

    @Test
    void columnTypesMapAsAthenasPostgresqlConnectorMapsThem() {
        ConnectorTable table = connector.getTable(new SchemaTableName("sales", "all_types")).orElseThrow();

        Map<String, String> types = new LinkedHashMap<>();
        for (Column column : table.columns()) {
            types.put(column.name(), column.type().ddl());
        }
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("c_smallint", "smallint");
        expected.put("c_int", "int");
        expected.put("c_bigint", "bigint");
        expected.put("c_real", "float");
        expected.put("c_double", "double");
        expected.put("c_numeric", "decimal(10,2)");
        expected.put("c_numeric_any", "decimal(38,0)");
        expected.put("c_numeric_wide", "decimal(38,5)");
        expected.put("c_bool", "boolean");
        expected.put("c_varchar", "string");
        expected.put("c_text", "string");
        expected.put("c_char", "string");
        expected.put("c_date", "date");
        expected.put("c_timestamp", "timestamp");
        expected.put("c_timestamptz", "timestamp");
        expected.put("c_bytea", "binary");
        expected.put("c_int_array", "array<int>");
        expected.put("c_text_array", "array<string>");
        expected.put("c_numeric_array", "array<decimal(5,1)>");
        expected.put("c_json", "string");
        expected.put("c_uuid", "string");
        expected.put("c_time", "string");
        expected.put("c_interval", "string");
        expected.put("c_enum", "string");
        expected.put("c_money", "double");
        expected.put("c_bit", "boolean");
        expected.put("c_bits", "string");
        expected.put("c_domain", "string");
        expected.put("c_serial", "int");
        expected.put("c_date_array", "array<date>");
        expected.put("c_timestamptz_array", "array<string>");
        assertThat(types).containsExactlyEntriesOf(expected);
        assertThat(table.partitionColumns()).isEmpty();
    }

    @Test
    void aNumericWithoutPrecisionTakesTheCatalogsDefaultScale() {
        JdbcConnector scaled = (JdbcConnector) new JdbcConnectorFactory().create(new DataCatalog("scaled",
                DataCatalogType.FEDERATED, null, Map.of(DataCatalogParameters.CONNECTION_TYPE, "POSTGRESQL",
                JdbcConnectorFactory.CONNECTION_PROPERTIES, PG.connectionProperties().replace("}",
                        ",\"default_scale\":\"4\"}")), Map.of(), null)).orElseThrow();
        try {
            ConnectorTable table = scaled.getTable(new SchemaTableName("sales", "all_types")).orElseThrow();
            assertThat(table.columns()).filteredOn(c -> c.name().equals("c_numeric_any"))
                    .extracting(Column::type).containsExactly(new AthenaType.Decimal(38, 4));
        } finally {
            scaled.close();
        }
    }

    @Test
    void namesKeepTheDatabasesSpellingAndColumnsAreLowerCase() {
        assertThat(connector.listTables("Mixed")).containsExactly(new SchemaTableName("Mixed", "Orders"));
        ConnectorTable orders = connector.getTable(new SchemaTableName("Mixed", "Orders")).orElseThrow();

        assertThat(orders.columns()).containsExactly(new Column("orderid", AthenaType.INT),
                new Column("amount", new AthenaType.Decimal(8, 2)));
        assertThat(connector.getTable(new SchemaTableName("Mixed", "orders"))).isEmpty();
        assertThat(connector.getTable(new SchemaTableName("sales", "nosuch"))).isEmpty();
    }

    @Test
    void viewsAndPartitionedTablesHaveTheirColumns() {
        assertThat(connector.getTable(new SchemaTableName("sales", "all_types_view")).orElseThrow().columns())
                .extracting(Column::name).containsExactly("c_int", "c_text");
        assertThat(connector.getTable(new SchemaTableName("sales", "totals")).orElseThrow().columns())
                .containsExactly(new Column("n", AthenaType.BIGINT));
        assertThat(connector.getTable(new SchemaTableName("sales", "events")).orElseThrow().columns())
                .containsExactly(new Column("id", AthenaType.BIGINT), new Column("day", AthenaType.DATE));
    }

    @Test
    void glauxSeesTheCatalogsSchemasAndTables() throws Exception {
        try (var fixture = PG.glaux(folder, "pgfed")) {
            var metadata = fixture.glaux().catalogs().require("pgfed").metadata();
            assertThat(metadata.listDatabases()).extracting(d -> d.name()).containsExactly("mixed", "public",
                    "sales");
            assertThat(metadata.getTable("mixed", "orders").orElseThrow().columns()).extracting(Column::name)
                    .containsExactly("orderid", "amount");
            assertThat(fixture.rows("SELECT count(*) FROM pgfed.mixed.orders")).containsExactly(List.of("0"));
        }
    }
}
