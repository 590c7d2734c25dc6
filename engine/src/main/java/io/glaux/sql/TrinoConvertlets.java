package io.glaux.sql;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.error.TrinoErrorCode;
import io.glaux.sql.function.CastToVarchar;
import io.glaux.sql.function.CharFunctions;
import io.glaux.sql.function.CheckedCasts;
import io.glaux.sql.function.ConcatOperator;
import io.glaux.sql.function.FineTimestamps;
import io.glaux.sql.function.FractionRounding;
import io.glaux.sql.function.ZonedCasts;
import io.glaux.sql.function.NanComparison;
import io.glaux.sql.function.TrinoCharType;
import io.glaux.sql.function.TrinoTypeNames;
import io.glaux.sql.function.TryFunction;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Calcite's conversions of SQL calls to row expressions, except that a CAST to varchar prints the value as Trino
 * does ({@link CastToVarchar}), casts from and to timestamps of more than three fractional digits convert their
 * units ({@link FineTimestamps}), casts to and from timestamp and time with time zone work on their values
 * ({@link ZonedCasts}), a time compared with a time with time zone is cast to one by them too,
 * a cast to a time or timestamp of fewer than three fractional digits rounds ({@link FractionRounding}),
 * and a cast of a real or double to an integer rounds and checks its range ({@link CheckedCasts}). The rewrite must
 * happen here, while the SQL is converted: the standard conversion folds a cast of a literal
 * ({@code CAST(true AS varchar)}, {@code CAST(2.5e0 AS integer)}) into a literal of Calcite's at once. Implicit casts
 * the validator inserts (string concatenation of a number) are CAST calls too, so they are covered.
 *
 * <p>{@code try(expr)} converts its operand to a lambda ({@link TryFunction#convert}) so that it is evaluated only
 * inside try's handler. A comparison of a real or double with itself also asks whether it is NaN
 * ({@link NanComparison}), before Calcite's simplifier reduces {@code x = x} to {@code x IS NOT NULL}.
 */
public final class TrinoConvertlets implements SqlRexConvertletTable {

    public static final TrinoConvertlets INSTANCE = new TrinoConvertlets();

    /** Comparisons the simplifier reduces when both sides are the same expression, wrongly so for NaN. */
    private static final Set<SqlKind> NAN_AWARE = EnumSet.of(SqlKind.EQUALS, SqlKind.NOT_EQUALS,
            SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN_OR_EQUAL);

    private TrinoConvertlets() {
    }

    /**
     * A time with time zone compared with a time or varchar, the other operand cast to time with time zone by
     * {@link ZonedCasts} (Calcite's own cast of a time literal cannot be folded); null for other comparisons.
     */
    private static @Nullable RexNode zonedTimeComparison(SqlRexContext cx, SqlCall comparison) {
        RelDataType left = cx.getValidator().getValidatedNodeTypeIfKnown(comparison.operand(0));
        RelDataType right = cx.getValidator().getValidatedNodeTypeIfKnown(comparison.operand(1));
        if (left == null || right == null || ZonedCasts.isZonedTime(left) == ZonedCasts.isZonedTime(right)) {
            return null;
        }
        RelDataType zoned = ZonedCasts.isZonedTime(left) ? left : right;
        RexBuilder rexBuilder = cx.getRexBuilder();
        List<RexNode> operands = new ArrayList<>();
        for (SqlNode operand : comparison.getOperandList()) {
            RexNode value = cx.convertExpression(operand);
            if (!ZonedCasts.isZonedTime(value.getType())) {
                RelDataType target = rexBuilder.getTypeFactory().createTypeWithNullability(zoned,
                        value.getType().isNullable());
                if (!ZonedCasts.rewrites(value.getType(), target)) {
                    return null;
                }
                value = ZonedCasts.call(rexBuilder, target, value);
            }
            operands.add(value);
        }
        return rexBuilder.makeCall(comparison.getOperator(), operands);
    }

    @Override
    public @Nullable SqlRexConvertlet get(SqlCall call) {
        if (TryFunction.isTry(call)) {
            return (cx, tryCall) -> TryFunction.convert(cx.getRexBuilder(), cx.getValidator().getValidatedNodeType(tryCall),
                    cx.convertExpression(tryCall.operand(0)));
        }
        if (ConcatOperator.is(call)) {
            return (cx, concat) -> ConcatOperator.convert(cx.getRexBuilder(),
                    cx.getValidator().getValidatedNodeType(concat),
                    concat.getOperandList().stream().map(cx::convertExpression).toList());
        }
        SqlRexConvertlet standard = StandardConvertletTable.INSTANCE.get(call);
        if (standard != null && call.isA(SqlKind.BINARY_COMPARISON) && call.operandCount() == 2) {
            SqlRexConvertlet comparison = call.isA(NAN_AWARE) ? (cx, c) -> {
                RexNode converted = standard.convertCall(cx, c);
                return converted instanceof RexCall rc ? NanComparison.rewrite(cx.getRexBuilder(), rc) : converted;
            } : standard;
            return (cx, c) -> {
                RexNode mixed = zonedTimeComparison(cx, c);
                return mixed != null ? mixed : comparison.convertCall(cx, c);
            };
        }
        if (standard != null && call.isA(NAN_AWARE)) {
            return (cx, comparison) -> {
                RexNode converted = standard.convertCall(cx, comparison);
                return converted instanceof RexCall c ? NanComparison.rewrite(cx.getRexBuilder(), c) : converted;
            };
        }
        if (call.getKind() != SqlKind.CAST && call.getKind() != SqlKind.SAFE_CAST || standard == null) {
            return standard;
        }
        return (cx, cast) -> {
            // Casts Calcite makes while it converts (AVG's SUM/COUNT over a window) were never validated: they keep
            // the standard conversion.
            RelDataType target = cx.getValidator().getValidatedNodeTypeIfKnown(cast);
            RelDataType source = cx.getValidator().getValidatedNodeTypeIfKnown(cast.operand(0));
            if (target != null && source != null && FineTimestamps.casts(source, target)) {
                return FineTimestamps.cast(cx.getRexBuilder(), target, cx.convertExpression(cast.operand(0)),
                        cast.getKind() == SqlKind.SAFE_CAST);
            }
            if (target != null && source != null && TrinoCharType.is(source) && !TrinoCharType.is(target)
                    && SqlTypeUtil.isCharacter(target)) {
                return CharFunctions.castToVarchar(cx.getRexBuilder(), target, cx.convertExpression(cast.operand(0)));
            }
            if (target != null && source != null && TrinoCharType.is(target) && !TrinoCharType.is(source)
                    && SqlTypeUtil.isCharacter(source)) {
                return CharFunctions.toChar(cx.getRexBuilder(), target, cx.convertExpression(cast.operand(0)));
            }
            if (target != null && source != null && FractionRounding.rounds(source, target)) {
                // Cast to milliseconds, then round to the target's digits (Calcite's cast would truncate).
                RexBuilder rexBuilder = cx.getRexBuilder();
                RelDataType millis = FractionRounding.milliseconds(rexBuilder.getTypeFactory(), target);
                RexNode operand = cx.convertExpression(cast.operand(0));
                RexNode value = ZonedCasts.rewrites(source, millis) ? ZonedCasts.call(rexBuilder, millis, operand)
                        : SqlTypeUtil.equalSansNullability(source, millis) ? operand
                        : rexBuilder.makeAbstractCast(millis, operand, cast.getKind() == SqlKind.SAFE_CAST);
                return FractionRounding.round(rexBuilder, target, value);
            }
            if (target != null && source != null && ZonedCasts.isZonedTime(source) != ZonedCasts.isZonedTime(target)
                    && !ZonedCasts.rewrites(source, target) && source.getSqlTypeName() != SqlTypeName.NULL) {
                // Glaux's time with time zone casts only to and from varchar and time.
                throw new GlauxException(ErrorType.USER_ERROR, TrinoErrorCode.NOT_SUPPORTED, "Cannot cast "
                        + TrinoTypeNames.of(source) + " to " + TrinoTypeNames.of(target));
            }
            if (target != null && source != null && ZonedCasts.rewrites(source, target)) {
                return ZonedCasts.call(cx.getRexBuilder(), target, cx.convertExpression(cast.operand(0)));
            }
            boolean safe = cast.getKind() == SqlKind.SAFE_CAST;
            if (target != null && source != null && SqlTypeName.APPROX_TYPES.contains(source.getSqlTypeName())
                    && SqlTypeName.INT_TYPES.contains(target.getSqlTypeName())) {
                // Rounded here: the standard conversion, and the simplifier while the plan is built, would fold a
                // literal by truncating (CAST(2.5e0 AS integer) would be 2, not Trino's 3). CAST also checks the
                // range with Trino's errors; TRY_CAST rounds and keeps its NULL for a value out of range.
                RexBuilder rexBuilder = cx.getRexBuilder();
                RexNode operand = cx.convertExpression(cast.operand(0));
                if (safe) {
                    return rexBuilder.makeAbstractCast(target,
                            rexBuilder.makeCall(SqlStdOperatorTable.ROUND, operand), true);
                }
                return CheckedCasts.rewrite(rexBuilder, (RexCall) rexBuilder.makeAbstractCast(target, operand, false));
            }
            if (safe) {
                return standard.convertCall(cx, cast);
            }
            if (target == null || source == null || !CastToVarchar.rewrites(source, target)) {
                return standard.convertCall(cx, cast);
            }
            return CastToVarchar.call(cx.getRexBuilder(), target, cx.convertExpression(cast.operand(0)));
        };
    }
}
