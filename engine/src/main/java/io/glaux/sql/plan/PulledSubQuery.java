package io.glaux.sql.plan;

import com.google.common.collect.ImmutableSet;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A sub-query taken apart into a part that does not depend on the outer row ({@code base}), the conditions that
 * correlate base's rows with the outer row, and the sub-query's columns as expressions of base's columns. Conditions
 * and columns refer to base's fields by position and to the outer row through the correlation variables; {@link
 * #conditions} and {@link #outputs} place them in a join of the outer rows (first) with base (after them).
 *
 * @param base the sub-query's uncorrelated part
 * @param correlated conditions on base's fields and the outer row's
 * @param columns the sub-query's columns, over base's fields (and the outer row's, where a projection used it)
 * @param correlations the correlation variables that stand for the outer row
 */
record PulledSubQuery(RelNode base, List<RexNode> correlated, List<RexNode> columns,
                      Set<CorrelationId> correlations) {

    /** Whether {@code rel} refers to any of the correlation variables (inside its own sub-queries too). */
    static boolean isCorrelated(RelNode rel, Set<CorrelationId> correlations) {
        return !Collections.disjoint(RelOptUtil.getVariablesUsed(rel), correlations);
    }

    /** The sub-query {@code rel} taken apart, or empty when its correlation is not in filters Glaux can pull up. */
    static Optional<PulledSubQuery> of(RelNode rel, Set<CorrelationId> correlations) {
        try {
            return Optional.of(pull(rel, correlations));
        } catch (NotPullable e) {
            return Optional.empty();
        }
    }

    /**
     * As {@link #of}, for a sub-query whose rows only matter by whether there is one ({@code EXISTS}): its top
     * projections, sorts (without an offset or a zero limit) and grouping aggregates are left out first.
     */
    static Optional<PulledSubQuery> ofExists(RelNode rel, Set<CorrelationId> correlations) {
        RelNode rows = rel;
        while (true) {
            if (rows instanceof LogicalProject project && !RexUtil.SubQueryFinder.containsSubQuery(project)) {
                rows = project.getInput();
            } else if (rows instanceof LogicalSort sort && sort.offset == null && keepsRows(sort.fetch)) {
                rows = sort.getInput();
            } else if (rows instanceof LogicalAggregate aggregate && aggregate.getGroupType() == Aggregate.Group.SIMPLE
                    && !aggregate.getGroupSet().isEmpty()) {
                rows = aggregate.getInput();
            } else {
                return of(rows, correlations);
            }
        }
    }

    private static boolean keepsRows(RexNode fetch) {
        return fetch == null
                || fetch instanceof RexLiteral literal && literal.getValueAs(Long.class) != null
                && literal.getValueAs(Long.class) > 0;
    }

    private static PulledSubQuery pull(RelNode rel, Set<CorrelationId> correlations) {
        if (!isCorrelated(rel, correlations)) {
            List<RexNode> identity = new ArrayList<>(rel.getCluster().getRexBuilder().identityProjects(rel.getRowType()));
            return new PulledSubQuery(rel, List.of(), identity, correlations);
        }
        if (rel instanceof LogicalProject project && !RexUtil.SubQueryFinder.containsSubQuery(project)) {
            PulledSubQuery inner = pull(project.getInput(), correlations);
            return new PulledSubQuery(inner.base, inner.correlated, inner.substitute(project.getProjects()),
                    correlations);
        }
        if (rel instanceof LogicalFilter filter) {
            return pullFilter(filter, correlations);
        }
        throw new NotPullable();
    }

    private static PulledSubQuery pullFilter(LogicalFilter filter, Set<CorrelationId> correlations) {
        PulledSubQuery inner = pull(filter.getInput(), correlations);
        boolean trivial = inner.base == filter.getInput();
        List<RexNode> uncorrelated = new ArrayList<>();
        List<RexNode> correlated = new ArrayList<>(inner.correlated);
        boolean subQueries = false;
        for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
            boolean hasSubQuery = RexUtil.SubQueryFinder.find(conjunct) != null;
            if (hasSubQuery && !trivial) {
                // Its sub-query's correlation variables stand for the filter's input, which is no longer there.
                throw new NotPullable();
            }
            RexNode moved = inner.substitute(List.of(conjunct)).get(0);
            if (refersTo(moved, correlations)) {
                if (hasSubQuery) {
                    throw new NotPullable();
                }
                checkFieldAccessOnly(moved, correlations);
                correlated.add(moved);
            } else {
                uncorrelated.add(moved);
                subQueries |= hasSubQuery;
            }
        }
        RelNode base = inner.base;
        if (!uncorrelated.isEmpty()) {
            base = LogicalFilter.create(inner.base,
                    RexUtil.composeConjunction(filter.getCluster().getRexBuilder(), uncorrelated),
                    subQueries ? ImmutableSet.copyOf(filter.getVariablesSet()) : ImmutableSet.of());
        }
        return new PulledSubQuery(base, correlated, inner.columns, correlations);
    }

    private static boolean refersTo(RexNode node, Set<CorrelationId> correlations) {
        RelOptUtil.VariableUsedVisitor visitor = new RelOptUtil.VariableUsedVisitor(null);
        node.accept(visitor);
        if (!Collections.disjoint(visitor.variables, correlations)) {
            return true;
        }
        for (RexSubQuery subQuery : subQueries(node)) {
            if (isCorrelated(subQuery.rel, correlations)) {
                return true;
            }
        }
        return false;
    }

    private static List<RexSubQuery> subQueries(RexNode node) {
        List<RexSubQuery> found = new ArrayList<>();
        node.accept(new RexShuttle() {
            @Override
            public RexNode visitSubQuery(RexSubQuery subQuery) {
                found.add(subQuery);
                return super.visitSubQuery(subQuery);
            }
        });
        return found;
    }

    /** Refuses a condition that uses the outer row as a whole rather than its fields. */
    private static void checkFieldAccessOnly(RexNode node, Set<CorrelationId> correlations) {
        node.accept(new RexShuttle() {
            @Override
            public RexNode visitFieldAccess(RexFieldAccess fieldAccess) {
                if (fieldAccess.getReferenceExpr() instanceof RexCorrelVariable) {
                    return fieldAccess;
                }
                return super.visitFieldAccess(fieldAccess);
            }

            @Override
            public RexNode visitCorrelVariable(RexCorrelVariable variable) {
                if (correlations.contains(variable.id)) {
                    throw new NotPullable();
                }
                return variable;
            }
        });
    }

    /** {@code expressions} over this sub-query's columns, rewritten over base's fields. */
    private List<RexNode> substitute(List<RexNode> expressions) {
        RexShuttle shuttle = new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return columns.get(ref.getIndex());
            }
        };
        return new ArrayList<>(shuttle.apply(expressions));
    }

    /** The correlating conditions in a join of {@code outer} (its {@code width} fields first) with base. */
    List<RexNode> conditions(RelNode outer, int width) {
        return inJoin(correlated, outer, width);
    }

    /** The sub-query's columns in a join of {@code outer} (its {@code width} fields first) with base. */
    List<RexNode> outputs(RelNode outer, int width) {
        return inJoin(columns, outer, width);
    }

    /**
     * {@code expressions} over base's fields and the outer row, in a join of {@code outer} (its {@code width} fields
     * first) with base.
     */
    List<RexNode> inJoin(List<RexNode> expressions, RelNode outer, int width) {
        RexShuttle shuttle = new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return new RexInputRef(ref.getIndex() + width, ref.getType());
            }

            @Override
            public RexNode visitFieldAccess(RexFieldAccess fieldAccess) {
                if (fieldAccess.getReferenceExpr() instanceof RexCorrelVariable variable
                        && correlations.contains(variable.id)) {
                    int index = fieldAccess.getField().getIndex();
                    return new RexInputRef(index, outer.getRowType().getFieldList().get(index).getType());
                }
                return super.visitFieldAccess(fieldAccess);
            }
        };
        return new ArrayList<>(shuttle.apply(expressions));
    }

    /** Thrown inside the pull when a part of the sub-query keeps it from being taken apart. */
    private static final class NotPullable extends RuntimeException {
        NotPullable() {
            super(null, null, false, false);
        }
    }
}
