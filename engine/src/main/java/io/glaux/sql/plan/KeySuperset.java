package io.glaux.sql.plan;

import com.google.common.collect.ImmutableSet;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A part of a query whose rows hold every combination of values that some of the query's columns take: for a column
 * of one table in a tree of inner joins, that table with the filters that touch only it. TPC-H Q17's outer query joins
 * lineitem to the parts of one brand and container, so its part keys are among those parts' keys; a semi join with
 * that filtered part table keeps the sub-query from grouping every lineitem row by part (see
 * {@link ScalarAggregateJoins}).
 *
 * <p>The walk goes down through filters (their conjuncts go with it), projections that pass the columns through,
 * inner joins (to the side that holds every column, taking the join's conditions and the filters above it that refer
 * to that side alone), and outer joins on their preserved side (taking only the filters above). It stops anywhere else;
 * a semi join, which only drops rows, is kept whole. Conjuncts with sub-queries, correlation variables or
 * non-deterministic calls are left behind: the result may hold more combinations than the query, never fewer.
 *
 * @param rel the rows, with the filters gathered on the way
 * @param keys the positions of the columns in rel's fields
 * @param selective whether rel drops rows of a table: a filter was gathered or a semi join was reached
 */
record KeySuperset(RelNode rel, List<Integer> keys, boolean selective) {

    /** Where the values of {@code query}'s columns at {@code keys} come from. */
    static KeySuperset of(RelNode query, List<Integer> keys) {
        return walk(query, keys, List.of());
    }

    private static KeySuperset walk(RelNode node, List<Integer> keys, List<RexNode> filters) {
        RelNode rel = node.stripped();
        if (rel instanceof LogicalFilter filter && filter.getVariablesSet().isEmpty()) {
            List<RexNode> gathered = new ArrayList<>(filters);
            gathered.addAll(movable(RelOptUtil.conjunctions(filter.getCondition())));
            return walk(filter.getInput(), keys, gathered);
        }
        if (rel instanceof LogicalProject project && !RexUtil.SubQueryFinder.containsSubQuery(project)) {
            List<Integer> inputKeys = new ArrayList<>();
            for (int key : keys) {
                if (!(project.getProjects().get(key) instanceof RexInputRef ref)) {
                    return leaf(rel, keys, filters);
                }
                inputKeys.add(ref.getIndex());
            }
            List<RexNode> below = new ArrayList<>();
            for (RexNode condition : filters) {
                below.add(RelOptUtil.pushPastProject(condition, project));
            }
            return walk(project.getInput(), inputKeys, movable(below));
        }
        if (rel instanceof LogicalJoin join && join.getVariablesSet().isEmpty()
                && join.getJoinType().projectsRight()) {
            return intoJoin(join, keys, filters).orElseGet(() -> leaf(rel, keys, filters));
        }
        return leaf(rel, keys, filters);
    }

    private static Optional<KeySuperset> intoJoin(Join join, List<Integer> keys, List<RexNode> filters) {
        int leftWidth = join.getLeft().getRowType().getFieldCount();
        ImmutableBitSet keyBits = ImmutableBitSet.of(keys);
        ImmutableBitSet leftFields = ImmutableBitSet.range(leftWidth);
        ImmutableBitSet rightFields = ImmutableBitSet.range(leftWidth, join.getRowType().getFieldCount());
        boolean left = leftFields.contains(keyBits);
        if (!left && !rightFields.contains(keyBits)) {
            return Optional.empty();
        }
        JoinRelType type = join.getJoinType();
        boolean preserved = type == JoinRelType.INNER || left && type == JoinRelType.LEFT
                || !left && type == JoinRelType.RIGHT;
        if (!preserved) {
            return Optional.empty();
        }
        List<RexNode> conditions = new ArrayList<>(filters);
        if (type == JoinRelType.INNER) {
            conditions.addAll(movable(RelOptUtil.conjunctions(join.getCondition())));
        }
        ImmutableBitSet side = left ? leftFields : rightFields;
        int shift = left ? 0 : -leftWidth;
        List<RexNode> sideConditions = new ArrayList<>();
        for (RexNode condition : conditions) {
            if (side.contains(RelOptUtil.InputFinder.bits(condition))) {
                sideConditions.add(shift == 0 ? condition : RexUtil.shift(condition, shift));
            }
        }
        List<Integer> sideKeys = keys.stream().map(key -> key + shift).toList();
        return Optional.of(walk(left ? join.getLeft() : join.getRight(), sideKeys, sideConditions));
    }

    /** The conjuncts that may be evaluated anywhere their columns are: no sub-queries, correlation or chance. */
    private static List<RexNode> movable(List<RexNode> conjuncts) {
        return conjuncts.stream().filter(c -> RexUtil.SubQueryFinder.find(c) == null && RexUtil.isDeterministic(c)
                && !RexUtil.containsCorrelation(c)).toList();
    }

    private static KeySuperset leaf(RelNode rel, List<Integer> keys, List<RexNode> filters) {
        boolean semi = rel instanceof Join join && join.isSemiJoin();
        if (filters.isEmpty()) {
            return new KeySuperset(rel, keys, semi);
        }
        RelNode filtered = LogicalFilter.create(rel,
                RexUtil.composeConjunction(rel.getCluster().getRexBuilder(), filters), ImmutableSet.of());
        return new KeySuperset(filtered, keys, true);
    }
}
