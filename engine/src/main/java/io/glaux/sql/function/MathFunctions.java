package io.glaux.sql.function;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.glaux.sql.function.Arg.ARRAY;
import static io.glaux.sql.function.Arg.BIGINT;
import static io.glaux.sql.function.Arg.DECIMAL;
import static io.glaux.sql.function.Arg.DOUBLE;
import static io.glaux.sql.function.Arg.STRING;

/** Trino's math functions where Calcite's differ (rounding direction, argument order, types) or are missing. */
public final class MathFunctions {
    /** The mean Earth radius Trino measures great circles with, in kilometres. */
    private static final double EARTH_RADIUS_KM = 6371.01;

    private MathFunctions() {
    }

    /** Trino's round(decimal(p, s)) and truncate: decimal(p - s + min(s, 1), 0) and decimal(max(p - s, 1), 0). */
    private static SqlReturnTypeInference decimalScaleZero(boolean roundUp) {
        return b -> {
            RelDataType t = b.getOperandType(0);
            int p = t.getPrecision() - t.getScale() + (roundUp ? Math.min(t.getScale(), 1) : 0);
            return b.getTypeFactory().createSqlType(SqlTypeName.DECIMAL, Math.max(p, 1), 0);
        };
    }

    /** Declares the math functions and the Trino names bound to them. */
    static void declare(FunctionRegistry.Builder r) {
        Class<?> m = MathFunctions.class;
        r.define(GlauxFunction.strict("round", false,
                Signature.of(m, "round", ReturnTypes.ARG0, BIGINT),
                Signature.of(m, "round", decimalScaleZero(true), DECIMAL),
                Signature.of(m, "round", Returns.DOUBLE, DOUBLE),
                Signature.of(m, "round", ReturnTypes.ARG0, BIGINT, BIGINT),
                Signature.of(m, "round", ReturnTypes.ARG0, DECIMAL, BIGINT),
                Signature.of(m, "round", Returns.DOUBLE, DOUBLE, BIGINT)));
        r.define(GlauxFunction.strict("truncate", false,
                Signature.of(m, "truncate", ReturnTypes.ARG0, BIGINT),
                Signature.of(m, "truncate", decimalScaleZero(false), DECIMAL),
                Signature.of(m, "truncate", Returns.DOUBLE, DOUBLE),
                Signature.of(m, "truncate", ReturnTypes.ARG0, DECIMAL, BIGINT),
                Signature.of(m, "truncate", Returns.DOUBLE, DOUBLE, BIGINT)));
        r.define(GlauxFunction.strict("mod", false,
                Signature.of(m, "mod", ReturnTypes.LEAST_RESTRICTIVE, BIGINT, BIGINT),
                Signature.of(m, "mod", Returns.DOUBLE, DOUBLE, DOUBLE)));
        r.define(GlauxFunction.strict("log", false, Signature.of(m, "log", Returns.DOUBLE, DOUBLE, DOUBLE)));
        r.define(GlauxFunction.strict("log2", false, Signature.of(m, "log2", Returns.DOUBLE, DOUBLE)));
        r.define(GlauxFunction.strict("log10", false, Signature.of(m, "log10", Returns.DOUBLE, DOUBLE)));
        r.define(GlauxFunction.strict("nan", false, Signature.of(m, "nan", Returns.DOUBLE)));
        r.define(GlauxFunction.strict("infinity", false, Signature.of(m, "infinity", Returns.DOUBLE)));
        r.define(GlauxFunction.strict("e", false, Signature.of(m, "e", Returns.DOUBLE)));
        r.define(GlauxFunction.strict("pi", false, Signature.of(m, "pi", Returns.DOUBLE)));
        r.define(GlauxFunction.strict("is_nan", false, Signature.of(m, "isNan", Returns.BOOLEAN, DOUBLE)));
        r.define(GlauxFunction.strict("is_finite", false, Signature.of(m, "isFinite", Returns.BOOLEAN, DOUBLE)));
        r.define(GlauxFunction.strict("is_infinite", false, Signature.of(m, "isInfinite", Returns.BOOLEAN, DOUBLE)));
        r.define(GlauxFunction.nonDeterministic("random",
                Signature.of(m, "random", Returns.DOUBLE), Signature.of(m, "random", ReturnTypes.ARG0, BIGINT)),
                "rand");
        r.define(GlauxFunction.strict("cosh", false, Signature.of(m, "cosh", Returns.DOUBLE, DOUBLE)));
        r.define(GlauxFunction.strict("tanh", false, Signature.of(m, "tanh", Returns.DOUBLE, DOUBLE)));
        r.define(GlauxFunction.strict("width_bucket", false,
                Signature.of(m, "widthBucket", Returns.BIGINT, DOUBLE, DOUBLE, DOUBLE, BIGINT),
                Signature.of(m, "widthBucket", Returns.BIGINT, DOUBLE, ARRAY)));
        r.define(GlauxFunction.strict("from_base", false,
                Signature.of(m, "fromBase", Returns.BIGINT, STRING, BIGINT)));
        r.define(GlauxFunction.strict("to_base", false, Signature.of(m, "toBase", Returns.VARCHAR, BIGINT, BIGINT)));
        r.define(GlauxFunction.strict("great_circle_distance", false,
                Signature.of(m, "greatCircleDistance", Returns.DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE)));
        r.bindTo(SqlStdOperatorTable.ABS, "abs");
        r.bindTo(SqlStdOperatorTable.SQRT, "sqrt");
        r.bindTo(SqlStdOperatorTable.CBRT, "cbrt");
        r.bindTo(SqlStdOperatorTable.LN, "ln");
        r.bindTo(SqlStdOperatorTable.EXP, "exp");
        r.bindTo(SqlStdOperatorTable.POWER, "pow");
        r.bindTo(SqlStdOperatorTable.POWER, "power");
        r.bindTo(SqlStdOperatorTable.SIGN, "sign");
        r.bindTo(SqlStdOperatorTable.DEGREES, "degrees");
        r.bindTo(SqlStdOperatorTable.RADIANS, "radians");
    }

