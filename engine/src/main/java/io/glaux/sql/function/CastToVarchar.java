package io.glaux.sql.function;

import io.glaux.results.IntervalText;
import io.glaux.results.TimeText;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * CAST to varchar as Trino prints the value, where Calcite's generated cast differs: booleans ({@code true}, not
 * {@code TRUE}), decimals (their scale and a leading zero: {@code 0.10}, not {@code .10}), reals and doubles (Java's
 * shortest text), timestamps (as many fractional digits as the type's precision; Calcite drops them) and intervals
 * ({@code 2 22:00:00.000}, {@code 1-2}, as {@link IntervalText} prints them). The
 * implicit casts of string concatenation ({@code 'a' || 1.5}) are casts too, so they print the same way.
 *
 * <p>Only casts to unbounded varchar are rewritten: a cast to {@code varchar(n)} keeps Calcite's behaviour.
 */
public final class CastToVarchar {

    private static final Set<SqlTypeName> REWRITTEN = EnumSet.of(SqlTypeName.BOOLEAN, SqlTypeName.DECIMAL,
            SqlTypeName.REAL, SqlTypeName.FLOAT, SqlTypeName.DOUBLE, SqlTypeName.TIMESTAMP, SqlTypeName.TIME);

    private static final SqlReturnTypeInference TEXT = ReturnTypes.explicit(SqlTypeName.VARCHAR);

    /** Not reachable by name from SQL: only this rewrite calls it. */
    private static final GlauxFunction FUNCTION = GlauxFunction.strict("$cast_to_varchar", false,
            Signature.of(CastToVarchar.class, "bool", TEXT, Arg.BOOLEAN),
            Signature.withHidden(CastToVarchar.class, "decimal", TEXT, 1,
                    types -> List.of(types.get(0).getScale()), Arg.DECIMAL),
            Signature.withHidden(CastToVarchar.class, "timestamp", TEXT, 1,
                    types -> List.of(types.get(0).getPrecision()), Arg.TIMESTAMP),
            Signature.withHidden(CastToVarchar.class, "time", TEXT, 1,
                    types -> List.of(types.get(0).getPrecision()), Arg.TIME),
            Signature.withHidden(CastToVarchar.class, "floating", TEXT, 1,
                    types -> List.of(types.get(0).getSqlTypeName() == SqlTypeName.DOUBLE), Arg.DOUBLE),
            Signature.withHidden(CastToVarchar.class, "interval", TEXT, 1,
                    types -> List.of(types.get(0).getSqlTypeName().isYearMonth()), Arg.INTERVAL));

    private CastToVarchar() {
    }

    /**
     * Whether a cast from {@code source} to {@code target} prints differently in Trino than in Calcite: the target is
     * an unbounded varchar and the source one of the types above.
     */
    public static boolean rewrites(RelDataType source, RelDataType target) {
        return target.getSqlTypeName() == SqlTypeName.VARCHAR
                && target.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED
                && (REWRITTEN.contains(source.getSqlTypeName())
                || SqlTypeName.INTERVAL_TYPES.contains(source.getSqlTypeName()));
    }

    /** The call that casts {@code operand} to {@code target} as Trino prints it (where {@link #rewrites}). */
    public static RexNode call(RexBuilder rexBuilder, RelDataType target, RexNode operand) {
        return rexBuilder.makeCall(target, FUNCTION, List.of(operand));
    }

    /** An interval: months if {@code yearMonth}, else milliseconds. */
    public static String interval(long value, boolean yearMonth) {
        return yearMonth ? IntervalText.yearToMonth(value) : IntervalText.dayToSecond(value);
    }

    public static String bool(boolean value) {
        return Varchars.bool(value);
    }

    public static String decimal(BigDecimal value, int scale) {
        return Varchars.decimal(value, scale);
    }

    public static String timestamp(long millis, int precision) {
        return Varchars.timestamp(millis, precision);
    }

    public static String time(int millisOfDay, int precision) {
        return TimeText.of(millisOfDay, precision);
    }

    public static String floating(double value, boolean isDouble) {
        return isDouble ? Varchars.floating(value) : Varchars.real(value);
    }
}
