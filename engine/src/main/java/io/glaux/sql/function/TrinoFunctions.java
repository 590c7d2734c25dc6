package io.glaux.sql.function;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static io.glaux.sql.function.Arg.ANY;
import static io.glaux.sql.function.Arg.ARRAY;
import static io.glaux.sql.function.Arg.BIGINT;
import static io.glaux.sql.function.Arg.BINARY;
import static io.glaux.sql.function.Arg.DECIMAL;
import static io.glaux.sql.function.Arg.DATE;
import static io.glaux.sql.function.Arg.DATETIME;
import static io.glaux.sql.function.Arg.DOUBLE;
import static io.glaux.sql.function.Arg.MAP;
import static io.glaux.sql.function.Arg.STRING;
import static io.glaux.sql.function.Arg.TIMESTAMP;

/**
 * The registry of Trino functions Glaux serves: for every Trino name, how a call is bound — to a Glaux function
 * (with its signatures and implementing methods), to a Calcite operator whose semantics match Trino's, or to an
 * equivalent SQL expression. {@link TrinoFunctionRewriter} applies these bindings to the parsed tree; the validator
 * finds the bound operators through {@link #operatorTable()} and {@link #libraryOperators()}.
 */
public final class TrinoFunctions {

    /** How one Trino call is rewritten: from the call (operands already rewritten) to its replacement. */
    @FunctionalInterface
    interface Binding {
        SqlNode rewrite(SqlCall call, List<SqlNode> operands, SqlParserPos pos);
    }

    private static final Map<String, GlauxFunction> FUNCTIONS = new LinkedHashMap<>();
    private static final Map<String, Binding> BINDINGS = new LinkedHashMap<>();

