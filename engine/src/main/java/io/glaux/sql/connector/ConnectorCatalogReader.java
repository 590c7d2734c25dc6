package io.glaux.sql.connector;

import io.glaux.catalog.CatalogReader;
import io.glaux.catalog.Database;
import io.glaux.catalog.TableDefinition;
import io.glaux.catalog.TableKind;
import io.glaux.connector.ConnectorMetadata;
import io.glaux.connector.ConnectorTable;
import io.glaux.connector.SchemaTableName;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A connector's schemas and tables in Glue's terms, for SHOW and Athena's metadata API. */
final class ConnectorCatalogReader implements CatalogReader {

    private final ConnectorMetadata metadata;

    ConnectorCatalogReader(ConnectorMetadata metadata) {
        this.metadata = metadata;
    }

    @Override
    public List<Database> listDatabases() {
        return metadata.listSchemas().stream().map(SourceNames::sql).sorted().map(Database::named).toList();
    }

    @Override
    public Optional<Database> getDatabase(String name) {
        return schema(name).map(source -> Database.named(SourceNames.sql(source)));
    }

    @Override
    public List<TableDefinition> listTables(String database) {
        Optional<String> schema = schema(database);
        if (schema.isEmpty()) {
            return List.of();
        }
        List<TableDefinition> tables = new ArrayList<>();
        for (SchemaTableName name : metadata.listTables(schema.get())) {
            metadata.getTable(name).ifPresent(table -> tables.add(describe(table)));
        }
        return tables;
    }

    @Override
    public Optional<TableDefinition> getTable(String database, String table) {
        Optional<String> schema = schema(database);
        if (schema.isEmpty()) {
            return Optional.empty();
        }
        Optional<ConnectorTable> found = metadata.getTable(new SchemaTableName(schema.get(), table));
        if (found.isEmpty()) {
            found = SourceNames.match(metadata.listTables(schema.get()).stream().map(SchemaTableName::table)
                    .toList(), table).flatMap(source -> metadata.getTable(new SchemaTableName(schema.get(), source)));
        }
        return found.map(ConnectorCatalogReader::describe);
    }

    private Optional<String> schema(String name) {
        return SourceNames.match(metadata.listSchemas(), name);
    }

    private static TableDefinition describe(ConnectorTable table) {
        return new TableDefinition(table.name().schema(), table.name().table(), TableKind.EXTERNAL_TABLE,
                table.columns(), table.partitionColumns(), null, table.properties(), null, null);
    }
}
