package io.glaux.sql.catalog;

import io.glaux.catalog.CatalogReader;
import io.glaux.catalog.Column;
import io.glaux.catalog.Database;
import io.glaux.catalog.TableDefinition;
import io.glaux.catalog.TableKind;
import io.glaux.sql.schema.TypeMapping;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.LikePattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A catalog's metadata read off its Calcite schema: sub-schemas as databases, tables with the columns of their row
 * types. For catalogs that keep no Glue-style records of their own, such as SPICE.
 */
public final class SchemaCatalogReader implements CatalogReader {

    private final Schema schema;
    private final RelDataTypeFactory types = new JavaTypeFactoryImpl();

    public SchemaCatalogReader(Schema schema) {
        this.schema = schema;
    }

    @Override
    public List<Database> listDatabases() {
        return schema.subSchemas().getNames(LikePattern.any()).stream().sorted().map(Database::named).toList();
    }

    @Override
    public Optional<Database> getDatabase(String name) {
        return database(name).map(s -> Database.named(name.toLowerCase(java.util.Locale.ROOT)));
    }

    @Override
    public List<TableDefinition> listTables(String database) {
        Optional<Schema> found = database(database);
        if (found.isEmpty()) {
            return List.of();
        }
        List<TableDefinition> tables = new ArrayList<>();
        for (String name : found.get().tables().getNames(LikePattern.any()).stream().sorted().toList()) {
            tables.add(describe(database, name, found.get().tables().get(name)));
        }
        return tables;
    }

    @Override
    public Optional<TableDefinition> getTable(String database, String table) {
        return database(database).flatMap(s -> Optional.ofNullable(s.tables().getIgnoreCase(table)))
                .map(named -> describe(database, named.name(), named.entity()));
    }

    private Optional<Schema> database(String name) {
        var named = schema.subSchemas().getIgnoreCase(name);
        return named == null ? Optional.empty() : Optional.of(named.entity());
    }

    private TableDefinition describe(String database, String name, Table table) {
        List<Column> columns = new ArrayList<>();
        for (RelDataTypeField field : table.getRowType(types).getFieldList()) {
            columns.add(new Column(field.getName(), TypeMapping.toAthenaType(field.getType())));
        }
        return new TableDefinition(database, name, TableKind.EXTERNAL_TABLE, columns, List.of(), null, null, null,
                null);
    }
}
