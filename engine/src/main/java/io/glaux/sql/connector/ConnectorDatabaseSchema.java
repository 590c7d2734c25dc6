package io.glaux.sql.connector;

import io.glaux.connector.Connector;
import io.glaux.connector.SchemaTableName;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.IgnoreCaseLookup;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One schema of a connector: a table is looked up by its name as SQL writes it first, and only when the source
 * doesn't know that spelling, among the schema's tables without regard to case.
 */
final class ConnectorDatabaseSchema extends AbstractSchema {

    private final Connector connector;
    private final String schema;

    ConnectorDatabaseSchema(Connector connector, String schema) {
        this.connector = connector;
        this.schema = schema;
    }

    @Override
    public Lookup<Table> tables() {
        return new IgnoreCaseLookup<>() {
            @Override
            public Table get(String name) {
                Named<Table> named = getIgnoreCase(name);
                return named == null ? null : named.entity();
            }

            @Override
            public Named<Table> getIgnoreCase(String name) {
                return find(name).map(table -> new Named<Table>(SourceNames.sql(table.name().table()),
                        new ConnectorScanTable(connector, table))).orElse(null);
            }

            @Override
            public Set<String> getNames(LikePattern pattern) {
                Set<String> names = new LinkedHashSet<>();
                connector.metadata().listTables(schema).stream().map(t -> SourceNames.sql(t.table()))
                        .filter(pattern.matcher()::apply).forEach(names::add);
                return names;
            }
        };
    }

    private Optional<io.glaux.connector.ConnectorTable> find(String name) {
        Optional<io.glaux.connector.ConnectorTable> direct = connector.metadata()
                .getTable(new SchemaTableName(schema, name));
        if (direct.isPresent()) {
            return direct;
        }
        return SourceNames.match(connector.metadata().listTables(schema).stream().map(SchemaTableName::table)
                        .toList(), name)
                .filter(source -> !source.equals(name))
                .flatMap(source -> connector.metadata().getTable(new SchemaTableName(schema, source)));
    }

    @Override
    public boolean isMutable() {
        return false;
    }
}
