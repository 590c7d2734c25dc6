package io.glaux.sql;

import io.glaux.sql.function.CastToVarchar;
import io.glaux.sql.function.ZonedCasts;
import io.glaux.sql.function.NanComparison;
import io.glaux.sql.function.TryFunction;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.EnumSet;
import java.util.Set;

/**
 * Calcite's conversions of SQL calls to row expressions, except that a CAST to varchar prints the value as Trino
 * does ({@link CastToVarchar}), and casts to and from timestamp with time zone work on its values ({@link ZonedCasts}). The rewrite must happen here, while the SQL is converted: the standard conversion
 * folds a cast of a literal ({@code CAST(true AS varchar)}) into a literal of Calcite's text at once. Implicit casts
 * the validator inserts (string concatenation of a number) are CAST calls too, so they are covered.
 *
 * <p>{@code try(expr)} converts its operand to a lambda ({@link TryFunction#convert}) so that it is evaluated only
 * inside try's handler. A comparison of a real or double with itself also asks whether it is NaN
 * ({@link NanComparison}), before Calcite's simplifier reduces {@code x = x} to {@code x IS NOT NULL}.
 */
final class TrinoConvertlets implements SqlRexConvertletTable {

    static final TrinoConvertlets INSTANCE = new TrinoConvertlets();

    /** Comparisons the simplifier reduces when both sides are the same expression, wrongly so for NaN. */
    private static final Set<SqlKind> NAN_AWARE = EnumSet.of(SqlKind.EQUALS, SqlKind.NOT_EQUALS,
            SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN_OR_EQUAL);

    private TrinoConvertlets() {
    }

    @Override
    public @Nullable SqlRexConvertlet get(SqlCall call) {
        if (TryFunction.isTry(call)) {
            return (cx, tryCall) -> TryFunction.convert(cx.getRexBuilder(), cx.getValidator().getValidatedNodeType(tryCall),
                    cx.convertExpression(tryCall.operand(0)));
        }
        SqlRexConvertlet standard = StandardConvertletTable.INSTANCE.get(call);
        if (standard != null && call.isA(NAN_AWARE)) {
            return (cx, comparison) -> {
                RexNode converted = standard.convertCall(cx, comparison);
                return converted instanceof RexCall c ? NanComparison.rewrite(cx.getRexBuilder(), c) : converted;
            };
        }
        if (call.getKind() != SqlKind.CAST || standard == null) {
            return standard;
        }
        return (cx, cast) -> {
            // Casts Calcite makes while it converts (AVG's SUM/COUNT over a window) were never validated: they keep
            // the standard conversion.
            RelDataType target = cx.getValidator().getValidatedNodeTypeIfKnown(cast);
            RelDataType source = cx.getValidator().getValidatedNodeTypeIfKnown(cast.operand(0));
            if (target != null && source != null && ZonedCasts.rewrites(source, target)) {
                return ZonedCasts.call(cx.getRexBuilder(), target, cx.convertExpression(cast.operand(0)));
            }
            if (target == null || source == null || !CastToVarchar.rewrites(source, target)) {
                return standard.convertCall(cx, cast);
            }
            return CastToVarchar.call(cx.getRexBuilder(), target, cx.convertExpression(cast.operand(0)));
        };
    }
}
