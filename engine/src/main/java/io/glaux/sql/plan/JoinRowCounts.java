package io.glaux.sql.plan;

import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.List;

/**
 * The planner's estimate of an inner equi-join's rows. Calcite multiplies both inputs' rows and a guessed 15% per
 * equality, so a join of a fact table to its dimension on the dimension's key looks thousands of times larger than it
 * is, and a multi-way join is ordered to avoid it. Glaux divides the product by the number of distinct key values of
 * the side with more of them, where a side knows it (Parquet footers bound a column's distinct values by its value
 * range, see {@code TableEstimates}): joining on a key gives the other side's rows, joining on a nation key gives a
 * product divided by 25. Where neither side knows, it assumes what is true of most joins in analytic queries: a foreign
 * key meets a key, and the join has as many rows as its larger input. Before either, a join on the key of a table
 * (the keys plain columns of a table on each side, unique in the smaller one) is estimated as a lookup of the other
 * side's rows ({@link #keyLookup}). Conditions beside the equalities keep Calcite's guess; other joins keep Calcite's
 * estimate.
 */
public final class JoinRowCounts implements MetadataHandler<BuiltInMetadata.RowCount> {

    /** A side whose key combinations are at least this share of its rows holds each combination once. */
    private static final double UNIQUE_SHARE = 0.9;

    /** The estimate, for {@link PlannerMetadata} to put in front of Calcite's handlers. */
    static final RelMetadataProvider SOURCE = ReflectiveRelMetadataProvider.reflectiveSource(new JoinRowCounts(),
            BuiltInMetadata.RowCount.Handler.class);

    private JoinRowCounts() {
    }

    @Override
    public MetadataDef<BuiltInMetadata.RowCount> getDef() {
        return BuiltInMetadata.RowCount.DEF;
    }

    /** Called by Calcite's metadata dispatch for every kind of join. */
    public Double getRowCount(Join join, RelMetadataQuery mq) {
        if (join.getJoinType() != JoinRelType.INNER) {
            return RelMdUtil.getJoinRowCount(mq, join, join.getCondition());
        }
        JoinInfo info = JoinInfo.of(join.getLeft(), join.getRight(), ImpliedJoinKeys.essentialCondition(join));
        if (info.leftKeys.isEmpty()) {
            return RelMdUtil.getJoinRowCount(mq, join, join.getCondition());
        }
        Double left = mq.getRowCount(join.getLeft());
        Double right = mq.getRowCount(join.getRight());
        if (left == null || right == null) {
            return RelMdUtil.getJoinRowCount(mq, join, join.getCondition());
        }
        double residual = RelMdUtil.guessSelectivity(RexUtil.composeConjunction(join.getCluster().getRexBuilder(),
                info.nonEquiConditions));
        Double lookup = keyLookup(join, info, mq, left, right);
        if (lookup != null) {
            return lookup * residual;
        }
        Double leftKeys = mq.getDistinctRowCount(join.getLeft(), ImmutableBitSet.of(info.leftKeys), null);
        Double rightKeys = mq.getDistinctRowCount(join.getRight(), ImmutableBitSet.of(info.rightKeys), null);
        double keys = Math.max(leftKeys == null ? 0 : Math.min(leftKeys, left),
                rightKeys == null ? 0 : Math.min(rightKeys, right));
        if (keys < 1) {
            // Nothing known of the keys: a foreign key meets a key.
            return Math.max(left, right) * residual;
        }
        // Each key value of the side with fewer of them meets its share of the other side's rows.
        return left * right / keys * residual;
    }

