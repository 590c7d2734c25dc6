package io.glaux.sql.function;

import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.glaux.sql.function.Arg.DOUBLE;
import static io.glaux.sql.function.Arg.INTERVAL_DAY_TIME;
import static io.glaux.sql.function.Arg.STRING;

/**
 * Trino's functions between durations or data sizes and their human spellings: parse_duration ('3.5s', '5m', ...),
 * to_milliseconds, human_readable_seconds and parse_data_size ('2.3MB', powers of 1024).
 */
public final class UnitFunctions {
    /** A number and a unit, with optional blanks, as Trino (airlift) reads durations and data sizes. */
    private static final Pattern QUANTITY = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]+)\\s*$");
    private static final List<String> DURATION_UNITS = List.of("ns", "us", "ms", "s", "m", "h", "d");
    private static final double[] NANOS_PER_UNIT = {1, 1e3, 1e6, 1e9, 60e9, 3600e9, 86400e9};
    private static final List<String> SIZE_UNITS = List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB");
    private static final String[] TIME_UNITS = {"week", "day", "hour", "minute", "second"};
    private static final long[] SECONDS_PER_TIME_UNIT = {604_800, 86_400, 3_600, 60, 1};

    private UnitFunctions() {
    }

    /** Declares the functions and the Trino names bound to them. */
    static void declare(FunctionRegistry.Builder r) {
        Class<?> u = UnitFunctions.class;
        SqlReturnTypeInference dayToSecond = b -> b.getTypeFactory().createSqlIntervalType(
                new SqlIntervalQualifier(TimeUnit.DAY, TimeUnit.SECOND, SqlParserPos.ZERO));
        r.define(GlauxFunction.strict("parse_duration", false,
                Signature.of(u, "parseDuration", dayToSecond, STRING)));
        r.define(GlauxFunction.strict("to_milliseconds", false,
                Signature.of(u, "toMilliseconds", Returns.BIGINT, INTERVAL_DAY_TIME)));
        r.define(GlauxFunction.strict("human_readable_seconds", false,
                Signature.of(u, "humanReadableSeconds", Returns.VARCHAR, DOUBLE)));
        r.define(GlauxFunction.strict("parse_data_size", false, Signature.of(u, "parseDataSize",
                b -> b.getTypeFactory().createSqlType(SqlTypeName.DECIMAL, 38, 0), STRING)));
    }

    /** parse_duration('42.8ms'): the duration in milliseconds (rounded), units ns, us, ms, s, m, h, d. */
    public static long parseDuration(String text) {
        Matcher m = QUANTITY.matcher(text);
        int unit = m.matches() ? DURATION_UNITS.indexOf(m.group(2)) : -1;
        if (unit < 0) {
            throw FunctionErrors.invalidArgument("duration is not a valid data duration string: " + text);
        }
        double nanos = Double.parseDouble(m.group(1)) * NANOS_PER_UNIT[unit];
        return Math.round(nanos / 1e6);
    }

    /** to_milliseconds(interval): the interval's length in milliseconds. */
    public static long toMilliseconds(long millis) {
        return millis;
    }

    /** human_readable_seconds(96): '1 minute, 36 seconds' — weeks down to seconds, zero parts left out. */
    public static String humanReadableSeconds(double seconds) {
        if (Double.isNaN(seconds)) {
            throw FunctionErrors.invalidArgument("Invalid argument found: NaN");
        }
        if (Double.isInfinite(seconds)) {
            throw FunctionErrors.invalidArgument("Invalid argument found: Infinity");
        }
        long remaining = Math.round(Math.abs(seconds));
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < TIME_UNITS.length; i++) {
            long count = remaining / SECONDS_PER_TIME_UNIT[i];
            remaining %= SECONDS_PER_TIME_UNIT[i];
            if (count > 0) {
                parts.add(count + " " + TIME_UNITS[i] + (count == 1 ? "" : "s"));
            }
        }
        return parts.isEmpty() ? "0 seconds" : String.join(", ", parts);
    }

    /** parse_data_size('2.3MB'): the number of bytes (whole, truncated), units B, kB, MB, ... YB by 1024. */
    public static BigDecimal parseDataSize(String text) {
        Matcher m = QUANTITY.matcher(text);
        int unit = m.matches() ? SIZE_UNITS.indexOf(m.group(2)) : -1;
        if (unit < 0) {
            throw FunctionErrors.invalidArgument("Invalid data size: '" + text + "'");
        }
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(unit));
        return bytes.setScale(0, RoundingMode.DOWN);
    }
}
