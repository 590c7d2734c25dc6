package io.glaux.sql.function;

import io.glaux.error.GlauxException;

/**
 * Integer arithmetic as Trino computes it: a result outside the type's range fails with NUMERIC_VALUE_OUT_OF_RANGE in
 * Trino's words ({@code integer addition overflow: 2147483647 + 1}) instead of wrapping around as Java does. Generated
 * code calls these with unboxed operands; the {@code Math.*Exact} intrinsics keep the common path as fast as plain
 * arithmetic, and the message is only built when the check fails. {@link CheckedArithmetic} rewrites the plan's
 * arithmetic into calls of these methods.
 */
public final class TrinoArithmetic {
    private TrinoArithmetic() {
    }

    public static long add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw overflow("bigint", '+', a, b);
        }
    }

    public static int add(int a, int b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw overflow("integer", '+', a, b);
        }
    }

    public static short add(short a, short b) {
        return smallint(a + b, '+', a, b);
    }

    public static byte add(byte a, byte b) {
        return tinyint(a + b, '+', a, b);
    }

    public static long subtract(long a, long b) {
        try {
            return Math.subtractExact(a, b);
        } catch (ArithmeticException e) {
            throw overflow("bigint", '-', a, b);
        }
    }

    public static int subtract(int a, int b) {
        try {
            return Math.subtractExact(a, b);
        } catch (ArithmeticException e) {
            throw overflow("integer", '-', a, b);
        }
    }

    public static short subtract(short a, short b) {
        return smallint(a - b, '-', a, b);
    }

    public static byte subtract(byte a, byte b) {
        return tinyint(a - b, '-', a, b);
    }

    public static long multiply(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw overflow("bigint", '*', a, b);
        }
    }

    public static int multiply(int a, int b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw overflow("integer", '*', a, b);
        }
    }

    public static short multiply(short a, short b) {
        return smallint(a * b, '*', a, b);
    }

    public static byte multiply(byte a, byte b) {
        return tinyint(a * b, '*', a, b);
    }

    public static long negate(long a) {
        try {
            return Math.negateExact(a);
        } catch (ArithmeticException e) {
            throw overflow("bigint", 'n', a, 0);
        }
    }

    public static int negate(int a) {
        try {
            return Math.negateExact(a);
        } catch (ArithmeticException e) {
            throw overflow("integer", 'n', a, 0);
        }
    }

    public static short negate(short a) {
        if (a == Short.MIN_VALUE) {
            throw overflow("smallint", 'n', a, 0);
        }
        return (short) -a;
    }

    public static byte negate(byte a) {
        if (a == Byte.MIN_VALUE) {
            throw overflow("tinyint", 'n', a, 0);
        }
        return (byte) -a;
    }

    public static long abs(long a) {
        if (a == Long.MIN_VALUE) {
            throw overflow("Value " + a + " is out of range for abs(bigint)");
        }
        return Math.abs(a);
    }

    public static int abs(int a) {
        if (a == Integer.MIN_VALUE) {
            throw overflow("Value " + a + " is out of range for abs(integer)");
        }
        return Math.abs(a);
    }

    public static short abs(short a) {
        if (a == Short.MIN_VALUE) {
            throw overflow("Value " + a + " is out of range for abs(smallint)");
        }
        return (short) Math.abs(a);
    }

    public static byte abs(byte a) {
        if (a == Byte.MIN_VALUE) {
            throw overflow("Value " + a + " is out of range for abs(tinyint)");
        }
        return (byte) Math.abs(a);
    }

    private static short smallint(int result, char operator, int a, int b) {
        if (result != (short) result) {
            throw overflow("smallint", operator, a, b);
        }
        return (short) result;
    }

    private static byte tinyint(int result, char operator, int a, int b) {
        if (result != (byte) result) {
            throw overflow("tinyint", operator, a, b);
        }
        return (byte) result;
    }

    /**
     * Trino's error for {@code a op b} leaving the range of {@code type} (Trino's name: tinyint, smallint, integer,
     * bigint); {@code op} is {@code +}, {@code -} or {@code *}, or {@code n} for the negation {@code -a}. Public for
     * executors that detect the overflow themselves (SPICE's vectorized kernels).
     */
    public static GlauxException overflow(String type, char op, long a, long b) {
        return overflow(switch (op) {
            case '+' -> type + " addition overflow: " + a + " + " + b;
            case '-' -> type + " subtraction overflow: " + a + " - " + b;
            case '*' -> type + " multiplication overflow: " + a + " * " + b;
            case 'n' -> type + " negation overflow: " + a;
            default -> throw new IllegalArgumentException("operator " + op);
        });
    }

    private static GlauxException overflow(String message) {
        return FunctionErrors.numericValueOutOfRange(message);
    }
}
