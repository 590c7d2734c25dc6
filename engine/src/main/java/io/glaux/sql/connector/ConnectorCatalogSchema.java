package io.glaux.sql.connector;

import io.glaux.connector.Connector;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.IgnoreCaseLookup;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;

import java.util.LinkedHashSet;
import java.util.Set;

/** A connector's schemas as Calcite sub-schemas, asked of the source at each lookup. */
final class ConnectorCatalogSchema extends AbstractSchema {

    private final Connector connector;

    ConnectorCatalogSchema(Connector connector) {
        this.connector = connector;
    }

    @Override
    public Lookup<? extends Schema> subSchemas() {
        return new IgnoreCaseLookup<Schema>() {
            @Override
            public Schema get(String name) {
                Named<Schema> named = getIgnoreCase(name);
                return named == null ? null : named.entity();
            }

            @Override
            public Named<Schema> getIgnoreCase(String name) {
                return SourceNames.match(connector.metadata().listSchemas(), name)
                        .map(source -> new Named<Schema>(SourceNames.sql(source),
                                new ConnectorDatabaseSchema(connector, source)))
                        .orElse(null);
            }

            @Override
            public Set<String> getNames(LikePattern pattern) {
                Set<String> names = new LinkedHashSet<>();
                connector.metadata().listSchemas().stream().map(SourceNames::sql).filter(pattern.matcher()::apply)
                        .forEach(names::add);
                return names;
            }
        };
    }

    @Override
    public boolean isMutable() {
        return false;
    }
}
