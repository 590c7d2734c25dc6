package io.glaux.sql.function;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

import java.util.ArrayList;
import java.util.List;

import static io.glaux.sql.function.Arg.DATE;
import static io.glaux.sql.function.Arg.STRING;
import static io.glaux.sql.function.Arg.TIMESTAMP;
import static io.glaux.sql.function.Arg.ZONED;
import static io.glaux.sql.function.Arg.ZONED_TIME;

/**
 * Casts to and from {@code timestamp with time zone} and comparisons of zoned values, which Calcite would do on the
 * packed long ({@link io.glaux.format.ZonedTimestamp}) itself: varchar, timestamp (read in the session zone, UTC) and
 * date to zoned; zoned to varchar ({@code 2001-08-22 03:04:05.321 Europe/Paris}), to timestamp and date (its wall
 * clock). Comparisons compare instants: {@code TIMESTAMP '2020-03-08 03:00:00 America/Los_Angeles' = TIMESTAMP
 * '2020-03-08 10:00:00 UTC'} is true. A zoned value plus or minus an interval: a day-to-second interval moves the
 * instant, a year-to-month interval the wall clock in the value's zone (as Trino's operators do). {@code time with
 * time zone} ({@link ZonedTimeFunctions}) casts to and from varchar and time, and compares its instants.
 */
public final class ZonedCasts {

    private static final Class<?> Z = ZonedTimestampFunctions.class;
    /** Not reachable by name from SQL: only these rewrites call them. */
    private static final GlauxFunction TO_ZONED = GlauxFunction.strict("$to_zoned", false,
            Signature.of(Z, "fromVarchar", Returns.ZONED_3, STRING),
            Signature.of(Z, "fromTimestamp", Returns.ZONED_3, TIMESTAMP),
            Signature.of(Z, "fromDate", Returns.ZONED_3, DATE));
    private static final GlauxFunction TO_VARCHAR = GlauxFunction.strict("$zoned_to_varchar", false,
            Signature.withHidden(Z, "toVarchar", Returns.VARCHAR, 1, types -> List.of(types.get(0).getPrecision()),
                    ZONED));
    private static final GlauxFunction TO_TIMESTAMP = GlauxFunction.strict("$zoned_to_timestamp", false,
            Signature.of(Z, "localMillis", Returns.TIMESTAMP_3, ZONED));
    private static final GlauxFunction TO_DATE = GlauxFunction.strict("$zoned_to_date", false,
            Signature.of(Z, "toDate", Returns.DATE, ZONED));
    private static final GlauxFunction INSTANT = GlauxFunction.strict("$zoned_instant", false,
            Signature.of(Z, "instant", Returns.BIGINT, ZONED));
    private static final GlauxFunction PLUS = GlauxFunction.strict("$zoned_plus", false,
            Signature.withHidden(Z, "plusInterval", Returns.ZONED_3, 1,
                    types -> List.of(types.get(1).getSqlTypeName().isYearMonth()), ZONED, Arg.INTERVAL));
    private static final GlauxFunction MINUS = GlauxFunction.strict("$zoned_minus", false,
            Signature.withHidden(Z, "minusInterval", Returns.ZONED_3, 1,
                    types -> List.of(types.get(1).getSqlTypeName().isYearMonth()), ZONED, Arg.INTERVAL));

    private static final Class<?> T = ZonedTimeFunctions.class;
    private static final GlauxFunction TO_ZONED_TIME = GlauxFunction.strict("$to_zoned_time", false,
            Signature.of(T, "fromVarchar", Returns.ZONED_TIME_3, STRING),
            Signature.of(T, "fromTime", Returns.ZONED_TIME_3, Arg.TIME));
    private static final GlauxFunction ZONED_TIME_TO_VARCHAR = GlauxFunction.strict("$zoned_time_to_varchar", false,
            Signature.withHidden(T, "toVarchar", Returns.VARCHAR, 1, types -> List.of(types.get(0).getPrecision()),
                    ZONED_TIME));
    private static final GlauxFunction ZONED_TIME_TO_TIME = GlauxFunction.strict("$zoned_time_to_time", false,
            Signature.of(T, "toTime", Returns.TIME_3, ZONED_TIME));
    private static final GlauxFunction TIME_INSTANT = GlauxFunction.strict("$zoned_time_instant", false,
            Signature.of(T, "instant", Returns.BIGINT, ZONED_TIME));

    private ZonedCasts() {
    }

    /** The function a cast from or to time with time zone becomes, or null if there is none. */
    private static GlauxFunction timeFunction(RelDataType source, RelDataType target) {
        if (isZonedTime(target) && !isZonedTime(source)) {
            return SqlTypeUtil.isCharacter(source) || source.getSqlTypeName() == SqlTypeName.TIME ? TO_ZONED_TIME
                    : null;
        }
        if (isZonedTime(source) && !isZonedTime(target)) {
            return SqlTypeUtil.isCharacter(target) ? ZONED_TIME_TO_VARCHAR
                    : target.getSqlTypeName() == SqlTypeName.TIME ? ZONED_TIME_TO_TIME : null;
        }
        return null;
    }

    /** The function a cast from {@code source} to {@code target} becomes, or null if Calcite's cast is right. */
    private static GlauxFunction function(RelDataType source, RelDataType target) {
        if (isZonedTime(source) || isZonedTime(target)) {
            return timeFunction(source, target);
        }
        boolean fromZoned = isZoned(source);
        if (isZoned(target)) {
            if (fromZoned) {
                return null;
            }
            return SqlTypeUtil.isCharacter(source) || source.getSqlTypeName() == SqlTypeName.TIMESTAMP
                    || source.getSqlTypeName() == SqlTypeName.DATE ? TO_ZONED : null;
        }
        if (!fromZoned) {
            return null;
        }
        if (SqlTypeUtil.isCharacter(target)) {
            return TO_VARCHAR;
        }
        return switch (target.getSqlTypeName()) {
            case TIMESTAMP -> TO_TIMESTAMP;
            case DATE -> TO_DATE;
            default -> null;
        };
    }

