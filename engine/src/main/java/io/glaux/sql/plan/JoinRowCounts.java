package io.glaux.sql.plan;

import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * The planner's estimate of an inner equi-join's rows. Calcite multiplies both inputs' rows and a guessed 15% per
 * equality, so a join of a fact table to its dimension on the dimension's key looks thousands of times larger than it
 * is, and a multi-way join is ordered to avoid it. Glaux divides the product by the number of distinct key values of
 * the side with more of them, where a side knows it (Parquet footers bound a column's distinct values by its value
 * range, see {@code TableEstimates}): joining on a key gives the other side's rows, joining on a nation key gives a
 * product divided by 25. Where neither side knows, it assumes what is true of most joins in analytic queries: a foreign
 * key meets a key, and the join has as many rows as its larger input. Conditions beside the equalities keep Calcite's
 * guess; other joins keep Calcite's estimate.
 */
public final class JoinRowCounts implements MetadataHandler<BuiltInMetadata.RowCount> {

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
        JoinInfo info = join.analyzeCondition();
        if (join.getJoinType() != JoinRelType.INNER || info.leftKeys.isEmpty()) {
            return RelMdUtil.getJoinRowCount(mq, join, join.getCondition());
        }
        Double left = mq.getRowCount(join.getLeft());
        Double right = mq.getRowCount(join.getRight());
        if (left == null || right == null) {
            return RelMdUtil.getJoinRowCount(mq, join, join.getCondition());
        }
        double residual = RelMdUtil.guessSelectivity(RexUtil.composeConjunction(join.getCluster().getRexBuilder(),
                info.nonEquiConditions));
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
}
