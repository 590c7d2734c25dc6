package io.glaux.sql.schema;

import io.glaux.catalog.TableDefinition;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

import java.util.List;

/**
 * A catalog view: its stored SQL is parsed and planned in place of the view (with the view's database as the current
 * one). A view whose SQL no longer yields its recorded columns is stale, as Athena says.
 */
public final class ViewTable extends AbstractTable implements TranslatableTable {

    private final TableDefinition definition;
    private final List<String> schemaPath;

    ViewTable(TableDefinition definition, List<String> schemaPath) {
        this.definition = definition;
        this.schemaPath = schemaPath;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return TypeMapping.rowType(typeFactory, definition.columns());
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        RelRoot root = context.expandView(relOptTable.getRowType(), definition.viewSql(), schemaPath,
                relOptTable.getQualifiedName());
        if (root.validatedRowType.getFieldCount() != definition.columns().size()) {
            throw new GlauxException(ErrorType.SCHEMA_ERROR, "View '" + definition.database() + "."
                    + definition.name() + "' is stale or in invalid state; it must be re-created");
        }
        return root.project();
    }
}
