package io.glaux.sql.stats;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.Sarg;

import java.util.OptionalDouble;
import java.util.function.IntFunction;

/**
 * The share of rows a filter keeps, from what is known of its columns' distinct values. Calcite guesses that an
 * equality keeps 15 % of the rows whatever the column; where a column's distinct values are known (a SPICE
 * dictionary, a Parquet dictionary, a text sample, a key's range), an equality with a constant keeps one value's
 * share of them, an {@code IN} list as many shares as it has values, and {@code <>} and {@code NOT IN} the rest. Every other condition
 * keeps Calcite's guess, and the conditions of a conjunction multiply, as in Calcite.
 */
public final class PredicateSelectivity {

    private PredicateSelectivity() {
    }

    /**
     * The share of rows {@code predicate} keeps (1 for none), where column {@code i} of the rows it reads holds
     * {@code distinct.apply(i)} distinct values, or an empty count when that is not known.
     */
    public static double of(RexNode predicate, IntFunction<OptionalDouble> distinct) {
        if (predicate == null || predicate.isAlwaysTrue()) {
            return 1;
        }
        double selectivity = 1;
        for (RexNode conjunct : RelOptUtil.conjunctions(predicate)) {
            selectivity *= conjunct(conjunct, distinct);
        }
        return selectivity;
    }

    private static double conjunct(RexNode condition, IntFunction<OptionalDouble> distinct) {
        if (condition instanceof RexCall call) {
            if (call.getKind() == SqlKind.EQUALS || call.getKind() == SqlKind.NOT_EQUALS) {
                OptionalDouble values = columnAgainstConstant(call, distinct);
                if (values.isPresent()) {
                    double one = 1 / values.getAsDouble();
                    return call.getKind() == SqlKind.EQUALS ? one : 1 - one;
                }
            } else if (call.getKind() == SqlKind.SEARCH && call.getOperands().get(1) instanceof RexLiteral literal) {
                OptionalDouble values = column(call.getOperands().get(0), distinct);
                Sarg<?> sarg = literal.getValueAs(Sarg.class);
                if (values.isPresent() && sarg != null && sarg.isPoints()) {
                    return Math.min(1, sarg.pointCount / values.getAsDouble());
                }
                if (values.isPresent() && sarg != null && sarg.isComplementedPoints()) {
                    return Math.max(0, 1 - sarg.rangeSet.complement().asRanges().size() / values.getAsDouble());
                }
            }
        }
        return RelMdUtil.guessSelectivity(condition);
    }

    /** The column's distinct values when the call compares a column with a constant, either way round. */
    private static OptionalDouble columnAgainstConstant(RexCall call, IntFunction<OptionalDouble> distinct) {
        RexNode left = call.getOperands().get(0);
        RexNode right = call.getOperands().get(1);
        if (constant(right)) {
            return column(left, distinct);
        }
        if (constant(left)) {
            return column(right, distinct);
        }
        return OptionalDouble.empty();
    }

    /** A column's distinct values, through casts (which keep distinct values distinct, or merge them). */
    private static OptionalDouble column(RexNode node, IntFunction<OptionalDouble> distinct) {
        if (!(uncast(node) instanceof RexInputRef ref)) {
            return OptionalDouble.empty();
        }
        OptionalDouble values = distinct.apply(ref.getIndex());
        return values.isPresent() && values.getAsDouble() >= 1 ? values : OptionalDouble.empty();
    }

    private static boolean constant(RexNode node) {
        return uncast(node) instanceof RexLiteral literal && !literal.isNull();
    }

    /** {@code node} without the casts around it. */
    private static RexNode uncast(RexNode node) {
        RexNode inner = node;
        while (inner.getKind() == SqlKind.CAST) {
            inner = ((RexCall) inner).getOperands().get(0);
        }
        return inner;
    }
}
