package io.glaux.sql.vector;

/** The expression kernels: column reads, constants and arithmetic over whole selections. */
public final class Expressions {

    /** Integer arithmetic operators. */
    public enum Arithmetic { PLUS, MINUS, TIMES, NEGATE }

    /** Builds the error of a row whose result left its range, from the operands (NEGATE: {@code right} is 0). */
    @FunctionalInterface
    public interface OverflowError {
        RuntimeException of(Arithmetic operator, long left, long right);
    }

    /**
     * The range an integer result must stay in. A row outside it, or whose result does not fit a long, fails with
     * {@link #error()}, unless the row is NULL. {@link #UNCHECKED} is for results the caller has proven to fit.
     */
    public record Range(long min, long max, OverflowError error) {
        public static final Range UNCHECKED = new Range(Long.MIN_VALUE, Long.MAX_VALUE, null);

        boolean checked() {
            return error != null;
        }
    }

    private Expressions() {
    }

    public static LongExpression longColumn(int column) {
        return (batch, rows, count, out, nulls) -> {
            ColumnView view = batch.column(column);
            view.readLongs(rows, count, out);
            return view.readNulls(rows, count, nulls);
        };
    }

    public static LongExpression longConstant(long value) {
        return (batch, rows, count, out, nulls) -> {
            java.util.Arrays.fill(out, 0, count, value);
            return false;
        };
    }

    /** {@code value * factor}, exactly (decimal rescaling). */
    public static LongExpression rescale(LongExpression input, long factor) {
        return (batch, rows, count, out, nulls) -> {
            boolean anyNull = input.evaluate(batch, rows, count, out, nulls);
            for (int i = 0; i < count; i++) {
                out[i] = Math.multiplyExact(out[i], factor);
            }
            return anyNull;
        };
    }

    public static LongExpression negate(LongExpression input, Range range) {
        return (batch, rows, count, out, nulls) -> {
            boolean anyNull = input.evaluate(batch, rows, count, out, nulls);
            for (int i = 0; i < count; i++) {
                long value = out[i];
                if (range.checked() && (value == Long.MIN_VALUE || -value < range.min() || -value > range.max())
                        && !(anyNull && nulls[i])) {
                    throw range.error().of(Arithmetic.NEGATE, value, 0);
                }
                out[i] = -value;
            }
            return anyNull;
        };
    }

    /**
     * {@code left op right}; decimal operands arrive already at the scale the operator needs (the caller rescales
     * them). A result outside {@code range} fails at its row unless the row is NULL, as Trino's checked arithmetic does.
     */
    public static LongExpression arithmetic(Arithmetic operator, LongExpression left, LongExpression right,
                                            Range range) {
        return (batch, rows, count, out, nulls) -> {
            Scratch scratch = batch.scratch();
            long[] rightValues = scratch.borrowLongs();
            boolean[] rightNulls = scratch.borrowFlags();
            try {
                boolean leftNull = left.evaluate(batch, rows, count, out, nulls);
                boolean rightNull = right.evaluate(batch, rows, count, rightValues, rightNulls);
                boolean anyNull = mergeNulls(count, nulls, leftNull, rightNulls, rightNull);
                compute(operator, out, rightValues, out, count, range, anyNull ? nulls : null);
                return anyNull;
            } finally {
                java.util.Arrays.fill(rightNulls, 0, count, false);
                scratch.release(rightNulls);
                scratch.release(rightValues);
            }
        };
    }

    /** {@code input op constant}, or {@code constant op input} when {@code constantFirst}. */
    public static LongExpression arithmetic(Arithmetic operator, LongExpression input, long constant,
                                            boolean constantFirst, Range range) {
        return (batch, rows, count, out, nulls) -> {
            Scratch scratch = batch.scratch();
            long[] constants = scratch.borrowLongs();
            try {
                boolean anyNull = input.evaluate(batch, rows, count, out, nulls);
                java.util.Arrays.fill(constants, 0, count, constant);
                boolean[] nullRows = anyNull ? nulls : null;
                if (constantFirst) {
                    compute(operator, constants, out, out, count, range, nullRows);
                } else {
                    compute(operator, out, constants, out, count, range, nullRows);
                }
                return anyNull;
            } finally {
                scratch.release(constants);
            }
        };
    }

    /**
     * {@code result[i] = left[i] op right[i]} ({@code result} may be either operand). With a checked range, a row
     * whose result overflows a long or leaves the range fails before it is written, unless the row is NULL.
     */
    private static void compute(Arithmetic operator, long[] left, long[] right, long[] result, int count, Range range,
                                boolean[] nulls) {
        if (!range.checked()) {
            for (int i = 0; i < count; i++) {
                result[i] = apply(operator, left[i], right[i]);
            }
            return;
        }
        long min = range.min();
        long max = range.max();
        for (int i = 0; i < count; i++) {
            long a = left[i];
            long b = right[i];
            long r = apply(operator, a, b);
            if ((exceedsLong(operator, a, b, r) | r < min | r > max) && (nulls == null || !nulls[i])) {
                throw range.error().of(operator, a, b);
            }
            result[i] = r;
        }
    }

