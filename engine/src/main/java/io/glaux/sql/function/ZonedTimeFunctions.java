package io.glaux.sql.function;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.error.TrinoErrorCode;
import io.glaux.format.ZonedTime;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.SqlTypeName;

import static io.glaux.sql.function.Arg.STRING;
import static io.glaux.sql.function.Arg.TIME;

/**
 * {@code time(p) with time zone}, Calcite's TIME_TZ held as the packed {@code long} of {@link ZonedTime}: literals
 * ({@code TIME '10:00:00 +02:00'}, which {@code ParserText} makes a {@code $zoned_time} call), current_time, and the
 * methods of its casts ({@link ZonedCasts}) and instant comparisons.
 */
public final class ZonedTimeFunctions {
    /** The name the parser gives a {@code TIME '... +hh:mm'} literal ({@code ParserText}). */
    public static final String LITERAL = "$zoned_time";

    /** The function that puts a UTC wall clock (the query clock's localtime) at offset +00:00: current_time. */
    static final String UTC_CLOCK = "$utc_time_clock";

    /** Zoned times are typed with millisecond precision where no literal says otherwise. */
    static final int PRECISION = 3;

    private ZonedTimeFunctions() {
    }

    static void declare(FunctionRegistry.Builder r) {
        Class<?> z = ZonedTimeFunctions.class;
        r.define(GlauxFunction.strict(LITERAL, false, Signature.of(z, "literal", ZonedTimeFunctions::literalType,
                STRING)));
        r.define(GlauxFunction.strict(UTC_CLOCK, false, Signature.of(z, "fromTime", Returns.ZONED_TIME_3, TIME)));
    }

    static RelDataType type(RelDataTypeFactory types, int precision) {
        return types.createSqlType(SqlTypeName.TIME_TZ, precision);
    }

    /** A literal's type: {@code time(p) with time zone}, p its count of fractional digits, as in Trino. */
    private static RelDataType literalType(SqlOperatorBinding binding) {
        RelDataTypeFactory types = binding.getTypeFactory();
        int max = types.getTypeSystem().getMaxPrecision(SqlTypeName.TIME_TZ);
        String text = binding.isOperandLiteral(0, false) ? binding.getOperandLiteralValue(0, String.class) : null;
        return type(types, text == null ? PRECISION : ZonedTime.precision(text, max, PRECISION));
    }

    public static long literal(String text) {
        return ZonedTime.parse(text).orElseThrow(() -> new GlauxException(ErrorType.USER_ERROR,
                TrinoErrorCode.INVALID_LITERAL, "'" + text + "' is not a valid time literal"));
    }

    /** CAST(varchar AS time with time zone). */
    public static long fromVarchar(String text) {
        return ZonedTime.parse(text).orElseThrow(() -> new GlauxException(ErrorType.FUNCTION_ERROR,
                TrinoErrorCode.INVALID_CAST_ARGUMENT, "Value cannot be cast to time with time zone: " + text));
    }

    /** CAST(time AS time with time zone): the wall clock at the session zone's offset, +00:00. */
    public static long fromTime(int millisOfDay) {
        return ZonedTime.pack(millisOfDay, 0);
    }

    /** CAST(time with time zone AS time): the wall clock. */
    public static int toTime(long packed) {
        return (int) ZonedTime.localMillis(packed);
    }

    /** CAST(time with time zone AS varchar), with the type's count of fractional digits: {@code 10:00:00.123+02:00}. */
    public static String toVarchar(long packed, int precision) {
        return ZonedTime.format(packed, precision);
    }

    /** The instant, milliseconds of the day in UTC: what comparisons compare. */
    public static long instant(long packed) {
        return ZonedTime.instant(packed);
    }
}
