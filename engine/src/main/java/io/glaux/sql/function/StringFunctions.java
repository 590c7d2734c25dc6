package io.glaux.sql.function;

import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.List;

import static io.glaux.sql.function.Arg.ARRAY;
import static io.glaux.sql.function.Arg.BIGINT;
import static io.glaux.sql.function.Arg.BINARY;
import static io.glaux.sql.function.Arg.STRING;

/**
 * Trino's string functions. Lengths and positions count Unicode code points, as Trino does; positions are 1-based.
 */
public final class StringFunctions {
    private StringFunctions() {
    }

    /** Declares the string functions and the Trino names bound to them. */
    static void declare(FunctionRegistry.Builder r) {
        Class<?> s = StringFunctions.class;
        r.define(GlauxFunction.strict("length", false, Signature.withHidden(s, "length", Returns.BIGINT, 1,
                        types -> List.of(TrinoCharType.fixedLength(types.get(0))), STRING),
                Signature.of(BinaryFunctions.class, "length", Returns.BIGINT, BINARY)));
        r.define(GlauxFunction.strict("substr", false,
                Signature.of(s, "substr", ReturnTypes.ARG0, STRING, BIGINT),
                Signature.of(s, "substr", ReturnTypes.ARG0, STRING, BIGINT, BIGINT),
                Signature.of(BinaryFunctions.class, "substr", Returns.VARBINARY, BINARY, BIGINT),
                Signature.of(BinaryFunctions.class, "substr", Returns.VARBINARY, BINARY, BIGINT, BIGINT)),
                "substring");
        r.define(GlauxFunction.strict("strpos", false,
                Signature.of(s, "strpos", Returns.BIGINT, STRING, STRING),
                Signature.of(s, "strpos", Returns.BIGINT, STRING, STRING, BIGINT)));
        r.define(GlauxFunction.strict("starts_with", false, Signature.of(s, "startsWith", Returns.BOOLEAN, STRING,
                STRING)));
        r.define(GlauxFunction.strict("ends_with", false, Signature.of(s, "endsWith", Returns.BOOLEAN, STRING,
                STRING)));
        r.define(GlauxFunction.strict("replace", false,
                Signature.of(s, "replace", Returns.VARCHAR, STRING, STRING),
                Signature.of(s, "replace", Returns.VARCHAR, STRING, STRING, STRING)));
        r.define(GlauxFunction.strict("reverse", false,
                Signature.of(s, "reverse", Returns.VARCHAR, STRING),
                Signature.of(ArrayFunctions.class, "reverse", ReturnTypes.ARG0, ARRAY),
                Signature.of(BinaryFunctions.class, "reverse", Returns.VARBINARY, BINARY)));
        r.define(GlauxFunction.strict("split", false,
                Signature.of(s, "split", Returns.ARRAY_OF_VARCHAR, STRING, STRING),
                Signature.of(s, "split", Returns.ARRAY_OF_VARCHAR, STRING, STRING, BIGINT)));
        r.define(GlauxFunction.strict("split_part", true, Signature.of(s, "splitPart", Returns.VARCHAR, STRING,
                STRING, BIGINT)));
        r.define(GlauxFunction.nullAware("concat_ws",
                Signature.variadic(s, "concatWs", Returns.VARCHAR, STRING, STRING),
                Signature.of(s, "concatWs", Returns.VARCHAR, STRING, ARRAY)));
        r.define(GlauxFunction.strict("concat", false, Signature.variadic(s, "concat", Returns.VARCHAR, STRING),
                Signature.variadic(BinaryFunctions.class, "concat", Returns.VARBINARY, BINARY),
                ArrayFunctions.CONCAT_ARRAYS, ArrayFunctions.APPEND, ArrayFunctions.PREPEND));
        r.define(GlauxFunction.strict("lpad", false, Signature.of(s, "lpad", Returns.VARCHAR, STRING, BIGINT, STRING),
                Signature.of(BinaryFunctions.class, "lpad", Returns.VARBINARY, BINARY, BIGINT, BINARY)));
        r.define(GlauxFunction.strict("rpad", false, Signature.of(s, "rpad", Returns.VARCHAR, STRING, BIGINT, STRING),
                Signature.of(BinaryFunctions.class, "rpad", Returns.VARBINARY, BINARY, BIGINT, BINARY)));
        GlauxFunction trim = GlauxFunction.strict("trim", false,
                Signature.of(s, "trim", Returns.CHAR_OR_VARCHAR, STRING),
                Signature.of(s, "trim", Returns.CHAR_OR_VARCHAR, STRING, STRING));
        r.add(trim);
        r.bind("trim", StringFunctions::trimBinding);
        r.define(GlauxFunction.strict("ltrim", false,
                Signature.of(s, "ltrim", Returns.CHAR_OR_VARCHAR, STRING),
                Signature.of(s, "ltrim", Returns.CHAR_OR_VARCHAR, STRING, STRING)));
        r.define(GlauxFunction.strict("rtrim", false,
                Signature.of(s, "rtrim", Returns.CHAR_OR_VARCHAR, STRING),
                Signature.of(s, "rtrim", Returns.CHAR_OR_VARCHAR, STRING, STRING)));
        r.define(GlauxFunction.strict("chr", false, Signature.of(s, "chr", Returns.VARCHAR, BIGINT)));
        r.define(GlauxFunction.strict("codepoint", false, Signature.of(s, "codepoint", Returns.BIGINT, STRING)));
    }