    private static long apply(Arithmetic operator, long a, long b) {
        return switch (operator) {
            case PLUS -> a + b;
            case MINUS -> a - b;
            case TIMES -> a * b;
            case NEGATE -> throw new IllegalArgumentException("NEGATE is unary");
        };
    }

    /** Whether {@code r}, the wrapped result of {@code a op b}, lost the true result's high bits. */
    private static boolean exceedsLong(Arithmetic operator, long a, long b, long r) {
        return switch (operator) {
            case PLUS -> ((a ^ r) & (b ^ r)) < 0;
            case MINUS -> ((a ^ b) & (a ^ r)) < 0;
            case TIMES -> Math.multiplyHigh(a, b) != (r >> 63);
            case NEGATE -> throw new IllegalArgumentException("NEGATE is unary");
        };
    }

    public static DoubleExpression doubleColumn(int column) {
        return (batch, rows, count, out, nulls) -> {
            ColumnView view = batch.column(column);
            view.readDoubles(rows, count, out);
            return view.readNulls(rows, count, nulls);
        };
    }

    public static DoubleExpression doubleConstant(double value) {
        return (batch, rows, count, out, nulls) -> {
            java.util.Arrays.fill(out, 0, count, value);
            return false;
        };
    }

    /**
     * An integer or decimal expression as a double: {@code value / divisor}, correctly rounded as long as the
     * unscaled value has at most 15 digits (the caller checks the precision).
     */
    public static DoubleExpression toDouble(LongExpression input, double divisor, boolean toFloat) {
        return (batch, rows, count, out, nulls) -> {
            long[] values = batch.scratch().borrowLongs();
            try {
                boolean anyNull = input.evaluate(batch, rows, count, values, nulls);
                for (int i = 0; i < count; i++) {
                    double value = divisor == 1 ? values[i] : values[i] / divisor;
                    out[i] = toFloat ? (float) value : value;
                }
                return anyNull;
            } finally {
                batch.scratch().release(values);
            }
        };
    }

    /** Double arithmetic; {@code toFloat} rounds each result to float, as REAL arithmetic does. */
    public static DoubleExpression arithmetic(char operator, DoubleExpression left, DoubleExpression right,
                                              boolean toFloat) {
        return (batch, rows, count, out, nulls) -> {
            Scratch scratch = batch.scratch();
            double[] rightValues = scratch.borrowDoubles();
            boolean[] rightNulls = scratch.borrowFlags();
            try {
                boolean leftNull = left.evaluate(batch, rows, count, out, nulls);
                boolean rightNull = right.evaluate(batch, rows, count, rightValues, rightNulls);
                for (int i = 0; i < count; i++) {
                    double value = switch (operator) {
                        case '+' -> out[i] + rightValues[i];
                        case '-' -> out[i] - rightValues[i];
                        case '*' -> out[i] * rightValues[i];
                        case '/' -> out[i] / rightValues[i];
                        default -> throw new IllegalArgumentException("operator " + operator);
                    };
                    out[i] = toFloat ? (float) value : value;
                }
                return mergeNulls(count, nulls, leftNull, rightNulls, rightNull);
            } finally {
                java.util.Arrays.fill(rightNulls, 0, count, false);
                scratch.release(rightNulls);
                scratch.release(rightValues);
            }
        };
    }

    public static DoubleExpression negate(DoubleExpression input) {
        return (batch, rows, count, out, nulls) -> {
            boolean anyNull = input.evaluate(batch, rows, count, out, nulls);
            for (int i = 0; i < count; i++) {
                out[i] = -out[i];
            }
            return anyNull;
        };
    }

    /**
     * A double expression as longs that order like the doubles ({@code Double.compare} order: -0.0 before 0.0, NaN
     * last), for MIN/MAX on the long accumulators.
     */
    public static LongExpression sortableBits(DoubleExpression input) {
        return (batch, rows, count, out, nulls) -> {
            double[] values = batch.scratch().borrowDoubles();
            try {
                boolean anyNull = input.evaluate(batch, rows, count, values, nulls);
                for (int i = 0; i < count; i++) {
                    long bits = Double.doubleToLongBits(values[i]);
                    out[i] = bits ^ ((bits >> 63) & Long.MAX_VALUE);
                }
                return anyNull;
            } finally {
                batch.scratch().release(values);
            }
        };
    }

    public static double fromSortableBits(long sortable) {
        return Double.longBitsToDouble(sortable ^ ((sortable >> 63) & Long.MAX_VALUE));
    }

    private static boolean mergeNulls(int count, boolean[] nulls, boolean leftNull, boolean[] rightNulls,
                                      boolean rightNull) {
        if (!rightNull) {
            return leftNull;
        }
        if (!leftNull) {
            System.arraycopy(rightNulls, 0, nulls, 0, count);
        } else {
            for (int i = 0; i < count; i++) {
                nulls[i] |= rightNulls[i];
            }
        }
        return true;
    }
}
