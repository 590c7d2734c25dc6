package io.glaux.sql;

import io.glaux.sql.function.ArrayFunctions;
import io.glaux.sql.function.ArraySubscript;
import io.glaux.sql.function.CharFunctions;
import io.glaux.sql.function.CheckedArithmetic;
import io.glaux.sql.function.CheckedCasts;
import io.glaux.sql.function.FineTimestamps;
import io.glaux.sql.function.JsonCasts;
import io.glaux.sql.function.MapSubscript;
import io.glaux.sql.function.RowComparison;
import io.glaux.sql.function.RowField;
import io.glaux.sql.function.RowKey;
import io.glaux.sql.function.ZonedCasts;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexLambda;
import org.apache.calcite.rex.RexLambdaRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.List;

/**
 * Rewrites a converted plan's expressions where Calcite's run-time semantics differ from Trino's: numeric casts and
 * decimal arithmetic fail on values out of range, and casts of reals and doubles to integers round half away from
 * zero ({@link CheckedCasts}), decimal sums fail past 38 digits and decimal averages keep their type ({@link
 * DecimalAggregates}), integer arithmetic fails on overflow ({@link CheckedArithmetic}), array subscripts past the
 * end and map subscripts of missing keys fail ({@link ArraySubscript}, {@link MapSubscript}), a row parameter's field
 * is read by name ({@link RowField}), zoned timestamps compare their instants and add intervals in their zone ({@link
 * ZonedCasts}) and IN / ANY subqueries match their instants ({@link ZonedSubQueries}), casts of json values read
 * their JSON text ({@link JsonCasts}); {@code ARRAY[]} widened to another array type becomes the empty array of that
 * type ({@link ArrayFunctions#retypeEmptyArray}); a varchar coerced to char(n) is held as one, and LIKE matches a
 * char value padded ({@link CharFunctions#rewrite}); timestamps of more than three fractional digits hold
 * microseconds or nanoseconds, which every operator reads in the unit it expects ({@link FineTimestamps}); row
 * values compare field by field ({@link RowComparison}), and a window partitioned by rows is partitioned by their
 * keys ({@link RowKey}). Subqueries' plans are rewritten alike. It runs once, before optimization, so constant
 * folding evaluates the rewritten expressions and fails as the query would at run time.
 */
final class TrinoSemantics extends RelHomogeneousShuttle {

    /** One rewrite of a call: the call itself when it does not apply. */
    @FunctionalInterface
    private interface CallRewrite {
        RexNode apply(RexBuilder rexBuilder, RexCall call);
    }

    /** Tried in order on every call, innermost first; the first that changes a call wins. */
    private static final List<CallRewrite> REWRITES = List.of(
            FineTimestamps::rewrite,
            CheckedCasts::rewrite,
            CheckedArithmetic::rewrite,
            ArraySubscript::rewrite,
            RowField::rewrite,
            MapSubscript::rewrite,
            ZonedCasts::compareInstants,
            ZonedCasts::intervalArithmetic,
            JsonCasts::rewrite,
            ArrayFunctions::retypeEmptyArray,
            CharFunctions::rewrite);

    private final RexShuttle expressions;

    private TrinoSemantics(RexBuilder rexBuilder) {
        this.expressions = new RexShuttle() {
            /**
             * A lambda parameter of unknown type (an element of {@code ARRAY[]}) is always NULL; as a NULL literal its
             * casts compile ({@code transform(ARRAY[], x -> x + 1)}).
             */
            @Override
            public RexNode visitLambda(RexLambda lambda) {
                RexNode visited = super.visitLambda(lambda);
                return visited instanceof RexLambda l ? RowField.untypeRowParameters(rexBuilder, l) : visited;
            }

            /** A window partitioned by row values is partitioned by their keys, equal when their fields are. */
            @Override
            public RexNode visitOver(RexOver over) {
                RexNode visited = super.visitOver(over);
                return visited instanceof RexOver o ? RowKey.partitionedByKeys(rexBuilder, o) : visited;
            }

            @Override
            public RexNode visitLambdaRef(RexLambdaRef ref) {
                return ref.getType().getSqlTypeName() == SqlTypeName.NULL ? rexBuilder.makeNullLiteral(ref.getType())
                        : ref;
            }

            /** A subquery's own plan is rewritten too; IN and ANY subqueries of zoned values match instants. */
            @Override
            public RexNode visitSubQuery(RexSubQuery subQuery) {
                RexSubQuery visited = (RexSubQuery) super.visitSubQuery(subQuery);
                return ZonedSubQueries.matchInstants(rexBuilder, visited.clone(TrinoSemantics.apply(visited.rel)));
            }

            /** A timestamp literal of more than three fractional digits holds a finer unit than Calcite's. */
            @Override
            public RexNode visitLiteral(RexLiteral literal) {
                return FineTimestamps.literal(rexBuilder, literal);
            }

            @Override
            public RexNode visitCall(RexCall call) {
                if (FineTimestamps.searchesFine(call)) {
                    return RexUtil.expandSearch(rexBuilder, null, call).accept(this);
                }
                // A comparison of rows within AND (OR) became the AND (OR) of its fields': Calcite wants them flat.
                RexNode visited = RexUtil.flatten(rexBuilder, super.visitCall(call));
                if (!(visited instanceof RexCall c)) {
                    return visited;
                }
                if (RowComparison.comparesRows(c)) {
                    return RowComparison.expand(rexBuilder, c).accept(this);
                }
                for (CallRewrite rewrite : REWRITES) {
                    RexNode rewritten = rewrite.apply(rexBuilder, c);
                    if (rewritten != c) {
                        return rewritten;
                    }
                }
                return c;
            }
        };
    }

    static RelNode apply(RelNode rel) {
        return rel.accept(new TrinoSemantics(rel.getCluster().getRexBuilder()));
    }

    @Override
    public RelNode visit(RelNode other) {
        return DecimalAggregates.rewrite(ZonedGrouping.rewrite(
                FineTimestamps.rewrite(super.visit(other)).accept(expressions)));
    }
}
