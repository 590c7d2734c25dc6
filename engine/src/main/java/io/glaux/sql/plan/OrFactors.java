package io.glaux.sql.plan;

import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Pulls the terms every branch of an OR shares out in front of it, in filter and join conditions:
 * {@code (a = b AND x) OR (a = b AND y)} becomes {@code a = b AND (x OR y)}. The two are equal in SQL's three-valued
 * logic, and the second shows the join key to the planner, which can then hash-join on it (TPC-H Q19 repeats
 * {@code p_partkey = l_partkey} in each of its three branches; without this it is a nested loop over both tables).
 */
public final class OrFactors {

    private OrFactors() {
    }

    public static RelNode pull(RelNode rel) {
        return rel.accept(new Puller(rel.getCluster().getRexBuilder()));
    }

    private static final class Puller extends RelHomogeneousShuttle {
        private final RexBuilder rexBuilder;

        Puller(RexBuilder rexBuilder) {
            this.rexBuilder = rexBuilder;
        }

        @Override
        public RelNode visit(RelNode other) {
            RelNode rel = super.visit(other);
            if (rel instanceof Filter filter) {
                RexNode condition = pulled(filter.getCondition());
                return condition == filter.getCondition() ? rel
                        : filter.copy(filter.getTraitSet(), filter.getInput(), condition);
            }
            if (rel instanceof Join join) {
                RexNode condition = pulled(join.getCondition());
                return condition == join.getCondition() ? rel
                        : join.copy(join.getTraitSet(), condition, join.getLeft(), join.getRight(),
                                join.getJoinType(), join.isSemiJoinDone());
            }
            return rel;
        }

        private RexNode pulled(RexNode condition) {
            RexNode result = RexUtil.pullFactors(rexBuilder, condition);
            return result.equals(condition) ? condition : result;
        }
    }
}
