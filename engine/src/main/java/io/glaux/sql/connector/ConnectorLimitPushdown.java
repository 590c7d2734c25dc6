package io.glaux.sql.connector;

import io.glaux.catalog.Column;
import io.glaux.connector.ConnectorCapabilities;
import io.glaux.connector.SortItem;
import org.apache.calcite.linq4j.tree.TableExpressionFactory;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.prepare.RelOptTableImpl;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Offers a query's LIMIT (and ORDER BY ... LIMIT, a top-N) to the federated table it reads, when nothing but column
 * projections and a filter the constraint says exactly lie between them, and the connector enforces constraints and
 * takes a limit (a top-N). The LIMIT and ORDER BY stay in the plan: the engine applies them again.
 */
public final class ConnectorLimitPushdown extends RelShuttleImpl {

    private ConnectorLimitPushdown() {
    }

    /** Offers limits to federated scans, and narrows scans that a count reads no column of. */
    public static RelNode apply(RelNode plan) {
        return plan.accept(new ConnectorCountNarrowing()).accept(new ConnectorLimitPushdown());
    }

    @Override
    public RelNode visit(LogicalSort sort) {
        RelNode visited = super.visit(sort);
        if (!(visited instanceof LogicalSort limited) || limited.fetch == null) {
            return visited;
        }
        Long fetch = count(limited.fetch);
        Long offset = limited.offset == null ? Long.valueOf(0) : count(limited.offset);
        if (fetch == null || offset == null) {
            return visited;
        }
        List<RelFieldCollation> keys = limited.getCollation().getFieldCollations();
        int[] fields = keys.stream().mapToInt(RelFieldCollation::getFieldIndex).toArray();
        RelNode node = limited.getInput();
        RexNode filter = null;
        while (node instanceof LogicalProject project && filter == null) {
            for (int i = 0; i < fields.length; i++) {
                if (!(project.getProjects().get(fields[i]) instanceof RexInputRef ref)) {
                    return visited;
                }
                fields[i] = ref.getIndex();
            }
            node = project.getInput();
            if (node instanceof LogicalFilter filtered) {
                filter = filtered.getCondition();
                node = filtered.getInput();
            }
        }
        if (node instanceof LogicalFilter filtered && filter == null) {
            filter = filtered.getCondition();
            node = filtered.getInput();
        }
        if (!(node instanceof TableScan scan)) {
            return visited;
        }
        ConnectorScanTable table = scan.getTable().unwrap(ConnectorScanTable.class);
        if (table == null) {
            return visited;
        }
        ConnectorCapabilities capabilities = table.connector().metadata().capabilities();
        List<Column> columns = table.table().allColumns();
        if (!capabilities.enforcesConstraint() || (keys.isEmpty() ? !capabilities.limit() : !capabilities.topN())
                || filter != null && !new ConstraintExtractor(columns).extract(List.of(filter)).exact()) {
            return visited;
        }
        List<SortItem> order = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            RelFieldCollation key = keys.get(i);
            order.add(new SortItem(columns.get(fields[i]).name(), !key.getDirection().isDescending(),
                    key.nullDirection == RelFieldCollation.NullDirection.FIRST));
        }
        RelOptTable original = scan.getTable();
        RelOptTable withLimit = RelOptTableImpl.create(original.getRelOptSchema(), original.getRowType(),
                original.getQualifiedName(), table.withLimit(fetch + offset, order),
                (TableExpressionFactory) original::getExpression);
        RelNode limitedScan = scan instanceof Bindables.BindableTableScan bindable
                ? Bindables.BindableTableScan.create(scan.getCluster(), withLimit, bindable.filters, bindable.projects)
                : LogicalTableScan.create(scan.getCluster(), withLimit, scan.getHints());
        RelNode replaced = replace(limited.getInput(), scan, limitedScan);
        return limited.copy(limited.getTraitSet(), List.of(replaced));
    }

    private static RelNode replace(RelNode node, RelNode target, RelNode replacement) {
        if (node == target) {
            return replacement;
        }
        return node.copy(node.getTraitSet(), List.of(replace(node.getInput(0), target, replacement)));
    }

    private static Long count(RexNode node) {
        if (node instanceof RexLiteral literal && literal.getValue() instanceof BigDecimal value) {
            try {
                return value.longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        return null;
    }
}
