package io.glaux.sql.function;

import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;

import org.apache.calcite.avatica.util.ByteString;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import static io.glaux.sql.function.Arg.BINARY;
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
        r.define(GlauxFunction.strict("from_utf8", false, Signature.of(b, "fromUtf8", Returns.VARCHAR, BINARY)));
        r.define(GlauxFunction.strict("to_base64", false, Signature.of(b, "toBase64", Returns.VARCHAR, BINARY)));
        r.define(GlauxFunction.strict("from_base64", false, Signature.of(b, "fromBase64", varbinary, STRING)));
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
