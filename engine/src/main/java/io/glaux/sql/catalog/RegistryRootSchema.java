package io.glaux.sql.catalog;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.util.BuiltInMethod;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The planner's root schema: its sub-schemas are the registry's catalogs, looked up at each reference, so catalogs
 * created after the planner (and {@code "lambda:<function>"} names no listing holds) resolve like the others.
 */
final class RegistryRootSchema extends AbstractSchema {

    private final CatalogRegistry registry;

    RegistryRootSchema(CatalogRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Lookup<? extends Schema> subSchemas() {
        return new Lookup<Schema>() {
            @Override
            public Schema get(String name) {
                return registry.find(name).<Schema>map(WithInformationSchema::new).orElse(null);
            }

            @Override
            public Named<Schema> getIgnoreCase(String name) {
                Schema schema = get(name);
                return schema == null ? null : new Named<>(CatalogRegistry.key(name), schema);
            }

            @Override
            public Set<String> getNames(LikePattern pattern) {
                Set<String> names = new LinkedHashSet<>();
                registry.names().stream().filter(pattern.matcher()::apply).forEach(names::add);
                return names;
            }
        };
    }

    /** The root is reached from a query's DataContext, as Calcite's own root schema is. */
    @Override
    public Expression getExpression(SchemaPlus parentSchema, String name) {
        return Expressions.call(DataContext.ROOT, BuiltInMethod.DATA_CONTEXT_GET_ROOT_SCHEMA.method);
    }

    @Override
    public boolean isMutable() {
        return true;
    }
}