    // ---- round: half away from zero

    public static long round(long x) {
        return x;
    }

    public static long round(long x, long digits) {
        if (digits >= 0) {
            return x;
        }
        if (digits < -18) {
            return 0;
        }
        long factor = (long) Math.pow(10, -digits);
        long rounded = Math.abs(x) / factor * factor;
        if (Math.abs(x) % factor * 2 >= factor) {
            rounded = Math.addExact(rounded, factor);
        }
        return x < 0 ? -rounded : rounded;
    }

    public static BigDecimal round(BigDecimal x) {
        return x.setScale(0, RoundingMode.HALF_UP);
    }

    public static BigDecimal round(BigDecimal x, long digits) {
        if (digits >= x.scale()) {
            return x;
        }
        return x.setScale((int) Math.max(digits, -x.precision() - 1), RoundingMode.HALF_UP).setScale(x.scale(),
                RoundingMode.UNNECESSARY);
    }

    public static double round(double x) {
        return round(x, 0);
    }

    public static double round(double x, long digits) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        double factor = Math.pow(10, digits);
        double scaled = Math.abs(x) * factor;
        if (scaled >= 0x1p52) {
            return x; // no fractional part left at this scale
        }
        double rounded = Math.floor(scaled + 0.5) / factor;
        return x < 0 ? -rounded : rounded;
    }

    // ---- truncate: toward zero

    public static long truncate(long x) {
        return x;
    }

    public static BigDecimal truncate(BigDecimal x) {
        return x.setScale(0, RoundingMode.DOWN);
    }

    public static BigDecimal truncate(BigDecimal x, long digits) {
        if (digits >= x.scale()) {
            return x;
        }
        return x.setScale((int) Math.max(digits, -x.precision() - 1), RoundingMode.DOWN).setScale(x.scale(),
                RoundingMode.UNNECESSARY);
    }

    public static double truncate(double x) {
        return x < 0 ? Math.ceil(x) : Math.floor(x);
    }

    public static double truncate(double x, long digits) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        return BigDecimal.valueOf(x).setScale((int) Math.max(Math.min(digits, 400), -400), RoundingMode.DOWN)
                .doubleValue();
    }

    // ---- mod: sign of the dividend

    public static long mod(long a, long b) {
        if (b == 0) {
            throw FunctionErrors.divisionByZero();
        }
        return a % b;
    }

    public static double mod(double a, double b) {
        return a % b;
    }

    // ---- logarithms and constants

    /** log(b, x): the logarithm of x in base b (Trino's argument order). */
    public static double log(double base, double x) {
        return Math.log(x) / Math.log(base);
    }

    /** Math.log10 (exact for powers of ten; Calcite's LOG10 divides natural logarithms). */
    public static double log10(double x) {
        return Math.log10(x);
    }

    public static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    public static double nan() {
        return Double.NaN;
    }

    public static double infinity() {
        return Double.POSITIVE_INFINITY;
    }

    public static double e() {
        return Math.E;
    }

    public static double pi() {
        return Math.PI;
    }

    public static boolean isNan(double x) {
        return Double.isNaN(x);
    }

    public static boolean isFinite(double x) {
        return Double.isFinite(x);
    }

    public static boolean isInfinite(double x) {
        return Double.isInfinite(x);
    }

    // ---- random numbers

    public static double random() {
        return ThreadLocalRandom.current().nextDouble();
    }

    /** random(n): an integer from 0 to n - 1. */
    public static long random(long bound) {
        if (bound <= 0) {
            throw FunctionErrors.invalidArgument("bound must be positive");
        }
        return ThreadLocalRandom.current().nextLong(bound);
    }

    // ---- hyperbolic functions

    public static double cosh(double x) {
        return Math.cosh(x);
    }

    public static double tanh(double x) {
        return Math.tanh(x);
    }

    // ---- buckets

    /**
     * width_bucket(x, bound1, bound2, n): the bucket (1..n) of x among n equal-width buckets between the bounds
     * (which may be descending); 0 before the first bound, n + 1 from the second on.
     */
    public static long widthBucket(double x, double bound1, double bound2, long bucketCount) {
        check(bucketCount > 0, "bucketCount must be greater than 0");
        check(!Double.isNaN(x), "operand must not be NaN");
        check(Double.isFinite(bound1), "first bound must be finite");
        check(Double.isFinite(bound2), "second bound must be finite");
        check(bound1 != bound2, "bounds cannot equal each other");
        double lower = Math.min(bound1, bound2);
        double upper = Math.max(bound1, bound2);
        boolean ascending = bound1 < bound2;
        if (ascending ? x < lower : x > upper) {
            return 0;
        }
        if (ascending ? x >= upper : x <= lower) {
            return Math.addExact(bucketCount, 1);
        }
        double offset = ascending ? x - bound1 : bound1 - x;
        return (long) (offset * bucketCount / (upper - lower)) + 1;
    }

    /** width_bucket(x, bins): the number of bins (sorted ascending, finite) that are at most x. */
    public static long widthBucket(double x, List<?> bins) {
        int lower = 0;
        int upper = bins.size();
        while (lower < upper) {
            check(bin(bins, lower) <= bin(bins, upper - 1), "Bin values are not sorted in ascending order");
            int index = (lower + upper) >>> 1;
            double bin = bin(bins, index);
            check(Double.isFinite(bin), "Bin value must be finite, got " + bin);
            if (x < bin) {
                upper = index;
            } else {
                lower = index + 1;
            }
        }
        return lower;
    }

    private static double bin(List<?> bins, int index) {
        Object bin = bins.get(index);
        check(bin != null, "Bin values cannot be NULL");
        return ((Number) bin).doubleValue();
    }

    // ---- bases

    /** from_base(s, radix): the BIGINT the digits of s stand for in the radix (2 to 36). */
    public static long fromBase(String s, long radix) {
        checkRadix(radix);
        try {
            return Long.parseLong(s, (int) radix);
        } catch (NumberFormatException e) {
            throw FunctionErrors.invalidArgument("Not a valid base-" + radix + " number: " + s);
        }
    }

    /** to_base(x, radix): x's digits in the radix (2 to 36), lower case, '-' for negatives. */
    public static String toBase(long x, long radix) {
        checkRadix(radix);
        return Long.toString(x, (int) radix);
    }

    private static void checkRadix(long radix) {
        check(radix >= Character.MIN_RADIX && radix <= Character.MAX_RADIX, "Radix must be between "
                + Character.MIN_RADIX + " and " + Character.MAX_RADIX);
    }

    // ---- geography

    /** The great-circle distance in kilometres between two points given in degrees (latitude, longitude). */
    public static double greatCircleDistance(double latitude1, double longitude1, double latitude2,
            double longitude2) {
        checkLatitude(latitude1);
        checkLongitude(longitude1);
        checkLatitude(latitude2);
        checkLongitude(longitude2);
        double phi1 = Math.toRadians(latitude1);
        double phi2 = Math.toRadians(latitude2);
        double deltaLambda = Math.toRadians(longitude1) - Math.toRadians(longitude2);
        double sin1 = Math.sin(phi1);
        double cos1 = Math.cos(phi1);
        double sin2 = Math.sin(phi2);
        double cos2 = Math.cos(phi2);
        double cosDelta = Math.cos(deltaLambda);
        // Vincenty's formula for a sphere: well conditioned for near and antipodal points alike.
        double y1 = cos2 * Math.sin(deltaLambda);
        double y2 = cos1 * sin2 - sin1 * cos2 * cosDelta;
        double x = sin1 * sin2 + cos1 * cos2 * cosDelta;
        return Math.atan2(Math.sqrt(y1 * y1 + y2 * y2), x) * EARTH_RADIUS_KM;
    }

    private static void checkLatitude(double latitude) {
        check(latitude >= -90 && latitude <= 90, "Latitude must be between -90 and 90");
    }

    private static void checkLongitude(double longitude) {
        check(longitude >= -180 && longitude <= 180, "Longitude must be between -180 and 180");
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw FunctionErrors.invalidArgument(message);
        }
    }
}
