package io.glaux.sql.plan;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pulls the terms every branch of an OR shares out in front of it, in filter and join conditions:
 * {@code (a = b AND x) OR (a = b AND y)} becomes {@code a = b AND (x OR y)}. The two are equal in SQL's three-valued
 * logic, and the second shows the join key to the planner, which can then hash-join on it (TPC-H Q19 repeats
 * {@code p_partkey = l_partkey} in each of its three branches; without this it is a nested loop over both tables).
 *
 * <p>Then, for an OR whose every branch constrains one column on its own, adds the OR of those constraints beside it:
 * {@code (n1 = 'FRANCE' AND n2 = 'GERMANY') OR (n1 = 'GERMANY' AND n2 = 'FRANCE')} gains
 * {@code (n1 = 'FRANCE' OR n1 = 'GERMANY')} and the same of {@code n2}. A row the OR keeps passes the added terms (its
 * true branch's constraints are true), so the condition keeps the same rows; each added term reads one table, and the
 * planner filters that table with it before the joins (TPC-H Q7 then joins two nations' suppliers and customers, not
 * all 25 nations', and Q19 reads only the parts of its three brands).
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
            RexNode result = derived(RexUtil.pullFactors(rexBuilder, condition));
            return result.equals(condition) ? condition : result;
        }

        /** {@code condition} with, beside each OR, the OR of each column's own constraints in every branch. */
        private RexNode derived(RexNode condition) {
            List<RexNode> conjuncts = RelOptUtil.conjunctions(condition);
            List<RexNode> added = new ArrayList<>();
            for (RexNode conjunct : conjuncts) {
                if (conjunct.getKind() != SqlKind.OR) {
                    continue;
                }
                List<Map<Integer, List<RexNode>>> branches = new ArrayList<>();
                for (RexNode branch : RelOptUtil.disjunctions(conjunct)) {
                    branches.add(singleColumnTerms(branch));
                }
                for (int column : branches.get(0).keySet()) {
                    List<RexNode> alternatives = new ArrayList<>();
                    for (Map<Integer, List<RexNode>> branch : branches) {
                        List<RexNode> terms = branch.get(column);
                        if (terms == null) {
                            alternatives = null;
                            break;
                        }
                        alternatives.add(RexUtil.composeConjunction(rexBuilder, terms));
                    }
                    if (alternatives == null) {
                        continue;
                    }
                    RexNode term = RexUtil.composeDisjunction(rexBuilder, alternatives);
                    if (!term.equals(conjunct) && !conjuncts.contains(term) && !added.contains(term)) {
                        added.add(term);
                    }
                }
            }
            if (added.isEmpty()) {
                return condition;
            }
            List<RexNode> all = new ArrayList<>(conjuncts);
            all.addAll(added);
            return RexUtil.composeConjunction(rexBuilder, all);
        }

        /** A branch's conjuncts that read one column and nothing else, by that column. */
        private static Map<Integer, List<RexNode>> singleColumnTerms(RexNode branch) {
            Map<Integer, List<RexNode>> terms = new LinkedHashMap<>();
            for (RexNode term : RelOptUtil.conjunctions(branch)) {
                ImmutableBitSet columns = RelOptUtil.InputFinder.bits(term);
                if (columns.cardinality() == 1 && RexUtil.isDeterministic(term)
                        && !RexUtil.containsCorrelation(term) && RexUtil.SubQueryFinder.find(term) == null) {
                    terms.computeIfAbsent(columns.nextSetBit(0), column -> new ArrayList<>()).add(term);
                }
            }
            return terms;
        }
    }
}
