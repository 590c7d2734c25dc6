package io.glaux.sql.catalog;

import io.glaux.testing.GlauxFixture;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every catalog has Trino's {@code information_schema} (schemata, tables, columns, views), showing what the catalog
 * holds at the time of the query, with Trino's type names: BI tools and Cube's driver introspect through it.
 */
class InformationSchemaTest {

    @TempDir
    Path data;

    private GlauxFixture g;

    @BeforeEach
    void open() throws IOException {
        g = GlauxFixture.local(data);
        g.script("CREATE DATABASE shop;"
                + "CREATE EXTERNAL TABLE shop.orders (id bigint COMMENT 'order id', total decimal(10,2),"
                + " tags array<string>, address struct<city:string,zip:int>, attrs map<string,double>, at timestamp)"
                + " PARTITIONED BY (dt date) LOCATION 's3://lake/orders/';"
                + "CREATE VIEW shop.big AS SELECT id FROM shop.orders WHERE total > 100");
    }

    @AfterEach
    void close() throws IOException {
        g.close();
    }

    @Test
    void schemataListsEveryDatabaseAndInformationSchemaItself() {
        assertThat(g.rows("SELECT catalog_name, schema_name FROM information_schema.schemata ORDER BY 2"))
                .containsExactly(List.of("awsdatacatalog", "default"), List.of("awsdatacatalog", "information_schema"),
                        List.of("awsdatacatalog", "shop"));
    }

    @Test
    void tablesTellBaseTablesFromViews() {
        assertThat(g.rows("SELECT table_catalog, table_schema, table_name, table_type FROM information_schema.tables"
                + " WHERE table_schema = 'shop' ORDER BY table_name")).containsExactly(
                List.of("awsdatacatalog", "shop", "big", "VIEW"),
                List.of("awsdatacatalog", "shop", "orders", "BASE TABLE"));
        assertThat(g.rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'information_schema'"
                + " ORDER BY 1")).extracting(r -> r.get(0)).containsExactly("columns", "schemata", "tables", "views");
    }

    @Test
    void columnsCarryTrinoTypeNamesPositionsCommentsAndPartitionKeys() {
        assertThat(g.rows("SELECT column_name, ordinal_position, column_default, is_nullable, data_type, comment,"
                + " extra_info FROM information_schema.columns WHERE table_schema = 'shop' AND table_name = 'orders'"
                + " ORDER BY ordinal_position")).containsExactly(
                Arrays.asList("id", "1", null, "YES", "bigint", "order id", null),
                Arrays.asList("total", "2", null, "YES", "decimal(10,2)", null, null),
                Arrays.asList("tags", "3", null, "YES", "array(varchar)", null, null),
                Arrays.asList("address", "4", null, "YES", "row(city varchar, zip integer)", null, null),
                Arrays.asList("attrs", "5", null, "YES", "map(varchar, double)", null, null),
                Arrays.asList("at", "6", null, "YES", "timestamp(3)", null, null),
                Arrays.asList("dt", "7", null, "YES", "date", null, "partition key"));
    }

    @Test
    void viewsShowTheirDefinitionAndChangesAreSeenAtOnce() {
        assertThat(g.rows("SELECT table_name, view_definition FROM information_schema.views"))
                .containsExactly(List.of("big", "SELECT id FROM shop.orders WHERE total > 100"));
        g.script("DROP VIEW shop.big");
        assertThat(g.rows("SELECT count(*) FROM information_schema.views")).containsExactly(List.of("0"));
    }

    @Test
    void everyCatalogHasOneThatReadsItsOwnMetadata() {
        g.glaux().catalogs().register(new SchemaCatalog("inventory", new AbstractSchema() {
            @Override
            protected Map<String, org.apache.calcite.schema.Schema> getSubSchemaMap() {
                return Map.of("stock", new AbstractSchema() {
                    @Override
                    protected Map<String, Table> getTableMap() {
                        return Map.of("items", new AbstractTable() {
                            @Override
                            public RelDataType getRowType(RelDataTypeFactory types) {
                                return types.builder().add("sku", SqlTypeName.VARCHAR)
                                        .add("qty", SqlTypeName.INTEGER).build();
                            }
                        });
                    }
                });
            }
        }, () -> 1));
        assertThat(g.rows("SELECT table_catalog, table_schema, table_name, column_name, data_type"
                + " FROM inventory.information_schema.columns ORDER BY ordinal_position")).containsExactly(
                List.of("inventory", "stock", "items", "sku", "varchar"),
                List.of("inventory", "stock", "items", "qty", "integer"));
        assertThat(g.rows("SELECT count(*) FROM information_schema.columns WHERE table_catalog = 'inventory'"))
                .containsExactly(List.of("0"));
    }
}
