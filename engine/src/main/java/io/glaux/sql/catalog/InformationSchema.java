package io.glaux.sql.catalog;

import io.glaux.catalog.CatalogReader;
import io.glaux.catalog.Column;
import io.glaux.catalog.Database;
import io.glaux.catalog.TableDefinition;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A catalog's {@code information_schema}, as Trino gives every catalog: {@code schemata}, {@code tables},
 * {@code columns} and {@code views}, read from the catalog's metadata when a query scans them, so they always show
 * what the catalog holds now. Types are named as Trino names them ({@code varchar}, {@code array(integer)}).
 */
final class InformationSchema extends AbstractSchema {
    static final String NAME = "information_schema";

    private final String catalog;
    private final CatalogReader metadata;

    InformationSchema(String catalog, CatalogReader metadata) {
        this.catalog = catalog;
        this.metadata = metadata;
    }

    @Override
    protected Map<String, Table> getTableMap() {
        Map<String, Table> tables = new LinkedHashMap<>();
        tables.put("schemata", new MetadataTable(List.of("catalog_name", "schema_name"), this::schemataRows));
        tables.put("tables", new MetadataTable(List.of("table_catalog", "table_schema", "table_name", "table_type"),
                this::tableRows));
        tables.put("columns", new MetadataTable(List.of("table_catalog", "table_schema", "table_name",
                "column_name", "ordinal_position", "column_default", "is_nullable", "data_type", "comment",
                "extra_info"), this::columnRows));
        tables.put("views", new MetadataTable(List.of("table_catalog", "table_schema", "table_name",
                "view_definition"), this::viewRows));
        return tables;
    }

    private List<Object[]> schemataRows() {
        List<Object[]> rows = new ArrayList<>();
        for (Database database : metadata.listDatabases()) {
            rows.add(new Object[] {catalog, database.name()});
        }
        rows.add(new Object[] {catalog, NAME});
        return rows;
    }

    private List<Object[]> tableRows() {
        List<Object[]> rows = new ArrayList<>();
        forEachTable(t -> rows.add(new Object[] {catalog, t.database(), t.name(),
                t.isView() ? "VIEW" : "BASE TABLE"}));
        for (String table : getTableMap().keySet()) {
            rows.add(new Object[] {catalog, NAME, table, "BASE TABLE"});
        }
        return rows;
    }

    private List<Object[]> columnRows() {
        List<Object[]> rows = new ArrayList<>();
        forEachTable(t -> {
            long position = 1;
            for (Column c : t.columns()) {
                rows.add(columnRow(t, c, position++, null));
            }
            for (Column c : t.partitionKeys()) {
                rows.add(columnRow(t, c, position++, "partition key"));
            }
        });
        return rows;
    }

    private Object[] columnRow(TableDefinition t, Column c, long position, String extra) {
        return new Object[] {catalog, t.database(), t.name(), c.name(), position, null, "YES", c.type().trinoName(),
                c.comment(), extra};
    }

    private List<Object[]> viewRows() {
        List<Object[]> rows = new ArrayList<>();
        forEachTable(t -> {
            if (t.isView()) {
                rows.add(new Object[] {catalog, t.database(), t.name(), t.viewSql()});
            }
        });
        return rows;
    }

    private void forEachTable(java.util.function.Consumer<TableDefinition> action) {
        for (Database database : metadata.listDatabases()) {
            metadata.listTables(database.name()).forEach(action);
        }
    }

    /** One information_schema table: varchar columns ({@code ordinal_position} bigint), rows made at each scan. */
    private static final class MetadataTable extends AbstractTable implements ScannableTable {
        private final List<String> columns;
        private final java.util.function.Supplier<List<Object[]>> rows;

        MetadataTable(List<String> columns, java.util.function.Supplier<List<Object[]>> rows) {
            this.columns = columns;
            this.rows = rows;
        }

        @Override
        public RelDataType getRowType(RelDataTypeFactory types) {
            RelDataTypeFactory.Builder b = types.builder();
            for (String column : columns) {
                SqlTypeName type = column.equals("ordinal_position") ? SqlTypeName.BIGINT : SqlTypeName.VARCHAR;
                b.add(column, types.createTypeWithNullability(types.createSqlType(type), true));
            }
            return b.build();
        }

        @Override
        public Enumerable<Object[]> scan(DataContext root) {
            return Linq4j.asEnumerable(rows.get());
        }
    }
}
