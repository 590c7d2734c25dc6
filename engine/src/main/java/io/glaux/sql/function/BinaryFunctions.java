package io.glaux.sql.function;

import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;

import org.apache.calcite.avatica.util.ByteString;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import static io.glaux.sql.function.Arg.BIGINT;
import static io.glaux.sql.function.Arg.BINARY;
import static io.glaux.sql.function.Arg.DOUBLE;
import static io.glaux.sql.function.Arg.STRING;

/** Trino's varbinary functions; varbinary values are {@link ByteString}s. */
public final class BinaryFunctions {
    private BinaryFunctions() {
    }

    /** Declares the varbinary functions and the Trino names bound to them. */
    static void declare(FunctionRegistry.Builder r) {
        Class<?> b = BinaryFunctions.class;
        SqlReturnTypeInference varbinary = ReturnTypes.explicit(SqlTypeName.VARBINARY);
        r.define(GlauxFunction.strict("to_hex", false, Signature.of(b, "toHex", Returns.VARCHAR, BINARY)));
        r.define(GlauxFunction.strict("from_hex", false, Signature.of(b, "fromHex", varbinary, STRING)));
        r.define(GlauxFunction.strict("to_utf8", false, Signature.of(b, "toUtf8", varbinary, STRING)));
        r.define(GlauxFunction.strict("from_utf8", false, Signature.of(b, "fromUtf8", Returns.VARCHAR, BINARY),
                Signature.of(b, "fromUtf8", Returns.VARCHAR, BINARY, STRING),
                Signature.of(b, "fromUtf8", Returns.VARCHAR, BINARY, BIGINT)));
        r.define(GlauxFunction.strict("to_base64", false, Signature.of(b, "toBase64", Returns.VARCHAR, BINARY)));
        r.define(GlauxFunction.strict("from_base64", false, Signature.of(b, "fromBase64", varbinary, STRING)));
        r.define(GlauxFunction.strict("to_base64url", false,
                Signature.of(b, "toBase64Url", Returns.VARCHAR, BINARY)));
        r.define(GlauxFunction.strict("from_base64url", false,
                Signature.of(b, "fromBase64Url", varbinary, STRING)));
        r.define(GlauxFunction.strict("to_big_endian_32", false,
                Signature.of(b, "toBigEndian32", varbinary, BIGINT)));
        r.define(GlauxFunction.strict("from_big_endian_32", false,
                Signature.of(b, "fromBigEndian32", ReturnTypes.explicit(SqlTypeName.INTEGER), BINARY)));
        r.define(GlauxFunction.strict("to_big_endian_64", false,
                Signature.of(b, "toBigEndian64", varbinary, BIGINT)));
        r.define(GlauxFunction.strict("from_big_endian_64", false,
                Signature.of(b, "fromBigEndian64", Returns.BIGINT, BINARY)));
        r.define(GlauxFunction.strict("to_ieee754_32", false,
                Signature.of(b, "toIeee754x32", varbinary, DOUBLE)));
        r.define(GlauxFunction.strict("from_ieee754_32", false,
                Signature.of(b, "fromIeee754x32", ReturnTypes.explicit(SqlTypeName.REAL), BINARY)));
        r.define(GlauxFunction.strict("to_ieee754_64", false,
                Signature.of(b, "toIeee754x64", varbinary, DOUBLE)));
        r.define(GlauxFunction.strict("from_ieee754_64", false,
                Signature.of(b, "fromIeee754x64", Returns.DOUBLE, BINARY)));
        r.define(GlauxFunction.strict("md5", false, Signature.of(b, "md5", varbinary, BINARY)));
        r.define(GlauxFunction.strict("sha1", false, Signature.of(b, "sha1", varbinary, BINARY)));
        r.define(GlauxFunction.strict("sha256", false, Signature.of(b, "sha256", varbinary, BINARY)));
        r.define(GlauxFunction.strict("sha512", false, Signature.of(b, "sha512", varbinary, BINARY)));
    }

    public static String toHex(ByteString b) {
        return HexFormat.of().withUpperCase().formatHex(b.getBytes());
    }

