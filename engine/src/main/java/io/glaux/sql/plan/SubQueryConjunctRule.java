package io.glaux.sql.plan;

import com.google.common.collect.ImmutableSet;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.tools.RelBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A rule that takes the sub-query conjuncts of a WHERE filter it recognises and turns each into a join over the
 * filter's input. The other conjuncts without sub-queries stay in a filter below the joins (they hold the outer
 * query's own join conditions, which must reach its joins); those with sub-queries of other kinds (a comparison with
 * a scalar sub-query) go to a filter above them, with the filter's correlation variables. Each join then reads the
 * outer query's filtered rows directly: a scalar sub-query becomes a join with its one row that the vectorized
 * operators do not compute, and a semi or anti join under it would stay on the row operators with it (TPC-H Q22's
 * {@code NOT EXISTS} under {@code c_acctbal > (SELECT avg(c_acctbal) ...)}). A filter inside a sub-query correlated
 * with a row further out is left alone: Calcite's decorrelator takes such filters apart, and it is given only the
 * shapes it knows.
 *
 * @param <T> a recognised conjunct
 */
abstract class SubQueryConjunctRule<T extends SubQueryConjunctRule.Rewrite> extends RelOptRule {

    /** A recognised conjunct, applied to the rows that reach it. */
    interface Rewrite {
        RelNode apply(RelNode input, RelBuilder builder);
    }

    SubQueryConjunctRule(String name) {
        super(operand(LogicalFilter.class, any()), name);
    }

    /** {@code conjunct} as a rewrite, or empty when this rule leaves it to Calcite. */
    abstract Optional<T> recognise(RexNode conjunct, Set<CorrelationId> correlations);

    @Override
    public boolean matches(RelOptRuleCall call) {
        return RexUtil.SubQueryFinder.containsSubQuery((LogicalFilter) call.rel(0));
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        LogicalFilter filter = call.rel(0);
        if (!RelOptUtil.getVariablesUsed(filter).isEmpty()) {
            return;
        }
        Set<CorrelationId> correlations = filter.getVariablesSet();
        List<RexNode> kept = new ArrayList<>();
        List<T> rewrites = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
            Optional<T> rewrite = recognise(conjunct, correlations);
            if (rewrite.isPresent()) {
                rewrites.add(rewrite.get());
            } else {
                kept.add(conjunct);
            }
        }
        if (rewrites.isEmpty()) {
            return;
        }
        RexBuilder rexBuilder = filter.getCluster().getRexBuilder();
        List<RexNode> below = new ArrayList<>();
        List<RexNode> above = new ArrayList<>();
        for (RexNode conjunct : kept) {
            (RexUtil.SubQueryFinder.find(conjunct) == null ? below : above).add(conjunct);
        }
        RelNode result = filter.getInput();
        if (!below.isEmpty()) {
            result = LogicalFilter.create(result, RexUtil.composeConjunction(rexBuilder, below), ImmutableSet.of());
        }
        RelBuilder builder = call.builder();
        for (T rewrite : rewrites) {
            result = rewrite.apply(result, builder);
        }
        if (!above.isEmpty()) {
            result = LogicalFilter.create(result, RexUtil.composeConjunction(rexBuilder, above),
                    ImmutableSet.copyOf(correlations));
        }
        call.transformTo(result);
    }
}
