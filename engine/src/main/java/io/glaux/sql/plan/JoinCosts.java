package io.glaux.sql.plan;

import org.apache.calcite.adapter.enumerable.EnumerableHashJoin;
import org.apache.calcite.adapter.enumerable.EnumerableNestedLoopJoin;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * The costs of Calcite's joins by the work they do.
 * <ul>
 *   <li>A hash join by the side it builds. Calcite's hash join builds its lookup from the right input and streams the
 *       left one, but its own cost adds {@code n log n} of the left input's rows, so the planner's commute rule puts
 *       the smaller input on the left and the larger one is built: a join of orders with all of lineitem built a map
 *       of 6 M boxed lineitem rows. Here a built row costs {@value #BUILD} probed rows (it is hashed, copied and
 *       kept), so the smaller input is built; the output rows are counted as Calcite counts them.</li>
 *   <li>A nested loop join by the pairs of rows it tests: each row of its left input against every row of its right
 *       one, which it reads again for each left row. Calcite's own cost counts only the join's estimated output (ten
 *       times over), so a semi or anti join estimated to keep a row or two looked cheaper as a nested loop than as a
 *       hash join: {@code NOT EXISTS (SELECT 1 FROM b WHERE b.id = a.id - 7)} scanned {@code b} once per row of
 *       {@code a}.</li>
 * </ul>
 */
public final class JoinCosts implements MetadataHandler<BuiltInMetadata.NonCumulativeCost> {

    /** What building a row costs against probing one. */
    static final double BUILD = 2;

    /** The costs, for {@link PlannerMetadata} to put in front of Calcite's handlers. */
    static final RelMetadataProvider SOURCE = ReflectiveRelMetadataProvider.reflectiveSource(new JoinCosts(),
            BuiltInMetadata.NonCumulativeCost.Handler.class);

    private JoinCosts() {
    }

    @Override
    public MetadataDef<BuiltInMetadata.NonCumulativeCost> getDef() {
        return BuiltInMetadata.NonCumulativeCost.DEF;
    }

    /** Called by Calcite's metadata dispatch for hash joins. */
    public RelOptCost getNonCumulativeCost(EnumerableHashJoin join, RelMetadataQuery mq) {
        Double output = mq.getRowCount(join);
        Double probed = mq.getRowCount(join.getLeft());
        Double built = mq.getRowCount(join.getRight());
        if (output == null || probed == null || built == null) {
            return join.computeSelfCost(join.getCluster().getPlanner(), mq);
        }
        double rows = (join.isSemiJoin() ? 0 : output) + probed + BUILD * built;
        return join.getCluster().getPlanner().getCostFactory().makeCost(rows, 0, 0);
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
