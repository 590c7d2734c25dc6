package io.glaux.sql.plan;

import org.apache.calcite.adapter.enumerable.EnumerableNestedLoopJoin;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * The cost of a nested loop join by the pairs of rows it tests: each row of its left input against every row of its
 * right one, which it reads again for each left row. Calcite's own cost counts only the join's estimated output (ten
 * times over), so a semi or anti join estimated to keep a row or two looked cheaper as a nested loop than as a hash
 * join: {@code NOT EXISTS (SELECT 1 FROM b WHERE b.id = a.id - 7)} scanned {@code b} once per row of {@code a}.
 */
public final class NestedLoopJoinCosts implements MetadataHandler<BuiltInMetadata.NonCumulativeCost> {

    /** The costs, for {@link PlannerMetadata} to put in front of Calcite's handlers. */
    static final RelMetadataProvider SOURCE = ReflectiveRelMetadataProvider.reflectiveSource(
            new NestedLoopJoinCosts(), BuiltInMetadata.NonCumulativeCost.Handler.class);

    private NestedLoopJoinCosts() {
    }

    @Override
    public MetadataDef<BuiltInMetadata.NonCumulativeCost> getDef() {
        return BuiltInMetadata.NonCumulativeCost.DEF;
    }

    /** Called by Calcite's metadata dispatch for nested loop joins. */
    public RelOptCost getNonCumulativeCost(EnumerableNestedLoopJoin join, RelMetadataQuery mq) {
        RelOptCost own = join.computeSelfCost(join.getCluster().getPlanner(), mq);
        Double left = mq.getRowCount(join.getLeft());
        Double right = mq.getRowCount(join.getRight());
        if (own == null || left == null || right == null) {
            return own;
        }
        return own.plus(join.getCluster().getPlanner().getCostFactory().makeCost(left * right, 0, 0));
    }
}