    public static ByteString fromHex(String hex) {
        if (hex.length() % 2 != 0) {
            throw FunctionErrors.invalidArgument("invalid input length " + hex.length());
        }
        try {
            return new ByteString(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw FunctionErrors.invalidArgument("invalid hex digit in " + hex);
        }
    }

    public static ByteString toUtf8(String s) {
        return new ByteString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Malformed sequences become U+FFFD, as in Trino. */
    public static String fromUtf8(ByteString b) {
        return new String(b.getBytes(), StandardCharsets.UTF_8);
    }

    /**
     * from_utf8(b, replace): as from_utf8, with each malformed sequence replaced by the given string (empty or one
     * character).
     */
    public static String fromUtf8(ByteString b, String replace) {
        if (replace.codePointCount(0, replace.length()) > 1) {
            throw FunctionErrors.invalidArgument("Replacement character string must empty or a single character");
        }
        return decodeUtf8(b.getBytes(), replace);
    }

    /** from_utf8(b, codePoint): as from_utf8, with each malformed sequence replaced by the code point. */
    public static String fromUtf8(ByteString b, long codePoint) {
        if (codePoint < 0 || codePoint > Character.MAX_CODE_POINT
                || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
            throw FunctionErrors.invalidArgument("Invalid replacement character");
        }
        return decodeUtf8(b.getBytes(), new String(Character.toChars((int) codePoint)));
    }

    private static String decodeUtf8(byte[] bytes, String replacement) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        StringBuilder text = new StringBuilder(bytes.length);
        while (true) {
            CoderResult result = in.hasRemaining() ? decoder.decode(in, out, true) : decoder.flush(out);
            out.flip();
            text.append(out);
            out.clear();
            if (result.isError()) {
                text.append(replacement);
                in.position(in.position() + result.length());
            } else if (result.isUnderflow() && !in.hasRemaining()) {
                return text.toString();
            }
        }
    }

    public static String toBase64(ByteString b) {
        return Base64.getEncoder().encodeToString(b.getBytes());
    }

    public static ByteString fromBase64(String s) {
        try {
            return new ByteString(Base64.getDecoder().decode(s));
        } catch (IllegalArgumentException e) {
            throw FunctionErrors.invalidArgument(e.getMessage());
        }
    }

    /** Base64 with the URL-safe alphabet ('-' and '_'), padded as Trino pads it. */
    public static String toBase64Url(ByteString b) {
        return Base64.getUrlEncoder().encodeToString(b.getBytes());
    }

    public static ByteString fromBase64Url(String s) {
        try {
            return new ByteString(Base64.getUrlDecoder().decode(s));
        } catch (IllegalArgumentException e) {
            throw FunctionErrors.invalidArgument(e.getMessage());
        }
    }

    /** The INTEGER's 4 bytes, most significant first. */
    public static ByteString toBigEndian32(long x) {
        return new ByteString(ByteBuffer.allocate(Integer.BYTES).putInt((int) x).array());
    }

    public static int fromBigEndian32(ByteString b) {
        return exactly(b, Integer.BYTES).getInt();
    }

    /** The BIGINT's 8 bytes, most significant first. */
    public static ByteString toBigEndian64(long x) {
        return new ByteString(ByteBuffer.allocate(Long.BYTES).putLong(x).array());
    }

    public static long fromBigEndian64(ByteString b) {
        return exactly(b, Long.BYTES).getLong();
    }

    /** The REAL's IEEE 754 single precision bits, big-endian. */
    public static ByteString toIeee754x32(double x) {
        return new ByteString(ByteBuffer.allocate(Float.BYTES).putFloat((float) x).array());
    }

    public static float fromIeee754x32(ByteString b) {
        return exactly(b, Float.BYTES, "Input floating-point value must be exactly 4 bytes long").getFloat();
    }

    /** The DOUBLE's IEEE 754 double precision bits, big-endian. */
    public static ByteString toIeee754x64(double x) {
        return new ByteString(ByteBuffer.allocate(Double.BYTES).putDouble(x).array());
    }

    public static double fromIeee754x64(ByteString b) {
        return exactly(b, Double.BYTES, "Input floating-point value must be exactly 8 bytes long").getDouble();
    }

    private static ByteBuffer exactly(ByteString b, int size) {
        return exactly(b, size, "expected " + size + "-byte input, but got instead: " + b.length());
    }

    private static ByteBuffer exactly(ByteString b, int size, String message) {
        if (b.length() != size) {
            throw FunctionErrors.invalidArgument(message);
        }
        return ByteBuffer.wrap(b.getBytes());
    }

    // ---- varbinary forms of string functions

    /** substr(b, start[, length]) over bytes, with substr's rules for positions. */
    public static ByteString substr(ByteString b, long start) {
        return substr(b, start, Long.MAX_VALUE);
    }

    public static ByteString substr(ByteString b, long start, long length) {
        int size = b.length();
        if (start == 0 || length <= 0 || size == 0) {
            return ByteString.EMPTY;
        }
        long from = start > 0 ? start - 1 : size + start;
        if (from < 0 || from >= size) {
            return ByteString.EMPTY;
        }
        long to = Math.min(size, from + Math.min(length, size));
        return b.substring((int) from, (int) to);
    }

    public static ByteString reverse(ByteString b) {
        byte[] bytes = b.getBytes();
        byte[] reversed = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            reversed[i] = bytes[bytes.length - 1 - i];
        }
        return new ByteString(reversed);
    }

    public static ByteString concat(ByteString[] parts) {
        ByteString result = ByteString.EMPTY;
        for (ByteString part : parts) {
            result = result.concat(part);
        }
        return result;
    }

    public static ByteString lpad(ByteString b, long size, ByteString pad) {
        return pad(b, size, pad, true);
    }

    public static ByteString rpad(ByteString b, long size, ByteString pad) {
        return pad(b, size, pad, false);
    }

    private static ByteString pad(ByteString b, long size, ByteString pad, boolean left) {
        if (size < 0 || size > Integer.MAX_VALUE) {
            throw FunctionErrors.invalidArgument("Target length must be in the range [0.." + Integer.MAX_VALUE + "]");
        }
        if (pad.length() == 0) {
            throw FunctionErrors.invalidArgument("Padding bytes must not be empty");
        }
        if (b.length() >= size) {
            return b.substring(0, (int) size);
        }
        byte[] fill = new byte[(int) size - b.length()];
        for (int i = 0; i < fill.length; i++) {
            fill[i] = pad.byteAt(i % pad.length());
        }
        return left ? new ByteString(fill).concat(b) : b.concat(new ByteString(fill));
    }

    public static long length(ByteString b) {
        return b.length();
    }

    public static ByteString md5(ByteString b) {
        return digest("MD5", b);
    }

    public static ByteString sha1(ByteString b) {
        return digest("SHA-1", b);
    }

    public static ByteString sha256(ByteString b) {
        return digest("SHA-256", b);
    }

    public static ByteString sha512(ByteString b) {
        return digest("SHA-512", b);
    }

    private static ByteString digest(String algorithm, ByteString b) {
        try {
            return new ByteString(MessageDigest.getInstance(algorithm).digest(b.getBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
