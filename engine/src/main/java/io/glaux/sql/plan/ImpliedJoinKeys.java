package io.glaux.sql.plan;

import com.google.common.collect.ImmutableMap;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.rules.MultiJoin;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.util.ImmutableIntList;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The equalities of columns that a query's inner joins imply without stating them, offered to the join order, and
 * the equalities a join states that its inputs already hold, dropped once the order is chosen.
 *
 * <p>TPC-H Q5 states {@code c_nationkey = s_nationkey} and {@code s_nationkey = n_nationkey}, so customers meet
 * nations only through suppliers, and the order joined the orders of a year to the customers of every nation (228,000
 * rows at scale 1) before any nation filtered them. With {@code c_nationkey = n_nationkey} added to the multi-join,
 * the customers of Asia's nations (a fifth) can be joined first, as DuckDB and Trino do with their equivalence classes.
 * An added equality holds wherever the two it follows from hold, so the rows are the same; only inner joins are
 * read, as an outer join's padded NULLs are equal to nothing.
 *
 * <p>Once ordered, a join whose inputs already make two of its key columns equal would test the same thing twice and
 * be estimated as twice as selective: such an equality is dropped from the join ({@link #withoutRedundantKeys}) and
 * left out of its estimate ({@link #essentialCondition}).
 */
final class ImpliedJoinKeys extends RelOptRule {

    /** Adds a multi-join's implied equalities to its join filter, for the join order to use. */
    static final ImpliedJoinKeys RULE = new ImpliedJoinKeys();

    private ImpliedJoinKeys() {
        super(operand(MultiJoin.class, any()), "ImpliedJoinKeys");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        MultiJoin multiJoin = call.rel(0);
        if (multiJoin.isFullOuterJoin() || multiJoin.getJoinTypes().stream().anyMatch(t -> t != JoinRelType.INNER)
                || multiJoin.getPostJoinFilter() != null) {
            return;
        }
        List<RelDataTypeField> fields = multiJoin.getRowType().getFieldList();
        int[] factorOf = new int[fields.size()];
        int field = 0;
        for (int factor = 0; factor < multiJoin.getInputs().size(); factor++) {
            for (int i = 0; i < multiJoin.getInput(factor).getRowType().getFieldCount(); i++) {
                factorOf[field++] = factor;
            }
        }
        Classes classes = new Classes(fields.size());
        List<RexNode> conjuncts = RelOptUtil.conjunctions(multiJoin.getJoinFilter());
        classes.unionAll(multiJoin.getJoinFilter());
        // A pair of factors is joined through a class when a stated equality of that class joins them.
        Set<Long> stated = new HashSet<>();
        for (RexNode conjunct : conjuncts) {
            int[] pair = columnEquality(conjunct);
            if (pair != null) {
                stated.add(factorPair(classes.find(pair[0]), factorOf[pair[0]], factorOf[pair[1]]));
            }
        }
        RexBuilder rexBuilder = multiJoin.getCluster().getRexBuilder();
        List<RexNode> added = new ArrayList<>();
        for (int a = 0; a < fields.size(); a++) {
            for (int b = a + 1; b < fields.size(); b++) {
                if (factorOf[a] == factorOf[b] || classes.find(a) != classes.find(b)
                        || !SqlTypeUtil.equalSansNullability(fields.get(a).getType(), fields.get(b).getType())
                        || !stated.add(factorPair(classes.find(a), factorOf[a], factorOf[b]))) {
                    continue;
                }
                added.add(rexBuilder.makeCall(SqlStdOperatorTable.EQUALS, rexBuilder.makeInputRef(multiJoin, a),
                        rexBuilder.makeInputRef(multiJoin, b)));
            }
        }
        if (added.isEmpty()) {
            return;
        }
        List<RexNode> filter = new ArrayList<>(conjuncts);
        filter.addAll(added);
        call.transformTo(new MultiJoin(multiJoin.getCluster(), multiJoin.getInputs(),
                RexUtil.composeConjunction(rexBuilder, filter), multiJoin.getRowType(), false,
                multiJoin.getOuterJoinConditions(), multiJoin.getJoinTypes(), multiJoin.getProjFields(),
                counted(multiJoin, added, factorOf), null));
    }

    /** The multi-join's counts of each factor's fields referenced by join conditions, with those of {@code added}. */
    private static ImmutableMap<Integer, ImmutableIntList> counted(MultiJoin multiJoin, List<RexNode> added,
                                                                  int[] factorOf) {
        Map<Integer, int[]> counts = multiJoin.getCopyJoinFieldRefCountsMap();
        int[] firstField = new int[multiJoin.getInputs().size()];
        for (int factor = 1; factor < firstField.length; factor++) {
            firstField[factor] = firstField[factor - 1] + multiJoin.getInput(factor - 1).getRowType().getFieldCount();
        }
        for (RexNode equality : added) {
            for (RexNode operand : ((RexCall) equality).getOperands()) {
                int index = ((RexInputRef) operand).getIndex();
                counts.get(factorOf[index])[index - firstField[factorOf[index]]]++;
            }
        }
        ImmutableMap.Builder<Integer, ImmutableIntList> result = ImmutableMap.builder();
        counts.forEach((factor, fieldCounts) -> result.put(factor, ImmutableIntList.of(fieldCounts)));
        return result.build();
    }

    private static long factorPair(int equalityClass, int a, int b) {
        return ((long) equalityClass << 32) | ((long) Math.min(a, b) << 16) | Math.max(a, b);
    }

    /**
     * The tree with, in each inner join, the equalities of two columns that its inputs (or its earlier equalities)
     * already make equal left out.
     */
    static RelNode withoutRedundantKeys(RelNode rel) {
        return rel.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode visited = super.visit(other);
                if (visited instanceof Join join && join.getJoinType() == JoinRelType.INNER) {
                    RexNode condition = essentialCondition(join);
                    if (condition != join.getCondition()) {
                        return join.copy(join.getTraitSet(), condition, join.getLeft(), join.getRight(),
                                join.getJoinType(), join.isSemiJoinDone());
                    }
                }
                return visited;
            }
        });
    }

    /**
     * An inner join's condition without the equalities of two columns that its inputs already make equal, or that
     * follow from its earlier equalities; the condition itself when there is none.
     */
    static RexNode essentialCondition(Join join) {
        List<RexNode> conjuncts = RelOptUtil.conjunctions(join.getCondition());
        if (conjuncts.size() < 2) {
            return join.getCondition();
        }
        Classes classes = equalities(join.getLeft()).beside(equalities(join.getRight()));
        List<RexNode> kept = new ArrayList<>(conjuncts.size());
        for (RexNode conjunct : conjuncts) {
            int[] pair = columnEquality(conjunct);
            if (pair == null || classes.union(pair[0], pair[1])) {
                kept.add(conjunct);
            }
        }
        return kept.size() == conjuncts.size() ? join.getCondition()
                : RexUtil.composeConjunction(join.getCluster().getRexBuilder(), kept);
    }

    /** Whether the inner joins or filters of {@code rel} make one of {@code fields} equal to another field of it. */
    static boolean equatesAny(RelNode rel, List<Integer> fields) {
        Classes classes = equalities(rel);
        for (int field : fields) {
            for (int other = 0; other < classes.parent.length; other++) {
                if (other != field && classes.find(other) == classes.find(field)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The classes of the fields of {@code rel} that its inner joins and filters make equal. */
    private static Classes equalities(RelNode node) {
        RelNode rel = node.stripped();
        int fieldCount = rel.getRowType().getFieldCount();
        if (rel instanceof Join join) {
            Classes left = equalities(join.getLeft());
            return switch (join.getJoinType()) {
                case INNER -> {
                    Classes classes = left.beside(equalities(join.getRight()));
                    classes.unionAll(join.getCondition());
                    yield classes;
                }
                case LEFT, SEMI, ANTI -> left.extended(fieldCount);
                default -> new Classes(fieldCount);
            };
        }
        if (rel instanceof Filter filter) {
            Classes classes = equalities(filter.getInput());
            classes.unionAll(filter.getCondition());
            return classes;
        }
        Classes classes = new Classes(fieldCount);
        if (rel instanceof Project project) {
            Classes input = equalities(project.getInput());
            List<RexNode> projects = project.getProjects();
            for (int a = 0; a < projects.size(); a++) {
                for (int b = a + 1; b < projects.size(); b++) {
                    if (projects.get(a) instanceof RexInputRef x && projects.get(b) instanceof RexInputRef y
                            && input.find(x.getIndex()) == input.find(y.getIndex())) {
                        classes.union(a, b);
                    }
                }
            }
        }
        return classes;
    }

    /** The two fields an equality of two input columns compares, or null. */
    private static int[] columnEquality(RexNode conjunct) {
        if (conjunct.getKind() == SqlKind.EQUALS && conjunct instanceof RexCall call
                && call.getOperands().get(0) instanceof RexInputRef a
                && call.getOperands().get(1) instanceof RexInputRef b) {
            return new int[] {a.getIndex(), b.getIndex()};
        }
        return null;
    }

    /** Classes of equal fields, as a union-find. */
    private static final class Classes {
        private final int[] parent;

        Classes(int fields) {
            parent = new int[fields];
            for (int i = 0; i < fields; i++) {
                parent[i] = i;
            }
        }

        int find(int field) {
            int root = field;
            while (parent[root] != root) {
                root = parent[root];
            }
            while (parent[field] != root) {
                int next = parent[field];
                parent[field] = root;
                field = next;
            }
            return root;
        }

        /** Makes two fields' classes one; false when they were one already. */
        boolean union(int a, int b) {
            int x = find(a);
            int y = find(b);
            if (x == y) {
                return false;
            }
            parent[Math.max(x, y)] = Math.min(x, y);
            return true;
        }

        void unionAll(RexNode condition) {
            for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
                int[] pair = columnEquality(conjunct);
                if (pair != null) {
                    union(pair[0], pair[1]);
                }
            }
        }

        /** These classes followed by {@code other}'s, over the fields of both. */
        Classes beside(Classes other) {
            Classes both = extended(parent.length + other.parent.length);
            for (int i = 0; i < other.parent.length; i++) {
                both.parent[parent.length + i] = parent.length + other.find(i);
            }
            return both;
        }

        /** These classes over {@code fields} fields, the added ones each alone. */
        Classes extended(int fields) {
            Classes wider = new Classes(fields);
            for (int i = 0; i < parent.length; i++) {
                wider.parent[i] = find(i);
            }
            return wider;
        }
    }
}
