package io.glaux.sql.function;

import io.glaux.format.ZonedTimestamp;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.List;
import java.util.Set;

/**
 * A cast to {@code timestamp(p)}, {@code timestamp(p) with time zone} or {@code time(p)} with fewer than three
 * fractional digits rounds the value half up to p digits, as Trino's does ({@code CAST(TIMESTAMP '2020-01-01
 * 00:00:00.567' AS timestamp(0))} is {@code 2020-01-01 00:00:01}; {@code CAST(TIME '23:59:59.5' AS time(0))} wraps
 * to {@code 00:00:00}); Calcite's truncates. Glaux keeps datetime values in milliseconds: the cast becomes a cast to
 * precision 3 followed by this rounding.
 */
public final class FractionRounding {

    private static final int MILLIS_DIGITS = 3;
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final Set<SqlTypeName> ROUNDED = Set.of(SqlTypeName.TIMESTAMP, SqlTypeName.TIMESTAMP_TZ,
            SqlTypeName.TIME);

    private static final SqlOperator ROUND = new PlannedOperator("$round_fraction", ReturnTypes.ARG0,
            FractionRounding.class, "round", FractionRounding::parameters);

    private FractionRounding() {
    }

    /**
     * Whether a cast from {@code source} to {@code target} must round: the target keeps fewer than three fractional
     * digits and the source may have more (a string, or a time or timestamp of a higher precision).
     */
    public static boolean rounds(RelDataType source, RelDataType target) {
        if (!ROUNDED.contains(target.getSqlTypeName()) || target.getPrecision() >= MILLIS_DIGITS) {
            return false;
        }
        return switch (source.getSqlTypeName()) {
            case CHAR, VARCHAR -> true;
            case TIMESTAMP, TIMESTAMP_TZ, TIME -> source.getPrecision() > target.getPrecision();
            default -> false;
        };
    }

    /** {@code target} with millisecond precision: the type the value is cast to before it is rounded. */
    public static RelDataType milliseconds(RelDataTypeFactory typeFactory, RelDataType target) {
        return typeFactory.createTypeWithNullability(
                typeFactory.createSqlType(target.getSqlTypeName(), MILLIS_DIGITS), target.isNullable());
    }

    /** {@code value} (of {@link #milliseconds}'s type) rounded to {@code target}'s precision. */
    public static RexNode round(RexBuilder rexBuilder, RelDataType target, RexNode value) {
        int factor = (int) Math.pow(10, MILLIS_DIGITS - target.getPrecision());
        return rexBuilder.makeCall(target, ROUND, List.of(value,
                rexBuilder.makeLiteral(factor, rexBuilder.getTypeFactory().createSqlType(SqlTypeName.INTEGER)),
                rexBuilder.makeLiteral(target.getSqlTypeName().name())));
    }

    /** A timestamp (milliseconds), a zoned timestamp (packed) or a time of day (milliseconds) rounded to factor ms. */
    public static long round(long value, int factor, String kind) {
        return switch (kind) {
            case "TIMESTAMP_TZ" -> ZonedTimestamp.pack(roundHalfUp(ZonedTimestamp.millis(value), factor),
                    ZonedTimestamp.zoneKey(value));
            case "TIME" -> Math.floorMod(roundHalfUp(value, factor), MILLIS_PER_DAY);
            default -> roundHalfUp(value, factor);
        };
    }

    /** A time of day as Calcite holds it: milliseconds in an int. */
    public static int round(int millisOfDay, int factor, String kind) {
        return (int) round((long) millisOfDay, factor, kind);
    }

    private static long roundHalfUp(long millis, int factor) {
        return Math.floorDiv(millis + factor / 2, factor) * factor;
    }

    private static Class<?>[] parameters(RexCall call) {
        Class<?> value = call.getOperands().get(0).getType().getSqlTypeName() == SqlTypeName.TIME ? int.class
                : long.class;
        return new Class<?>[] {value, int.class, String.class};
    }
}
