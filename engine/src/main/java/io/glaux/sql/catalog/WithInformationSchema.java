package io.glaux.sql.catalog;

import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.impl.DelegatingSchema;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;

import java.util.LinkedHashSet;
import java.util.Set;

/** A catalog's schema with its {@code information_schema} beside its databases. */
final class WithInformationSchema extends DelegatingSchema {
    private final InformationSchema informationSchema;

    WithInformationSchema(QueryCatalog catalog) {
        super(catalog.schema());
        this.informationSchema = new InformationSchema(catalog.name(), catalog.metadata());
    }

    @Override
    public Lookup<? extends Schema> subSchemas() {
        @SuppressWarnings("unchecked")
        Lookup<Schema> databases = (Lookup<Schema>) schema.subSchemas();
        return new Lookup<Schema>() {
            @Override
            public Schema get(String name) {
                return InformationSchema.NAME.equals(name) ? informationSchema : databases.get(name);
            }

            @Override
            public Named<Schema> getIgnoreCase(String name) {
                return InformationSchema.NAME.equalsIgnoreCase(name)
                        ? new Named<>(InformationSchema.NAME, informationSchema) : databases.getIgnoreCase(name);
            }

            @Override
            public Set<String> getNames(LikePattern pattern) {
                Set<String> names = new LinkedHashSet<>(databases.getNames(pattern));
                if (pattern.matcher().apply(InformationSchema.NAME)) {
                    names.add(InformationSchema.NAME);
                }
                return names;
            }
        };
    }

    @Override
    public Schema getSubSchema(String name) {
        return subSchemas().get(name);
    }

    @Override
    public Set<String> getSubSchemaNames() {
        return subSchemas().getNames(LikePattern.any());
    }
}
