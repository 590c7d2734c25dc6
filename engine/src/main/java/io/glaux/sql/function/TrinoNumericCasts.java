package io.glaux.sql.function;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Numeric casts and decimal results as Trino checks them: a value the target type cannot hold fails in Trino's words
 * instead of wrapping around or failing inside Calcite. Integer to a narrower integer and double to tinyint or
 * smallint: NUMERIC_VALUE_OUT_OF_RANGE {@code Out of range for tinyint: 300}; double or real to integer or bigint:
 * INVALID_CAST_ARGUMENT {@code Unable to cast 1.0E20 to bigint}; to a decimal too narrow: INVALID_CAST_ARGUMENT
 * {@code Cannot cast DECIMAL(6, 1) '12345.6' to DECIMAL(4, 1)}; decimal arithmetic past the result's precision:
 * NUMERIC_VALUE_OUT_OF_RANGE {@code Decimal overflow}. Approximate numbers round half away from zero. Generated code
 * calls these methods; {@link CheckedCasts} puts them in the plan.
 */
public final class TrinoNumericCasts {

    /** 10^p for each decimal precision p up to 38, the bound {@link #checkDecimal} compares with. */
    private static final BigInteger[] TEN_TO = new BigInteger[39];

    static {
        TEN_TO[0] = BigInteger.ONE;
        for (int p = 1; p < TEN_TO.length; p++) {
            TEN_TO[p] = TEN_TO[p - 1].multiply(BigInteger.TEN);
        }
    }
    private TrinoNumericCasts() {
    }

    public static byte toTinyint(long value) {
        return (byte) inRange(value, Byte.MIN_VALUE, Byte.MAX_VALUE, "tinyint", value);
    }

    public static short toSmallint(long value) {
        return (short) inRange(value, Short.MIN_VALUE, Short.MAX_VALUE, "smallint", value);
    }

    public static int toInteger(long value) {
        return (int) inRange(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer", value);
    }

    public static byte toTinyint(double value) {
        return (byte) inRange((long) rounded(value), Byte.MIN_VALUE, Byte.MAX_VALUE, "tinyint", value);
    }

    public static short toSmallint(double value) {
        return (short) inRange((long) rounded(value), Short.MIN_VALUE, Short.MAX_VALUE, "smallint", value);
    }

    public static int toInteger(double value) {
        return (int) exactly(rounded(value), Integer.MIN_VALUE, Integer.MAX_VALUE, "integer", String.valueOf(value));
    }

    public static long toBigint(double value) {
        return exactly(rounded(value), Long.MIN_VALUE, Long.MAX_VALUE, "bigint", String.valueOf(value));
    }

    public static byte toTinyint(float value) {
        return toTinyint((double) value);
    }

    public static short toSmallint(float value) {
        return toSmallint((double) value);
    }

    public static int toInteger(float value) {
        return (int) exactly(rounded(value), Integer.MIN_VALUE, Integer.MAX_VALUE, "integer", String.valueOf(value));
    }

    public static long toBigint(float value) {
        return exactly(rounded(value), Long.MIN_VALUE, Long.MAX_VALUE, "bigint", String.valueOf(value));
    }

    /**
     * {@code value} of type {@code source} (its Trino name in capitals, e.g. {@code DECIMAL(6, 1)} or
     * {@code INTEGER}) as a decimal(precision, scale), rounded half up, or INVALID_CAST_ARGUMENT if it has too many
     * integer digits.
     */
    public static BigDecimal toDecimal(BigDecimal value, String source, int precision, int scale) {
        BigDecimal result = value.setScale(scale, RoundingMode.HALF_UP);
        if (result.precision() - result.scale() > precision - scale && result.signum() != 0) {
            throw FunctionErrors.invalidCast("Cannot cast " + source + " '" + value.toPlainString() + "' to DECIMAL("
                    + precision + ", " + scale + ")");
        }
        return result;
    }

    /**
     * A decimal of precision {@code sourcePrecision} as an integer type ({@code TINYINT} .. {@code BIGINT}, at most
     * {@code max}), rounded half up, or INVALID_CAST_ARGUMENT naming the rounded value (Trino names the decimal
     * itself when its precision is above 18).
     */
    public static long decimalToInteger(BigDecimal value, int sourcePrecision, String type, long max) {
        BigDecimal rounded = value.setScale(0, RoundingMode.HALF_UP);
        if (rounded.compareTo(BigDecimal.valueOf(max)) > 0 || rounded.compareTo(BigDecimal.valueOf(-max - 1)) < 0) {
            throw FunctionErrors.invalidCast("Cannot cast '" + (sourcePrecision > 18 ? value : rounded).toPlainString()
                    + "' to " + type);
        }
        return rounded.longValueExact();
    }

    /**
     * A decimal average: {@code sum / count} at {@code scale} digits, rounded half up, exactly; it fits
     * decimal({@code precision}, scale), the average's type, as an average of values of that type does.
     */
    public static BigDecimal average(BigDecimal sum, long count, int scale, int precision) {
        return checkDecimal(sum.divide(BigDecimal.valueOf(count), scale, RoundingMode.HALF_UP), precision);
    }

    /** An arithmetic result of type decimal(precision, s), or NUMERIC_VALUE_OUT_OF_RANGE if it needs more digits. */
    public static BigDecimal checkDecimal(BigDecimal value, int precision) {
        BigInteger bound = precision < TEN_TO.length ? TEN_TO[precision] : BigInteger.TEN.pow(precision);
        if (value.unscaledValue().abs().compareTo(bound) >= 0) {
            throw FunctionErrors.numericValueOutOfRange("Decimal overflow");
        }
        return value;
    }

    private static long inRange(long value, long min, long max, String type, Object text) {
        if (value < min || value > max) {
            throw FunctionErrors.numericValueOutOfRange("Out of range for " + type + ": " + text);
        }
        return value;
    }

    private static long exactly(double rounded, long min, long max, String type, String text) {
        // (double) Long.MAX_VALUE is 2^63, just past the range.
        if (Double.isNaN(rounded) || rounded < min || rounded >= (double) max + 1) {
            throw FunctionErrors.invalidCast("Unable to cast " + text + " to " + type);
        }
        return (long) rounded;
    }

    /** Half away from zero, as Trino rounds a double cast to an integer type; NaN and infinities stay. */
    private static double rounded(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        return new BigDecimal(value).setScale(0, RoundingMode.HALF_UP).doubleValue();
    }
}