    /**
     * The parser turns trim(s) and trim([BOTH|LEADING|TRAILING] [chars] FROM s) into TRIM(flag, chars, s), with a
     * single space when no characters are given. A single space is taken as Trino's trim(s), which removes all
     * whitespace; other characters are a set to remove, as in Trino.
     */
    private static SqlNode trimBinding(SqlCall call, List<SqlNode> operands, SqlParserPos pos) {
        if (!(call.getOperator() instanceof SqlTrimFunction) || operands.size() != 3) {
            return TrinoFunctions.function("trim").createCall(pos, operands);
        }
        Object flag = ((SqlLiteral) operands.get(0)).getValue();
        String name = flag == SqlTrimFunction.Flag.LEADING ? "ltrim"
                : flag == SqlTrimFunction.Flag.TRAILING ? "rtrim" : "trim";
        SqlNode chars = operands.get(1);
        boolean whitespace = chars instanceof SqlLiteral
                && " ".equals(((SqlLiteral) chars).toValue());
        return whitespace ? TrinoFunctions.function(name).createCall(pos, operands.get(2))
                : TrinoFunctions.function(name).createCall(pos, operands.get(2), chars);
    }

    public static long length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** length(s); of a char(n) value ({@code fixedLength} n, else -1), n as in Trino. */
    public static long length(String s, long fixedLength) {
        return fixedLength >= 0 ? fixedLength : length(s);
    }

    /** substr(s, start): from start (negative: counted from the end) to the end; '' when start is 0 or outside. */
    public static String substr(String s, long start) {
        return substr(s, start, Long.MAX_VALUE);
    }

    /**
     * Code points {@code start} (1-based; negative: from the end) on, at most {@code length} of them; counted in
     * place, without an array of the code points (TPC-H Q22 takes the first two of each of 150,000 phone numbers).
     */
    public static String substr(String s, long start, long length) {
        int count = s.codePointCount(0, s.length());
        if (start == 0 || length <= 0 || count == 0) {
            return "";
        }
        long from = start > 0 ? start - 1 : count + start;
        if (from < 0 || from >= count) {
            return "";
        }
        int to = (int) Math.min(count, from + Math.min(length, count));
        if (count == s.length()) {
            return s.substring((int) from, to);
        }
        int begin = s.offsetByCodePoints(0, (int) from);
        return s.substring(begin, s.offsetByCodePoints(begin, to - (int) from));
    }

    public static long strpos(String s, String sub) {
        return strpos(s, sub, 1);
    }

    /** The code point position of the n-th occurrence (negative n: counted from the end), 0 if none. */
    public static long strpos(String s, String sub, long instance) {
        if (instance == 0) {
            throw FunctionErrors.invalidArgument("'instance' must be a positive or negative number.");
        }
        if (sub.isEmpty()) {
            return 1;
        }
        int index = -1;
        if (instance > 0) {
            for (long i = 0; i < instance; i++) {
                index = s.indexOf(sub, index + 1);
                if (index < 0) {
                    return 0;
                }
            }
        } else {
            index = s.length();
            for (long i = 0; i < -instance; i++) {
                index = s.lastIndexOf(sub, index - 1);
                if (index < 0) {
                    return 0;
                }
            }
        }
        return s.codePointCount(0, index) + 1;
    }

    public static boolean startsWith(String s, String prefix) {
        return s.startsWith(prefix);
    }

    public static boolean endsWith(String s, String suffix) {
        return s.endsWith(suffix);
    }

    public static String replace(String s, String search) {
        return s.replace(search, "");
    }

    public static String replace(String s, String search, String replacement) {
        return s.replace(search, replacement);
    }

    public static String reverse(String s) {
        return new StringBuilder(s).reverse().toString();
    }

    /** Splits on a literal delimiter, keeping empty parts. */
    public static List<String> split(String s, String delimiter) {
        return split(s, delimiter, Long.MAX_VALUE);
    }

