package io.glaux.sql.function;

import io.glaux.format.FineTimestamp;
import org.apache.calcite.avatica.util.ByteString;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** A value as Trino's cast to varchar prints it, given its SQL type name. */
final class Varchars {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final int MILLIS_DIGITS = 3;

    private Varchars() {
    }

    static String of(Object value, String sqlTypeName) {
        if (sqlTypeName.equals("DATE")) {
            return LocalDate.ofEpochDay(((Number) value).longValue()).toString();
        }
        if (sqlTypeName.startsWith("TIMESTAMP(")) {
            // TIMESTAMP(p): a value in the unit of its precision.
            int precision = Integer.parseInt(sqlTypeName.substring(10, sqlTypeName.length() - 1));
            return FineTimestamp.format(((Number) value).longValue(), Math.max(precision, MILLIS_DIGITS));
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString();
        }
        if (value instanceof ByteString) {
            return ((ByteString) value).toBase64String();
        }
        return value.toString();
    }

    /** {@code true} or {@code false}, lower case (Calcite's cast prints {@code TRUE}). */
    static String bool(boolean value) {
        return Boolean.toString(value);
    }

    /**
     * A decimal with exactly its type's scale and a leading zero ({@code 0.10}, {@code -0.50}); Calcite's cast drops
     * the zero before the point.
     */
    static String decimal(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    /** A double as Java prints it ({@code 1.5}, {@code 1.0E10}, {@code NaN}, {@code Infinity}). */
    static String floating(double value) {
        return Double.toString(value);
    }

    /** A real as Java prints a float, so that {@code REAL '0.1'} is {@code 0.1}, not its double's digits. */
    static String real(double value) {
        return Float.toString((float) value);
    }

    /**
     * A timestamp held as milliseconds with {@code precision} fractional digits (none for timestamp(0); digits past the
     * milliseconds Glaux keeps are zeros).
     */
    static String timestamp(long millis, int precision) {
        String text = SECONDS.format(DateTimeFunctions.dateTime(millis));
        if (precision <= 0) {
            return text;
        }
        String fraction = String.format("%03d", Math.floorMod(millis, 1000L));
        fraction = precision <= MILLIS_DIGITS ? fraction.substring(0, precision)
                : fraction + "0".repeat(precision - MILLIS_DIGITS);
        return text + "." + fraction;
    }
}
