package io.glaux.sql.function;

import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;

import org.apache.calcite.linq4j.function.Function;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import static io.glaux.sql.function.Arg.BIGINT;
import static io.glaux.sql.function.Arg.STRING;

/**
 * Trino's regular expression functions. Trino's pattern syntax is Java's (with minor differences of its Joni engine);
 * replacements reference groups as {@code $1} or {@code ${name}}, and {@code \$} is a literal dollar.
 */
public final class RegexpFunctions {
    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private RegexpFunctions() {
    }

    /** Declares the regular expression functions and the Trino names bound to them. */
    static void declare(FunctionRegistry.Builder r) {
        Class<?> re = RegexpFunctions.class;
        r.define(GlauxFunction.strict("regexp_like", false, Signature.of(re, "regexpLike", Returns.BOOLEAN, STRING,
                STRING)));
        r.define(GlauxFunction.strict("regexp_extract", true,
                Signature.of(re, "regexpExtract", Returns.VARCHAR, STRING, STRING),
                Signature.of(re, "regexpExtract", Returns.VARCHAR, STRING, STRING, BIGINT)));
        r.define(GlauxFunction.strict("regexp_extract_all", false,
                Signature.of(re, "regexpExtractAll", Returns.ARRAY_OF_VARCHAR, STRING, STRING),
                Signature.of(re, "regexpExtractAll", Returns.ARRAY_OF_VARCHAR, STRING, STRING, BIGINT)));
        r.define(GlauxFunction.strict("regexp_replace", false,
                Signature.of(re, "regexpReplace", Returns.VARCHAR, STRING, STRING),
                Signature.of(re, "regexpReplace", Returns.VARCHAR, STRING, STRING, STRING),
                Signature.withLambdas(re, "regexpReplace", Returns.VARCHAR, (operand, types, f) -> List.of(
                        LambdaParameters.nullable(f.createArrayType(LambdaParameters.nullable(
                                f.createSqlType(SqlTypeName.VARCHAR), f), -1), f)),
                        STRING, STRING, Arg.FUNCTION)));
        r.define(GlauxFunction.strict("regexp_count", false, Signature.of(re, "regexpCount", Returns.BIGINT, STRING,
                STRING)));
        SqlReturnTypeInference integer = ReturnTypes.explicit(SqlTypeName.INTEGER);
        r.define(GlauxFunction.strict("regexp_position", false,
                Signature.of(re, "regexpPosition", integer, STRING, STRING),
                Signature.of(re, "regexpPosition", integer, STRING, STRING, BIGINT),
                Signature.of(re, "regexpPosition", integer, STRING, STRING, BIGINT, BIGINT)));
        r.define(GlauxFunction.strict("regexp_split", false,
                Signature.of(re, "regexpSplit", Returns.ARRAY_OF_VARCHAR, STRING, STRING)));
    }

    static Pattern pattern(String regex) {
        Pattern p = CACHE.get(regex);
        if (p == null) {
            try {
                p = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw FunctionErrors.invalidArgument(e.getMessage());
            }
            if (CACHE.size() > 1000) {
                CACHE.clear();
            }
            CACHE.put(regex, p);
        }
        return p;
    }

    /** regexp_position(s, pattern): the 1-based code point position of the first match, -1 if none. */
    public static int regexpPosition(String s, String regex) {
        return regexpPosition(s, regex, 1, 1);
    }

    /** regexp_position(s, pattern, start): the first match at or after code point position {@code start}. */
    public static int regexpPosition(String s, String regex, long start) {
        return regexpPosition(s, regex, start, 1);
    }

    /** regexp_position(s, pattern, start, occurrence): the position of the occurrence-th match from start. */
    public static int regexpPosition(String s, String regex, long start, long occurrence) {
        if (start < 1) {
            throw FunctionErrors.invalidArgument("start position cannot be smaller than 1");
        }
        if (occurrence < 1) {
            throw FunctionErrors.invalidArgument("occurrence cannot be smaller than 1");
        }
        int codePoints = s.codePointCount(0, s.length());
        if (start > codePoints) {
            return -1;
        }
        Matcher m = pattern(regex).matcher(s);
        if (!m.find(s.offsetByCodePoints(0, (int) start - 1))) {
            return -1;
        }
        for (long found = 1; found < occurrence; found++) {
            if (!m.find()) {
                return -1;
            }
        }
        return s.codePointCount(0, m.start()) + 1;
    }

    public static boolean regexpLike(String s, String regex) {
        return pattern(regex).matcher(s).find();
    }

    public static String regexpExtract(String s, String regex) {
        Matcher m = pattern(regex).matcher(s);
        return m.find() ? m.group() : null;
    }

    public static String regexpExtract(String s, String regex, long group) {
        Matcher m = pattern(regex).matcher(s);
        checkGroup(m, group);
        return m.find() ? m.group((int) group) : null;
    }

    public static List<String> regexpExtractAll(String s, String regex) {
        return regexpExtractAll(s, regex, 0);
    }

    public static List<String> regexpExtractAll(String s, String regex, long group) {
        Matcher m = pattern(regex).matcher(s);
        checkGroup(m, group);
        List<String> result = new ArrayList<>();
        while (m.find()) {
            result.add(m.group((int) group));
        }
        return result;
    }

    public static long regexpCount(String s, String regex) {
        Matcher m = pattern(regex).matcher(s);
        long n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    public static List<String> regexpSplit(String s, String regex) {
        return List.of(pattern(regex).split(s, -1));
    }

    public static String regexpReplace(String s, String regex) {
        return pattern(regex).matcher(s).replaceAll("");
    }

    public static String regexpReplace(String s, String regex, String replacement) {
        try {
            return pattern(regex).matcher(s).replaceAll(replacement);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw FunctionErrors.invalidArgument("Illegal replacement sequence: " + replacement);
        }
    }

    /**
     * regexp_replace(s, pattern, groups -> replacement): each match replaced by what the lambda answers for its
     * capturing groups (an array from group 1, NULL for a group that did not take part); a NULL answer removes the
     * match.
     */
    public static String regexpReplace(String s, String regex, Function<?> replacement) {
        Matcher m = pattern(regex).matcher(s);
        StringBuilder out = new StringBuilder();
        int end = 0;
        while (m.find()) {
            List<String> groups = new ArrayList<>(m.groupCount());
            for (int g = 1; g <= m.groupCount(); g++) {
                groups.add(m.group(g));
            }
            Object replaced = Lambdas.call(replacement, groups);
            out.append(s, end, m.start()).append(replaced == null ? "" : replaced.toString());
            end = m.end();
        }
        return out.append(s, end, s.length()).toString();
    }

    private static void checkGroup(Matcher m, long group) {
        if (group < 0) {
            throw FunctionErrors.invalidArgument("Group cannot be negative");
        }
        if (group > m.groupCount()) {
            throw FunctionErrors.invalidArgument(
                    "Pattern has " + m.groupCount() + " groups. Cannot access group " + group);
        }
    }
}
