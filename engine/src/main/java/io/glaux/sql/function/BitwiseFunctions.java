package io.glaux.sql.function;

import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.List;

import static io.glaux.sql.function.Arg.BIGINT;

/**
 * Trino's bitwise functions over two's complement integers. The shifts keep the type of their first operand (a
 * TINYINT shifts within 8 bits, as in Trino), so they receive its width as a hidden argument; the others work on
 * BIGINT.
 */
public final class BitwiseFunctions {
    private BitwiseFunctions() {
    }

    /** Declares the bitwise functions and the Trino names bound to them. */
    static void declare(FunctionRegistry.Builder r) {
        Class<?> b = BitwiseFunctions.class;
        r.define(GlauxFunction.strict("bit_count", false,
                Signature.of(b, "bitCount", Returns.BIGINT, BIGINT, BIGINT)));
        r.define(GlauxFunction.strict("bitwise_and", false,
                Signature.of(b, "bitwiseAnd", Returns.BIGINT, BIGINT, BIGINT)));
        r.define(GlauxFunction.strict("bitwise_or", false,
                Signature.of(b, "bitwiseOr", Returns.BIGINT, BIGINT, BIGINT)));
        r.define(GlauxFunction.strict("bitwise_xor", false,
                Signature.of(b, "bitwiseXor", Returns.BIGINT, BIGINT, BIGINT)));
        r.define(GlauxFunction.strict("bitwise_not", false, Signature.of(b, "bitwiseNot", Returns.BIGINT, BIGINT)));
        for (String name : new String[] {"bitwise_left_shift", "bitwise_right_shift",
                "bitwise_right_shift_arithmetic"}) {
            r.define(GlauxFunction.strict(name, false, Signature.withHidden(b, methodName(name), ReturnTypes.ARG0, 1,
                    types -> List.of((long) bits(types.get(0).getSqlTypeName())), BIGINT, BIGINT)));
        }
    }

    private static String methodName(String name) {
        switch (name) {
            case "bitwise_left_shift":
                return "leftShift";
            case "bitwise_right_shift":
                return "rightShift";
            default:
                return "rightShiftArithmetic";
        }
    }

    /** The width in bits of an integer type (the unknown type of NULL counts as BIGINT). */
    private static int bits(SqlTypeName type) {
        switch (type) {
            case TINYINT:
                return 8;
            case SMALLINT:
                return 16;
            case INTEGER:
                return 32;
            default:
                return 64;
        }
    }

    /** bit_count(x, bits): the number of 1 bits of x as a two's complement integer of the given width. */
    public static long bitCount(long x, long bits) {
        if (bits == 64) {
            return Long.bitCount(x);
        }
        if (bits <= 1 || bits > 64) {
            throw FunctionErrors.invalidArgument("Bits specified in bit_count must be between 2 and 64, got " + bits);
        }
        long low = -(1L << (bits - 1));
        long high = (1L << (bits - 1)) - 1;
        if (x < low || x > high) {
            throw FunctionErrors.invalidArgument("Number must be representable with the bits specified. " + x
                    + " can not be represented with " + bits + " bits");
        }
        return Long.bitCount(x & ((1L << bits) - 1));
    }

    public static long bitwiseAnd(long x, long y) {
        return x & y;
    }

    public static long bitwiseOr(long x, long y) {
        return x | y;
    }

    public static long bitwiseXor(long x, long y) {
        return x ^ y;
    }

    public static long bitwiseNot(long x) {
        return ~x;
    }

    /** x shifted left within its width; a shift of the width or more gives 0. */
    public static long leftShift(long x, long shift, long bits) {
        if (shift >= bits || shift < 0) {
            return 0;
        }
        return signExtend(x << shift, bits);
    }

    /** x shifted right within its width, filling with zeros (so a negative TINYINT becomes positive). */
    public static long rightShift(long x, long shift, long bits) {
        if (shift >= bits || shift < 0) {
            return 0;
        }
        long unsigned = bits == 64 ? x : x & ((1L << bits) - 1);
        return signExtend(unsigned >>> shift, bits);
    }

    /** x shifted right keeping its sign; a shift of the width or more gives 0 or -1. */
    public static long rightShiftArithmetic(long x, long shift, long bits) {
        if (shift >= bits || shift < 0) {
            return x < 0 ? -1 : 0;
        }
        return x >> shift;
    }

    /** The low {@code bits} bits of x as a signed integer of that width. */
    private static long signExtend(long x, long bits) {
        int unused = 64 - (int) bits;
        return (x << unused) >> unused;
    }
}