    public static List<String> split(String s, String delimiter, long limit) {
        if (delimiter.isEmpty()) {
            throw FunctionErrors.invalidArgument("The delimiter may not be the empty string");
        }
        if (limit <= 0) {
            throw FunctionErrors.invalidArgument("Limit must be positive");
        }
        List<String> parts = new ArrayList<>();
        int from = 0;
        while (parts.size() < limit - 1) {
            int at = s.indexOf(delimiter, from);
            if (at < 0) {
                break;
            }
            parts.add(s.substring(from, at));
            from = at + delimiter.length();
        }
        parts.add(s.substring(from));
        return parts;
    }

    /** split_part(s, delimiter, index): the 1-based field, NULL past the last one. */
    public static String splitPart(String s, String delimiter, long index) {
        if (index <= 0) {
            throw FunctionErrors.invalidArgument("Index must be greater than zero");
        }
        if (delimiter.isEmpty()) {
            return index == 1 ? s : null;
        }
        List<String> parts = split(s, delimiter);
        return index <= parts.size() ? parts.get((int) index - 1) : null;
    }

    /** concat_ws(separator, s1, ...): NULL separator gives NULL; NULL strings are skipped. */
    public static String concatWs(String separator, String[] parts) {
        if (separator == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        boolean first = true;
        for (String part : parts) {
            if (part != null) {
                if (!first) {
                    b.append(separator);
                }
                b.append(part);
                first = false;
            }
        }
        return b.toString();
    }

    /** concat_ws(separator, array): as the variadic form over the array's elements. */
    public static String concatWs(String separator, List<?> parts) {
        if (separator == null || parts == null) {
            return separator == null ? null : "";
        }
        String[] strings = new String[parts.size()];
        for (int i = 0; i < strings.length; i++) {
            Object part = parts.get(i);
            strings[i] = part == null ? null : part.toString();
        }
        return concatWs(separator, strings);
    }

    /** concat(s1, ...): NULL if any is NULL. */
    public static String concat(String[] parts) {
        return String.join("", parts);
    }

    public static String lpad(String s, long size, String pad) {
        return pad(s, size, pad, true);
    }

    public static String rpad(String s, long size, String pad) {
        return pad(s, size, pad, false);
    }

    private static String pad(String s, long size, String pad, boolean left) {
        if (size < 0 || size > Integer.MAX_VALUE / 4) {
            throw FunctionErrors.invalidArgument("Target length must be in the range [0.." + Integer.MAX_VALUE / 4
                    + "]");
        }
        if (pad.isEmpty()) {
            throw FunctionErrors.invalidArgument("Padding string must not be empty");
        }
        int[] cps = s.codePoints().toArray();
        if (cps.length >= size) {
            return new String(cps, 0, (int) size);
        }
        int[] padding = pad.codePoints().toArray();
        int[] fill = new int[(int) size - cps.length];
        for (int i = 0; i < fill.length; i++) {
            fill[i] = padding[i % padding.length];
        }
        String f = new String(fill, 0, fill.length);
        return left ? f + s : s + f;
    }

    /** trim/ltrim/rtrim(s): removes whitespace. */
    public static String trim(String s) {
        return strip(s, null, true, true);
    }

    public static String ltrim(String s) {
        return strip(s, null, true, false);
    }

    public static String rtrim(String s) {
        return strip(s, null, false, true);
    }

    /** trim/ltrim/rtrim(s, characters): removes any of the given characters. */
    public static String trim(String s, String characters) {
        return strip(s, characters, true, true);
    }

    public static String ltrim(String s, String characters) {
        return strip(s, characters, true, false);
    }

    public static String rtrim(String s, String characters) {
        return strip(s, characters, false, true);
    }

    private static String strip(String s, String characters, boolean leading, boolean trailing) {
        int start = 0;
        int end = s.length();
        while (leading && start < end && stripped(s.codePointAt(start), characters)) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (trailing && end > start && stripped(s.codePointBefore(end), characters)) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    private static boolean stripped(int codePoint, String characters) {
        return characters == null ? Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                : characters.indexOf(codePoint) >= 0;
    }

    public static String chr(long codePoint) {
        if (codePoint < 0 || codePoint > Character.MAX_CODE_POINT) {
            throw FunctionErrors.invalidArgument("Not a valid Unicode code point: " + codePoint);
        }
        return new String(Character.toChars((int) codePoint));
    }

    public static long codepoint(String s) {
        if (s.codePointCount(0, s.length()) != 1) {
            throw FunctionErrors.invalidArgument("Input string must be a single character string");
        }
        return s.codePointAt(0);
    }
}
