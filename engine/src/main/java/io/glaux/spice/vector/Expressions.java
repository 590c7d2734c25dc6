package io.glaux.spice.vector;

/** The expression kernels: column reads, constants and arithmetic over whole selections. */
public final class Expressions {

    /** Integer arithmetic operators. */
    public enum Arithmetic { PLUS, MINUS, TIMES }

    /** How an integer result is kept: wrapped to its SQL type's width like Java's int arithmetic, or checked. */
    public enum Overflow { WRAP_BYTE, WRAP_SHORT, WRAP_INT, WRAP_LONG, CHECKED }

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

    public static LongExpression negate(LongExpression input, Overflow overflow) {
        return (batch, rows, count, out, nulls) -> {
            boolean anyNull = input.evaluate(batch, rows, count, out, nulls);
            for (int i = 0; i < count; i++) {
                out[i] = overflow == Overflow.CHECKED ? Math.negateExact(out[i]) : wrap(-out[i], overflow);
            }
            return anyNull;
        };
    }

    /**
     * {@code left op right}; decimal operands arrive already at the scale the operator needs (the caller rescales
     * them), and decimal results are checked for overflow, while integer results wrap like Java arithmetic on the
     * SQL type, which is what the row-by-row path does.
     */
    public static LongExpression arithmetic(Arithmetic operator, LongExpression left, LongExpression right,
                                            Overflow overflow) {
        return (batch, rows, count, out, nulls) -> {
            Scratch scratch = batch.scratch();
            long[] rightValues = scratch.borrowLongs();
            boolean[] rightNulls = scratch.borrowFlags();
            try {
                boolean leftNull = left.evaluate(batch, rows, count, out, nulls);
                boolean rightNull = right.evaluate(batch, rows, count, rightValues, rightNulls);
                if (overflow == Overflow.CHECKED) {
                    switch (operator) {
                        case PLUS -> {
                            for (int i = 0; i < count; i++) {
                                out[i] = Math.addExact(out[i], rightValues[i]);
                            }
                        }
                        case MINUS -> {
                            for (int i = 0; i < count; i++) {
                                out[i] = Math.subtractExact(out[i], rightValues[i]);
                            }
                        }
                        case TIMES -> {
                            for (int i = 0; i < count; i++) {
                                out[i] = Math.multiplyExact(out[i], rightValues[i]);
                            }
                        }
                    }
                } else {
                    for (int i = 0; i < count; i++) {
                        long value = switch (operator) {
                            case PLUS -> out[i] + rightValues[i];
                            case MINUS -> out[i] - rightValues[i];
                            case TIMES -> out[i] * rightValues[i];
                        };
                        out[i] = wrap(value, overflow);
                    }
                }
                return mergeNulls(count, nulls, leftNull, rightNulls, rightNull);
            } finally {
                java.util.Arrays.fill(rightNulls, 0, count, false);
                scratch.release(rightNulls);
                scratch.release(rightValues);
            }
        };
    }

    /** {@code input op constant}, or {@code constant op input} when {@code constantFirst}, in one pass. */
    public static LongExpression arithmetic(Arithmetic operator, LongExpression input, long constant,
                                            boolean constantFirst, Overflow overflow) {
        return (batch, rows, count, out, nulls) -> {
            boolean anyNull = input.evaluate(batch, rows, count, out, nulls);
            boolean checked = overflow == Overflow.CHECKED;
            switch (operator) {
                case PLUS -> {
                    for (int i = 0; i < count; i++) {
                        out[i] = checked ? Math.addExact(out[i], constant) : wrap(out[i] + constant, overflow);
                    }
                }
                case MINUS -> {
                    for (int i = 0; i < count; i++) {
                        long value = out[i];
                        out[i] = checked ? (constantFirst ? Math.subtractExact(constant, value)
                                : Math.subtractExact(value, constant))
                                : wrap(constantFirst ? constant - value : value - constant, overflow);
                    }
                }
                case TIMES -> {
                    for (int i = 0; i < count; i++) {
                        out[i] = checked ? Math.multiplyExact(out[i], constant)
                                : wrap(out[i] * constant, overflow);
                    }
                }
            }
            return anyNull;
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

    private static long wrap(long value, Overflow overflow) {
        return switch (overflow) {
            case WRAP_BYTE -> (byte) value;
            case WRAP_SHORT -> (short) value;
            case WRAP_INT -> (int) value;
            default -> value;
        };
    }
}