    /**
     * The rows of a join of a table's key: the keys are plain columns of one table on each side, and those of the
     * table with fewer rows hold each value (or combination) once there. Each row of the other side then meets at
     * most one row, and finds it unless the key side lost key values on the way (a filter, a join): the join keeps the
     * other side's rows times the smallest share of a key column's distinct values that the key side still holds
     * (no more values than it has rows: Calcite counts a filtered key column's values with its own guess of the
     * filter, not with the rows Glaux estimates it keeps). Null when the join is not of this kind.
     *
     * <p>The general estimate divides by the distinct values of the side with more of them, and a foreign key column
     * whose distinct values are bounded by its value range looks as distinct as its rows: lineitem's order keys
     * count as 6 million where there are 1.5, and its pairs of part and supplier keys as 6 million where there are
     * 800,000, so joins of lineitem with orders and with partsupp looked four and eight times smaller than they are
     * (TPC-H Q9 then joined lineitem to all of partsupp and orders before the parts of one colour).
     */
    private static Double keyLookup(Join join, JoinInfo info, RelMetadataQuery mq, double left, double right) {
        ColumnsOrigin leftOrigin = ColumnsOrigin.of(mq, join.getLeft(), info.leftKeys);
        ColumnsOrigin rightOrigin = ColumnsOrigin.of(mq, join.getRight(), info.rightKeys);
        if (leftOrigin == null || rightOrigin == null) {
            return null;
        }
        boolean rightIsKey = rightOrigin.tableRows() <= leftOrigin.tableRows();
        ColumnsOrigin key = rightIsKey ? rightOrigin : leftOrigin;
        RelNode keySide = rightIsKey ? join.getRight() : join.getLeft();
        List<Integer> keyColumns = rightIsKey ? info.rightKeys : info.leftKeys;
        Double combinations = mq.getDistinctRowCount(key.scan(), ImmutableBitSet.of(key.columns()), null);
        if (combinations == null || combinations < UNIQUE_SHARE * key.tableRows()) {
            return null;
        }
        if (ImpliedJoinKeys.equatesAny(keySide, keyColumns)) {
            // The key side was joined on this key inside (Q5's customers of a region's nations, joined on the
            // nation key): it may hold each value many times.
            return null;
        }
        Double keySideRows = mq.getRowCount(keySide);
        double found = 1;
        for (int i = 0; i < keyColumns.size(); i++) {
            Double held = mq.getDistinctRowCount(keySide, ImmutableBitSet.of(keyColumns.get(i)), null);
            Double all = mq.getDistinctRowCount(key.scan(), ImmutableBitSet.of(key.columns().get(i)), null);
            if (held == null || all == null) {
                return null;
            }
            if (keySideRows != null) {
                held = Math.min(held, keySideRows);
            }
            if (all >= 1) {
                found = Math.min(found, held / all);
            }
        }
        return (rightIsKey ? left : right) * found;
    }

    /** Columns that are plain columns of one table, with a scan of the whole table and its rows. */
    private record ColumnsOrigin(RelNode scan, List<Integer> columns, double tableRows) {

        static ColumnsOrigin of(RelMetadataQuery mq, RelNode rel, List<Integer> keys) {
            TableScan origin = null;
            List<Integer> columns = new ArrayList<>();
            for (int key : keys) {
                TableColumn column = TableColumn.of(rel, key);
                if (column == null || origin != null && !sameTable(origin, column.scan())) {
                    return null;
                }
                origin = column.scan();
                columns.add(column.column());
            }
            LogicalTableScan scan = LogicalTableScan.create(rel.getCluster(), origin.getTable(), List.of());
            Double rows = mq.getRowCount(scan);
            return rows == null ? null : new ColumnsOrigin(scan, columns, rows);
        }

        private static boolean sameTable(TableScan a, TableScan b) {
            return a.getTable().getQualifiedName().equals(b.getTable().getQualifiedName());
        }
    }

    /**
     * The table column a field passes through unchanged, through projections, filters, sorts and joins, or null.
     * Calcite's column origins stop at the planners' wrappers and take a projecting scan's fields for its table's.
     */
    private record TableColumn(TableScan scan, int column) {

        static TableColumn of(RelNode node, int field) {
            RelNode rel = node.stripped();
            if (rel instanceof RelSubset subset) {
                return SubsetMembers.firstKnown(subset, member -> of(member, field));
            }
            if (rel instanceof Bindables.BindableTableScan bindable) {
                return new TableColumn(bindable, bindable.projects.isEmpty() ? field : bindable.projects.get(field));
            }
            if (rel instanceof TableScan scan) {
                return new TableColumn(scan, field);
            }
            if (rel instanceof Project project) {
                return project.getProjects().get(field) instanceof RexInputRef ref ? of(project.getInput(),
                        ref.getIndex()) : null;
            }
            if (rel instanceof Filter || rel instanceof Sort) {
                return of(rel.getInput(0), field);
            }
            if (rel instanceof Join join) {
                int leftCount = join.getLeft().getRowType().getFieldCount();
                return field < leftCount ? of(join.getLeft(), field)
                        : join.getJoinType().projectsRight() ? of(join.getRight(), field - leftCount) : null;
            }
            return null;
        }
    }
}