    private static final SqlReturnTypeInference VARCHAR = ReturnTypes.explicit(SqlTypeName.VARCHAR);
    private static final SqlReturnTypeInference BIGINT_TYPE = ReturnTypes.explicit(SqlTypeName.BIGINT);
    private static final SqlReturnTypeInference DOUBLE_TYPE = ReturnTypes.explicit(SqlTypeName.DOUBLE);
    private static final SqlReturnTypeInference BOOLEAN_TYPE = ReturnTypes.explicit(SqlTypeName.BOOLEAN);
    private static final SqlReturnTypeInference DATE_TYPE = ReturnTypes.explicit(SqlTypeName.DATE);
    private static final SqlReturnTypeInference TIMESTAMP_3 =
            b -> b.getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP, 3);
    private static final SqlReturnTypeInference ARRAY_OF_VARCHAR = b -> b.getTypeFactory().createArrayType(
            b.getTypeFactory().createSqlType(SqlTypeName.VARCHAR), -1);
    private static final SqlReturnTypeInference ELEMENT_OF_ARG0 = b -> b.getOperandType(0).getComponentType();
    private static final SqlReturnTypeInference VALUE_OF_ARG0 = b -> b.getOperandType(0).getValueType();

    static {
        dateTime();
        strings();
        regexps();
        arrays();
        math();
        binary();
        urls();
        json();
        conditionalsAndAggregates();
    }

    private TrinoFunctions() {
    }

    /** Every operator Glaux adds; chain it after {@code SqlStdOperatorTable.instance()}. */
    public static SqlOperatorTable operatorTable() {
        return new GlauxOperatorTable(FUNCTIONS.values());
    }

    /**
     * The Calcite library operators the bindings use, and only those, rather than whole libraries: enabling a library
     * also makes its other functions (and its semantics for names Trino shares) reachable. GREATEST and LEAST of the
     * BigQuery/Oracle library return NULL when any argument is NULL, as Trino's do (the PostgreSQL/Spark variants skip
     * NULLs), and compare numbers, strings, dates and timestamps.
     */
    public static SqlOperatorTable libraryOperators() {
        return SqlOperatorTables.of(SqlLibraryOperators.GREATEST, SqlLibraryOperators.LEAST,
                SqlLibraryOperators.TRY_CAST);
    }

    /** The binding of a Trino function name (any case), or null if Glaux leaves the call to Calcite. */
    static @Nullable Binding binding(String name) {
        return BINDINGS.get(name.toLowerCase(Locale.ROOT));
    }

    /** The Trino names with a binding, in registration order. */
    public static List<String> supportedNames() {
        return Collections.unmodifiableList(new ArrayList<>(BINDINGS.keySet()));
    }

    /** A Glaux function by name, for tests and documentation. */
    static GlauxFunction function(String name) {
        return FUNCTIONS.get(name);
    }

    // ---- registration helpers

    /** Registers a Glaux function and binds the given Trino names to it. */
    private static void define(GlauxFunction f, String... aliases) {
        FUNCTIONS.put(f.getName(), f);
        bindTo(f, f.getName());
        for (String alias : aliases) {
            bindTo(f, alias);
        }
    }

    private static void bindTo(SqlOperator op, String name) {
        bind(name, (call, operands, pos) -> op.createCall(call.getFunctionQuantifier(), pos,
                operands.stream().map(TrinoFunctions::columnNotTimeUnit).collect(Collectors.toList())));
    }

    /**
     * The parser reads some operands of date_trunc and date_diff (BigQuery grammar) as time units; in Trino they are
     * expressions, so a bare name there is a column: {@code date_trunc('day', month)}.
     */
    private static SqlNode columnNotTimeUnit(SqlNode operand) {
        if (!(operand instanceof SqlIntervalQualifier)) {
            return operand;
        }
        SqlIntervalQualifier q = (SqlIntervalQualifier) operand;
        String name = q.timeFrameName != null ? q.timeFrameName
                : q.timeUnitRange.name().toLowerCase(Locale.ROOT);
        return new SqlIdentifier(name, q.getParserPosition());
    }

    private static void bind(String name, Binding binding) {
        if (BINDINGS.put(name, binding) != null) {
            throw new IllegalStateException("Duplicate binding " + name);
        }
    }

    private static Signature sig(Class<?> impl, String method, SqlReturnTypeInference ret, Arg... args) {
        return Signature.of(impl, method, ret, args);
    }

    /** The SQL type name of operand {@code i}'s elements (arrays) as a hidden argument. */
    private static java.util.function.Function<List<RelDataType>, List<Object>> elementTypeOf(int i) {
        return types -> {
            RelDataType component = types.get(i).getComponentType();
            return List.of(component == null ? "NULL" : component.getSqlTypeName().getName());
        };
    }

    // ---- date and time

    private static void dateTime() {
        Class<?> dt = DateTimeFunctions.class;
        define(GlauxFunction.strict("date_trunc", false,
                sig(dt, "dateTruncDate", DATE_TYPE, STRING, DATE),
                sig(dt, "dateTruncTimestamp", ReturnTypes.ARG1, STRING, TIMESTAMP)));
        define(GlauxFunction.strict("date_add", false,
                sig(dt, "dateAddDate", DATE_TYPE, STRING, BIGINT, DATE),
                sig(dt, "dateAddTimestamp", ReturnTypes.ARG2, STRING, BIGINT, TIMESTAMP)));
        define(GlauxFunction.strict("date_diff", false,
                sig(dt, "dateDiffDate", BIGINT_TYPE, STRING, DATE, DATE),
                sig(dt, "dateDiffTimestamp", BIGINT_TYPE, STRING, DATETIME, DATETIME)));
        define(GlauxFunction.strict("date_format", false,
                sig(dt, "dateFormat", VARCHAR, DATETIME, STRING)));
        define(GlauxFunction.strict("date_parse", false,
                sig(dt, "dateParse", TIMESTAMP_3, STRING, STRING)));
        define(GlauxFunction.strict("from_iso8601_timestamp", false,
                sig(dt, "fromIso8601Timestamp", TIMESTAMP_3, STRING)));
        define(GlauxFunction.strict("from_iso8601_date", false,
                sig(dt, "fromIso8601Date", DATE_TYPE, STRING)));
        define(GlauxFunction.strict("to_iso8601", false,
                sig(dt, "toIso8601Date", VARCHAR, DATE),
                sig(dt, "toIso8601Timestamp", VARCHAR, TIMESTAMP)));
        define(GlauxFunction.strict("from_unixtime", false,
                sig(dt, "fromUnixtime", TIMESTAMP_3, DOUBLE)));
        define(GlauxFunction.strict("to_unixtime", false,
                sig(dt, "toUnixtime", DOUBLE_TYPE, DATETIME)));
        define(GlauxFunction.strict("last_day_of_month", false,
                sig(dt, "lastDayOfMonth", DATE_TYPE, DATETIME)));
        define(GlauxFunction.strict("year", false, sig(dt, "year", BIGINT_TYPE, DATETIME)));
        define(GlauxFunction.strict("quarter", false, sig(dt, "quarter", BIGINT_TYPE, DATETIME)));
        define(GlauxFunction.strict("month", false, sig(dt, "month", BIGINT_TYPE, DATETIME)));
        define(GlauxFunction.strict("week", false, sig(dt, "week", BIGINT_TYPE, DATETIME)), "week_of_year");
        define(GlauxFunction.strict("year_of_week", false, sig(dt, "yearOfWeek", BIGINT_TYPE, DATETIME)), "yow");
        define(GlauxFunction.strict("day", false, sig(dt, "day", BIGINT_TYPE, DATETIME)), "day_of_month");
        define(GlauxFunction.strict("day_of_week", false, sig(dt, "dayOfWeek", BIGINT_TYPE, DATETIME)), "dow");
        define(GlauxFunction.strict("day_of_year", false, sig(dt, "dayOfYear", BIGINT_TYPE, DATETIME)), "doy");
        define(GlauxFunction.strict("hour", false, sig(dt, "hour", BIGINT_TYPE, TIMESTAMP)));
        define(GlauxFunction.strict("minute", false, sig(dt, "minute", BIGINT_TYPE, TIMESTAMP)));
        define(GlauxFunction.strict("second", false, sig(dt, "second", BIGINT_TYPE, TIMESTAMP)));
        define(GlauxFunction.strict("millisecond", false, sig(dt, "millisecond", BIGINT_TYPE, TIMESTAMP)));
        // now() is current_timestamp; Glaux has no zoned timestamps, so it is the UTC wall clock, milliseconds.
        bind("now", (call, operands, pos) -> SqlStdOperatorTable.CURRENT_TIMESTAMP.createCall(pos,
                SqlLiteral.createExactNumeric("3", pos)));
    }

    // ---- strings

    private static void strings() {
        Class<?> s = StringFunctions.class;
        define(GlauxFunction.strict("length", false, sig(s, "length", BIGINT_TYPE, STRING),
                sig(BinaryFunctions.class, "length", BIGINT_TYPE, BINARY)));
        define(GlauxFunction.strict("substr", false,
                sig(s, "substr", ReturnTypes.ARG0, STRING, BIGINT),
                sig(s, "substr", ReturnTypes.ARG0, STRING, BIGINT, BIGINT)), "substring");
        define(GlauxFunction.strict("strpos", false,
                sig(s, "strpos", BIGINT_TYPE, STRING, STRING),
                sig(s, "strpos", BIGINT_TYPE, STRING, STRING, BIGINT)));
        define(GlauxFunction.strict("starts_with", false, sig(s, "startsWith", BOOLEAN_TYPE, STRING, STRING)));
        define(GlauxFunction.strict("ends_with", false, sig(s, "endsWith", BOOLEAN_TYPE, STRING, STRING)));
        define(GlauxFunction.strict("replace", false,
                sig(s, "replace", VARCHAR, STRING, STRING),
                sig(s, "replace", VARCHAR, STRING, STRING, STRING)));
        define(GlauxFunction.strict("reverse", false,
                sig(s, "reverse", VARCHAR, STRING),
                sig(ArrayFunctions.class, "reverse", ReturnTypes.ARG0, ARRAY)));
        define(GlauxFunction.strict("split", false,
                sig(s, "split", ARRAY_OF_VARCHAR, STRING, STRING),
                sig(s, "split", ARRAY_OF_VARCHAR, STRING, STRING, BIGINT)));
        define(GlauxFunction.strict("split_part", true, sig(s, "splitPart", VARCHAR, STRING, STRING, BIGINT)));
        define(GlauxFunction.nullAware("concat_ws",
                Signature.variadic(s, "concatWs", VARCHAR, STRING, STRING),
                sig(s, "concatWs", VARCHAR, STRING, ARRAY)));
        define(GlauxFunction.strict("concat", false, Signature.variadic(s, "concat", VARCHAR, STRING)));
        define(GlauxFunction.strict("lpad", false, sig(s, "lpad", VARCHAR, STRING, BIGINT, STRING)));
        define(GlauxFunction.strict("rpad", false, sig(s, "rpad", VARCHAR, STRING, BIGINT, STRING)));
        GlauxFunction trim = GlauxFunction.strict("trim", false,
                sig(s, "trim", VARCHAR, STRING), sig(s, "trim", VARCHAR, STRING, STRING));
        FUNCTIONS.put(trim.getName(), trim);
        bind("trim", TrinoFunctions::trim);
        define(GlauxFunction.strict("ltrim", false,
                sig(s, "ltrim", VARCHAR, STRING), sig(s, "ltrim", VARCHAR, STRING, STRING)));
        define(GlauxFunction.strict("rtrim", false,
                sig(s, "rtrim", VARCHAR, STRING), sig(s, "rtrim", VARCHAR, STRING, STRING)));
        define(GlauxFunction.strict("chr", false, sig(s, "chr", VARCHAR, BIGINT)));
        define(GlauxFunction.strict("codepoint", false, sig(s, "codepoint", BIGINT_TYPE, STRING)));
        bindTo(SqlStdOperatorTable.LOWER, "lower");
        bindTo(SqlStdOperatorTable.UPPER, "upper");
    }

    /**
     * The parser turns trim(s) and trim([BOTH|LEADING|TRAILING] [chars] FROM s) into TRIM(flag, chars, s), with a
     * single space when no characters are given. A single space is taken as Trino's trim(s), which removes all
     * whitespace; other characters are a set to remove, as in Trino.
     */
    private static SqlNode trim(SqlCall call, List<SqlNode> operands, SqlParserPos pos) {
        if (!(call.getOperator() instanceof org.apache.calcite.sql.fun.SqlTrimFunction) || operands.size() != 3) {
            return function("trim").createCall(pos, operands);
        }
        Object flag = ((SqlLiteral) operands.get(0)).getValue();
        String name = flag == org.apache.calcite.sql.fun.SqlTrimFunction.Flag.LEADING ? "ltrim"
                : flag == org.apache.calcite.sql.fun.SqlTrimFunction.Flag.TRAILING ? "rtrim" : "trim";
        SqlNode chars = operands.get(1);
        boolean whitespace = chars instanceof SqlLiteral
                && " ".equals(((SqlLiteral) chars).toValue());
        return whitespace ? function(name).createCall(pos, operands.get(2))
                : function(name).createCall(pos, operands.get(2), chars);
    }

    // ---- regular expressions

    private static void regexps() {
        Class<?> r = RegexpFunctions.class;
        define(GlauxFunction.strict("regexp_like", false, sig(r, "regexpLike", BOOLEAN_TYPE, STRING, STRING)));
        define(GlauxFunction.strict("regexp_extract", true,
                sig(r, "regexpExtract", VARCHAR, STRING, STRING),
                sig(r, "regexpExtract", VARCHAR, STRING, STRING, BIGINT)));
        define(GlauxFunction.strict("regexp_extract_all", false,
                sig(r, "regexpExtractAll", ARRAY_OF_VARCHAR, STRING, STRING),
                sig(r, "regexpExtractAll", ARRAY_OF_VARCHAR, STRING, STRING, BIGINT)));
        define(GlauxFunction.strict("regexp_replace", false,
                sig(r, "regexpReplace", VARCHAR, STRING, STRING),
                sig(r, "regexpReplace", VARCHAR, STRING, STRING, STRING)));
        define(GlauxFunction.strict("regexp_count", false, sig(r, "regexpCount", BIGINT_TYPE, STRING, STRING)));
        define(GlauxFunction.strict("regexp_split", false,
                sig(r, "regexpSplit", ARRAY_OF_VARCHAR, STRING, STRING)));
    }

    // ---- arrays and maps

    private static void arrays() {
        Class<?> a = ArrayFunctions.class;
        define(GlauxFunction.strict("cardinality", false,
                sig(a, "cardinality", BIGINT_TYPE, ARRAY), sig(a, "cardinality", BIGINT_TYPE, MAP)));
        define(GlauxFunction.strict("element_at", true,
                sig(a, "elementAt", ELEMENT_OF_ARG0, ARRAY, BIGINT),
                sig(a, "elementAt", VALUE_OF_ARG0, MAP, ANY)));
        define(GlauxFunction.nullAware("contains", sig(a, "contains", BOOLEAN_TYPE, ARRAY, ANY)));
        define(GlauxFunction.strict("array_position", false,
                sig(a, "arrayPosition", BIGINT_TYPE, ARRAY, ANY)));
        define(GlauxFunction.strict("array_distinct", false, sig(a, "arrayDistinct", ReturnTypes.ARG0, ARRAY)));
        define(GlauxFunction.strict("array_join", false,
                Signature.withHidden(a, "arrayJoin", VARCHAR, 1, elementTypeOf(0), ARRAY, STRING),
                Signature.withHidden(a, "arrayJoin", VARCHAR, 1, elementTypeOf(0), ARRAY, STRING, STRING)));
    }

    // ---- math

    /** Trino's round(decimal(p, s)) and truncate: decimal(p - s + min(s, 1), 0) and decimal(max(p - s, 1), 0). */
    private static SqlReturnTypeInference decimalScaleZero(boolean roundUp) {
        return b -> {
            RelDataType t = b.getOperandType(0);
            int p = t.getPrecision() - t.getScale() + (roundUp ? Math.min(t.getScale(), 1) : 0);
            return b.getTypeFactory().createSqlType(SqlTypeName.DECIMAL, Math.max(p, 1), 0);
        };
    }

    private static void math() {
        Class<?> m = MathFunctions.class;
        define(GlauxFunction.strict("round", false,
                sig(m, "round", ReturnTypes.ARG0, BIGINT),
                sig(m, "round", decimalScaleZero(true), DECIMAL),
                sig(m, "round", DOUBLE_TYPE, DOUBLE),
                sig(m, "round", ReturnTypes.ARG0, BIGINT, BIGINT),
                sig(m, "round", ReturnTypes.ARG0, DECIMAL, BIGINT),
                sig(m, "round", DOUBLE_TYPE, DOUBLE, BIGINT)));
        define(GlauxFunction.strict("truncate", false,
                sig(m, "truncate", ReturnTypes.ARG0, BIGINT),
                sig(m, "truncate", decimalScaleZero(false), DECIMAL),
                sig(m, "truncate", DOUBLE_TYPE, DOUBLE),
                sig(m, "truncate", ReturnTypes.ARG0, DECIMAL, BIGINT),
                sig(m, "truncate", DOUBLE_TYPE, DOUBLE, BIGINT)));
        define(GlauxFunction.strict("mod", false,
                sig(m, "mod", ReturnTypes.LEAST_RESTRICTIVE, BIGINT, BIGINT),
                sig(m, "mod", DOUBLE_TYPE, DOUBLE, DOUBLE)));
        define(GlauxFunction.strict("log", false, sig(m, "log", DOUBLE_TYPE, DOUBLE, DOUBLE)));
        define(GlauxFunction.strict("log2", false, sig(m, "log2", DOUBLE_TYPE, DOUBLE)));
        define(GlauxFunction.strict("log10", false, sig(m, "log10", DOUBLE_TYPE, DOUBLE)));
        define(GlauxFunction.strict("nan", false, sig(m, "nan", DOUBLE_TYPE)));
        define(GlauxFunction.strict("infinity", false, sig(m, "infinity", DOUBLE_TYPE)));
        define(GlauxFunction.strict("e", false, sig(m, "e", DOUBLE_TYPE)));
        define(GlauxFunction.strict("pi", false, sig(m, "pi", DOUBLE_TYPE)));
        define(GlauxFunction.strict("is_nan", false, sig(m, "isNan", BOOLEAN_TYPE, DOUBLE)));
        define(GlauxFunction.strict("is_finite", false, sig(m, "isFinite", BOOLEAN_TYPE, DOUBLE)));
        define(GlauxFunction.strict("is_infinite", false, sig(m, "isInfinite", BOOLEAN_TYPE, DOUBLE)));
        define(GlauxFunction.nonDeterministic("random",
                sig(m, "random", DOUBLE_TYPE), sig(m, "random", ReturnTypes.ARG0, BIGINT)), "rand");
        bindTo(SqlStdOperatorTable.ABS, "abs");
        bindTo(SqlStdOperatorTable.SQRT, "sqrt");
        bindTo(SqlStdOperatorTable.CBRT, "cbrt");
        bindTo(SqlStdOperatorTable.LN, "ln");
        bindTo(SqlStdOperatorTable.EXP, "exp");
        bindTo(SqlStdOperatorTable.POWER, "pow");
        bindTo(SqlStdOperatorTable.POWER, "power");
        bindTo(SqlStdOperatorTable.SIGN, "sign");
        bindTo(SqlStdOperatorTable.DEGREES, "degrees");
        bindTo(SqlStdOperatorTable.RADIANS, "radians");
    }

    // ---- varbinary

    private static void binary() {
        Class<?> b = BinaryFunctions.class;
        SqlReturnTypeInference varbinary = ReturnTypes.explicit(SqlTypeName.VARBINARY);
        define(GlauxFunction.strict("to_hex", false, sig(b, "toHex", VARCHAR, BINARY)));
        define(GlauxFunction.strict("from_hex", false, sig(b, "fromHex", varbinary, STRING)));
        define(GlauxFunction.strict("to_utf8", false, sig(b, "toUtf8", varbinary, STRING)));
        define(GlauxFunction.strict("from_utf8", false, sig(b, "fromUtf8", VARCHAR, BINARY)));
        define(GlauxFunction.strict("to_base64", false, sig(b, "toBase64", VARCHAR, BINARY)));
        define(GlauxFunction.strict("from_base64", false, sig(b, "fromBase64", varbinary, STRING)));
        define(GlauxFunction.strict("md5", false, sig(b, "md5", varbinary, BINARY)));
        define(GlauxFunction.strict("sha1", false, sig(b, "sha1", varbinary, BINARY)));
        define(GlauxFunction.strict("sha256", false, sig(b, "sha256", varbinary, BINARY)));
        define(GlauxFunction.strict("sha512", false, sig(b, "sha512", varbinary, BINARY)));
    }

    // ---- URLs

    private static void urls() {
        Class<?> u = UrlFunctions.class;
        define(GlauxFunction.strict("url_extract_protocol", true, sig(u, "urlExtractProtocol", VARCHAR, STRING)));
        define(GlauxFunction.strict("url_extract_host", true, sig(u, "urlExtractHost", VARCHAR, STRING)));
        define(GlauxFunction.strict("url_extract_port", true, sig(u, "urlExtractPort", BIGINT_TYPE, STRING)));
        define(GlauxFunction.strict("url_extract_path", true, sig(u, "urlExtractPath", VARCHAR, STRING)));
        define(GlauxFunction.strict("url_extract_query", true, sig(u, "urlExtractQuery", VARCHAR, STRING)));
        define(GlauxFunction.strict("url_extract_fragment", true, sig(u, "urlExtractFragment", VARCHAR, STRING)));
        define(GlauxFunction.strict("url_extract_parameter", true,
                sig(u, "urlExtractParameter", VARCHAR, STRING, STRING)));
        define(GlauxFunction.strict("url_encode", false, sig(u, "urlEncode", VARCHAR, STRING)));
        define(GlauxFunction.strict("url_decode", false, sig(u, "urlDecode", VARCHAR, STRING)));
    }

    // ---- JSON (as VARCHAR text)

    private static void json() {
        Class<?> j = JsonFunctions.class;
        define(GlauxFunction.strict("json_extract_scalar", true,
                sig(j, "jsonExtractScalar", VARCHAR, STRING, STRING)));
        define(GlauxFunction.strict("json_extract", true, sig(j, "jsonExtract", VARCHAR, STRING, STRING)));
        define(GlauxFunction.strict("json_parse", false, sig(j, "jsonParse", VARCHAR, STRING)));
        define(GlauxFunction.strict("json_format", false, sig(j, "jsonFormat", VARCHAR, STRING)));
        define(GlauxFunction.strict("json_array_length", true, sig(j, "jsonArrayLength", BIGINT_TYPE, STRING)));
        define(GlauxFunction.strict("json_size", true, sig(j, "jsonSize", BIGINT_TYPE, STRING, STRING)));
        define(GlauxFunction.strict("is_json_scalar", false, sig(j, "isJsonScalar", BOOLEAN_TYPE, STRING)));
    }

    // ---- conditional expressions and aggregates, as Calcite SQL

    private static void conditionalsAndAggregates() {
        bind("if", (call, operands, pos) -> {
            if (operands.size() < 2 || operands.size() > 3) {
                return call;
            }
            SqlNode otherwise = operands.size() == 3 ? operands.get(2) : SqlLiteral.createNull(pos);
            return new SqlCase(pos, null, SqlNodeList.of(operands.get(0)), SqlNodeList.of(operands.get(1)),
                    otherwise);
        });
        bindTo(SqlStdOperatorTable.COALESCE, "coalesce");
        bindTo(SqlStdOperatorTable.NULLIF, "nullif");
        bindTo(SqlLibraryOperators.GREATEST, "greatest");
        bindTo(SqlLibraryOperators.LEAST, "least");
        // count_if(b) counts the rows where b is true: COUNT(CASE WHEN b THEN 1 END), 0 over no rows.
        bind("count_if", (call, operands, pos) -> operands.size() != 1 ? call
                : SqlStdOperatorTable.COUNT.createCall(pos, new SqlCase(pos, null, SqlNodeList.of(operands.get(0)),
                        SqlNodeList.of(SqlLiteral.createExactNumeric("1", pos)), SqlLiteral.createNull(pos))));
        // approx_distinct(x[, e]) is answered exactly: COUNT(DISTINCT x) is within any error bound.
        bind("approx_distinct", (call, operands, pos) -> operands.isEmpty() || operands.size() > 2 ? call
                : SqlStdOperatorTable.COUNT.createCall(SqlLiteral.createSymbol(
                        org.apache.calcite.sql.SqlSelectKeyword.DISTINCT, pos), pos, operands.get(0)));
        // arbitrary(x) returns some non-NULL value of the group: ANY_VALUE.
        bindTo(SqlStdOperatorTable.ANY_VALUE, "arbitrary");
    }
}
