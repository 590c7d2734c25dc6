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

/**
 * The planner's estimate of an inner equi-join's rows. Calcite multiplies both inputs' rows and a guessed 15% per
 * equality, so a join of a fact table to its dimension on the dimension's key looks thousands of times larger than it
 * is, and a multi-way join is ordered to avoid it. Without key statistics Glaux assumes what is true of most joins
 * in analytic queries: an equality joins a foreign key to a key, so each row of the larger input meets one row of the
 * smaller, and the join has as many rows as its larger input (then filtered by any condition that is not an
 * equality, with Calcite's guess for it). Other joins keep Calcite's estimate.
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
        return Math.max(left, right) * residual;
    }
}
