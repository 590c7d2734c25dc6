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
            throw overflow("bigint addition overflow: " + a + " + " + b);
        }
    }

    public static int add(int a, int b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw overflow("integer addition overflow: " + a + " + " + b);
        }
    }

    public static short add(short a, short b) {
        return smallint(a + b, "smallint addition overflow: ", a, " + ", b);
    }

    public static byte add(byte a, byte b) {
        return tinyint(a + b, "tinyint addition overflow: ", a, " + ", b);
    }

    public static long subtract(long a, long b) {
        try {
            return Math.subtractExact(a, b);
        } catch (ArithmeticException e) {
            throw overflow("bigint subtraction overflow: " + a + " - " + b);
        }
    }

    public static int subtract(int a, int b) {
        try {
            return Math.subtractExact(a, b);
        } catch (ArithmeticException e) {
            throw overflow("integer subtraction overflow: " + a + " - " + b);
        }
    }

    public static short subtract(short a, short b) {
        return smallint(a - b, "smallint subtraction overflow: ", a, " - ", b);
    }

    public static byte subtract(byte a, byte b) {
        return tinyint(a - b, "tinyint subtraction overflow: ", a, " - ", b);
    }

    public static long multiply(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw overflow("bigint multiplication overflow: " + a + " * " + b);
        }
    }

    public static int multiply(int a, int b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw overflow("integer multiplication overflow: " + a + " * " + b);
        }
    }

    public static short multiply(short a, short b) {
        return smallint(a * b, "smallint multiplication overflow: ", a, " * ", b);
    }

    public static byte multiply(byte a, byte b) {
        return tinyint(a * b, "tinyint multiplication overflow: ", a, " * ", b);
    }

    public static long negate(long a) {
        try {
            return Math.negateExact(a);
        } catch (ArithmeticException e) {
            throw overflow("bigint negation overflow: " + a);
        }
    }

    public static int negate(int a) {
        try {
            return Math.negateExact(a);
        } catch (ArithmeticException e) {
            throw overflow("integer negation overflow: " + a);
        }
    }

    public static short negate(short a) {
        if (a == Short.MIN_VALUE) {
            throw overflow("smallint negation overflow: " + a);
        }
        return (short) -a;
    }

    public static byte negate(byte a) {
        if (a == Byte.MIN_VALUE) {
            throw overflow("tinyint negation overflow: " + a);
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

    private static short smallint(int result, String operation, int a, String symbol, int b) {
        if (result != (short) result) {
            throw overflow(operation + a + symbol + b);
        }
        return (short) result;
    }

    private static byte tinyint(int result, String operation, int a, String symbol, int b) {
        if (result != (byte) result) {
            throw overflow(operation + a + symbol + b);
        }
        return (byte) result;
    }

    private static GlauxException overflow(String message) {
        return FunctionErrors.numericValueOutOfRange(message);
    }
}
