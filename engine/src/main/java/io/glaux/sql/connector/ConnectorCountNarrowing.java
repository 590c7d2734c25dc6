package io.glaux.sql.connector;

import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalAggregate;

import java.util.List;

/**
 * An aggregate that reads no column of a federated table ({@code count(*)}) would otherwise ask the source for every
 * column; it asks for the first one only, so the source sends as little as it can.
 */
final class ConnectorCountNarrowing extends RelShuttleImpl {

    @Override
    public RelNode visit(LogicalAggregate aggregate) {
        RelNode visited = super.visit(aggregate);
        if (!(visited instanceof LogicalAggregate counted) || !counted.getGroupSet().isEmpty()
                || !(counted.getInput() instanceof TableScan scan)
                || scan.getTable().unwrap(ConnectorScanTable.class) == null
                || scan.getRowType().getFieldCount() < 2) {
            return visited;
        }
        for (AggregateCall call : counted.getAggCallList()) {
            if (!call.getArgList().isEmpty() || call.filterArg >= 0 || call.distinctKeys != null
                    || !call.collation.getFieldCollations().isEmpty()) {
                return visited;
            }
        }
        if (scan instanceof Bindables.BindableTableScan bindable && !bindable.filters.isEmpty()) {
            return visited;
        }
        RelNode narrowed = Bindables.BindableTableScan.create(scan.getCluster(), scan.getTable(), List.of(),
                List.of(0));
        return counted.copy(counted.getTraitSet(), List.of(narrowed));
    }
}