    /** Whether a cast from {@code source} to {@code target} is one of the casts above. */
    public static boolean rewrites(RelDataType source, RelDataType target) {
        return function(source, target) != null;
    }

    /** The call that casts {@code operand} to {@code target} (where {@link #rewrites}). */
    public static RexNode call(RexBuilder rexBuilder, RelDataType target, RexNode operand) {
        return rexBuilder.makeCall(target, function(operand.getType(), target), List.of(operand));
    }

    /** A comparison of zoned values as a comparison of their instants; any other call as it is. */
    public static RexNode compareInstants(RexBuilder rexBuilder, RexCall call) {
        if (!call.isA(SqlKind.BINARY_COMPARISON) || call.getOperands().stream()
                .noneMatch(o -> isZoned(o.getType()) || isZonedTime(o.getType()))) {
            return call;
        }
        boolean times = call.getOperands().stream().anyMatch(o -> isZonedTime(o.getType()));
        List<RexNode> instants = new ArrayList<>();
        for (RexNode operand : call.getOperands()) {
            RexNode instant = times ? asTimeInstant(rexBuilder, operand) : asInstant(rexBuilder, operand);
            if (instant == null) {
                return call;
            }
            instants.add(instant);
        }
        return rexBuilder.makeCall(call.getType(), call.getOperator(), instants);
    }

    /**
     * The instant of {@code value} if it is zoned or casts to a zoned value (a timestamp or date, read in the session
     * zone; varchar), or null if it does not.
     */
    public static RexNode asInstant(RexBuilder rexBuilder, RexNode value) {
        if (isZoned(value.getType())) {
            return instant(rexBuilder, value);
        }
        RelDataType zonedType = rexBuilder.getTypeFactory().createTypeWithNullability(
                rexBuilder.getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP_TZ, 3), value.getType().isNullable());
        return rewrites(value.getType(), zonedType) ? instant(rexBuilder, call(rexBuilder, zonedType, value)) : null;
    }

    /**
     * The instant of {@code value} (milliseconds of the day in UTC) if it is a time with time zone or casts to one
     * (a time, at offset +00:00; varchar), or null if it does not: {@code TIME '10:00:00 +02:00' = TIME
     * '08:00:00 +00:00'}, as in Trino.
     */
    private static RexNode asTimeInstant(RexBuilder rexBuilder, RexNode value) {
        RelDataType bigint = rexBuilder.getTypeFactory().createTypeWithNullability(
                rexBuilder.getTypeFactory().createSqlType(SqlTypeName.BIGINT), value.getType().isNullable());
        if (isZonedTime(value.getType())) {
            return rexBuilder.makeCall(bigint, TIME_INSTANT, List.of(value));
        }
        RelDataType zonedTime = rexBuilder.getTypeFactory().createTypeWithNullability(
                ZonedTimeFunctions.type(rexBuilder.getTypeFactory(), ZonedTimeFunctions.PRECISION),
                value.getType().isNullable());
        return rewrites(value.getType(), zonedTime)
                ? rexBuilder.makeCall(bigint, TIME_INSTANT, List.of(call(rexBuilder, zonedTime, value))) : null;
    }

    /**
     * The instant of a zoned value (bigint): milliseconds since the epoch of a timestamp with time zone, milliseconds
     * of the day in UTC of a time with time zone; what Trino compares and hashes.
     */
    public static RexNode instant(RexBuilder rexBuilder, RexNode zoned) {
        RelDataType bigint = rexBuilder.getTypeFactory().createSqlType(SqlTypeName.BIGINT);
        return rexBuilder.makeCall(rexBuilder.getTypeFactory().createTypeWithNullability(bigint,
                zoned.getType().isNullable()), isZonedTime(zoned.getType()) ? TIME_INSTANT : INSTANT, List.of(zoned));
    }

    /** A zoned value plus or minus an interval as {@link ZonedTimestampFunctions}' arithmetic; any other call as is. */
    public static RexNode intervalArithmetic(RexBuilder rexBuilder, RexCall call) {
        if (!call.isA(List.of(SqlKind.PLUS, SqlKind.MINUS)) || call.getOperands().size() != 2
                || !isZoned(call.getType())) {
            return call;
        }
        RexNode left = call.getOperands().get(0);
        RexNode right = call.getOperands().get(1);
        if (isZoned(right.getType()) && SqlTypeUtil.isInterval(left.getType()) && call.isA(SqlKind.PLUS)) {
            return rexBuilder.makeCall(call.getType(), PLUS, List.of(right, left));
        }
        if (!isZoned(left.getType()) || !SqlTypeUtil.isInterval(right.getType())) {
            return call;
        }
        return rexBuilder.makeCall(call.getType(), call.isA(SqlKind.PLUS) ? PLUS : MINUS, List.of(left, right));
    }

    public static boolean isZoned(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.TIMESTAMP_TZ;
    }

    public static boolean isZonedTime(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.TIME_TZ;
    }

    /** A timestamp or time with time zone: values that are equal when their instants are, whatever their zones. */
    public static boolean holdsInstant(RelDataType type) {
        return isZoned(type) || isZonedTime(type);
    }
}
