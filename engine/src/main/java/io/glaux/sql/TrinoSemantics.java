package io.glaux.sql;

import io.glaux.sql.function.ArrayFunctions;
import io.glaux.sql.function.ArraySubscript;
import io.glaux.sql.function.CheckedArithmetic;
import io.glaux.sql.function.JsonCasts;
import io.glaux.sql.function.MapSubscript;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * Rewrites a converted plan's expressions where Calcite's run-time semantics differ from Trino's: casts of
 * approximate numbers to integers round ({@link TrinoCastRounding}), integer arithmetic fails on overflow
 * ({@link CheckedArithmetic}), array subscripts past the end and map subscripts of missing keys fail
 * ({@link ArraySubscript}, {@link MapSubscript}), casts of json values read their JSON text ({@link JsonCasts});
 * {@code ARRAY[]} widened to another array type becomes the empty
 * array of that type ({@link ArrayFunctions#retypeEmptyArray}). It runs once, before optimization, so constant
 * folding evaluates the rewritten expressions and fails as the query would at run time.
 */
final class TrinoSemantics extends RelHomogeneousShuttle {

    private final RexShuttle expressions;

    private TrinoSemantics(RexBuilder rexBuilder) {
        this.expressions = new RexShuttle() {
            @Override
            public RexNode visitCall(RexCall call) {
                RexNode visited = super.visitCall(call);
                if (!(visited instanceof RexCall c)) {
                    return visited;
                }
                RexNode rounded = TrinoCastRounding.rewrite(rexBuilder, c);
                if (rounded != c) {
                    return rounded;
                }
                RexNode checked = CheckedArithmetic.rewrite(rexBuilder, c);
                if (checked != c) {
                    return checked;
                }
                RexNode subscript = ArraySubscript.rewrite(rexBuilder, c);
                if (subscript != c) {
                    return subscript;
                }
                RexNode mapSubscript = MapSubscript.rewrite(rexBuilder, c);
                if (mapSubscript != c) {
                    return mapSubscript;
                }
                RexNode fromJson = JsonCasts.rewrite(rexBuilder, c);
                return fromJson != c ? fromJson : ArrayFunctions.retypeEmptyArray(rexBuilder, c);
            }
        };
    }

    static RelNode apply(RelNode rel) {
        return rel.accept(new TrinoSemantics(rel.getCluster().getRexBuilder()));
    }

    @Override
    public RelNode visit(RelNode other) {
        return super.visit(other).accept(expressions);
    }
}
