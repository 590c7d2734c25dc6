package io.glaux.sql.connector;

import io.glaux.catalog.Column;
import io.glaux.connector.Connector;
import io.glaux.connector.ConnectorTable;
import io.glaux.connector.ScanRequest;
import io.glaux.connector.SortItem;
import io.glaux.sql.scan.ScanContext;
import io.glaux.sql.schema.TypeMapping;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ProjectableFilterableTable;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A federated table as Calcite sees it. Calcite hands it the projected columns and the filters; it passes the
 * columns and the constraint the filters amount to on to the connector, with the limit and order {@link
 * ConnectorLimitPushdown} put here, and leaves every filter for the engine to apply again.
 */
public final class ConnectorScanTable extends AbstractTable implements ProjectableFilterableTable, TranslatableTable {

    private final Connector connector;
    private final ConnectorTable table;
    private final OptionalLong limit;
    private final List<SortItem> orderBy;

    ConnectorScanTable(Connector connector, ConnectorTable table) {
        this(connector, table, OptionalLong.empty(), List.of());
    }

    private ConnectorScanTable(Connector connector, ConnectorTable table, OptionalLong limit, List<SortItem> orderBy) {
        this.connector = connector;
        this.table = table;
        this.limit = limit;
        this.orderBy = List.copyOf(orderBy);
    }

    public ConnectorTable table() {
        return table;
    }

    Connector connector() {
        return connector;
    }

    /** The same table with a limit (and, for a top-N, an order) for the connector. */
    ConnectorScanTable withLimit(long rows, List<SortItem> order) {
        return new ConnectorScanTable(connector, table, OptionalLong.of(rows), order);
    }

    OptionalLong limit() {
        return limit;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return TypeMapping.rowType(typeFactory, table.allColumns());
    }

    /**
     * Always a bindable scan, whose operator holds this table object: a scan Calcite would otherwise generate code for
     * looks the table up again by name and would lose the limit put on this one.
     */
    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        return Bindables.BindableTableScan.create(context.getCluster(), relOptTable);
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters, int[] projects) {
        ScanContext context = ScanContext.from(root);
        List<Column> all = table.allColumns();
        List<String> columns = new ArrayList<>();
        if (projects == null) {
            all.forEach(column -> columns.add(column.name()));
        } else {
            for (int field : projects) {
                columns.add(all.get(field).name());
            }
        }
        ConstraintExtractor.Result constraint = new ConstraintExtractor(all).extract(List.copyOf(filters));
        boolean limited = limit.isPresent() && constraint.exact();
        ScanRequest request = new ScanRequest(table, columns, constraint.constraint(),
                limited ? limit : OptionalLong.empty(), limited ? orderBy : List.of(), context.queryId());
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object[]> enumerator() {
                return new ConnectorRows(connector.scanner(), request, context);
            }
        };
    }
}
