/**
 * Trino's function library for Glaux's Calcite engine, and the pass that binds Trino function names to it.
 *
 * <h2>Wiring (what the engine does)</h2>
 * <ol>
 *   <li>Before parsing: {@link io.glaux.sql.parse.ParserText#quote(String)} — Babel parses
 *       {@code date_diff}/{@code date_trunc} with BigQuery's grammar, which rejects Trino arguments such as
 *       {@code date_diff('day', d, DATE '2024-01-01')}; quoting the names makes them ordinary calls.</li>
 *   <li>After parsing ({@code GlauxParserConfig.PARSER}), before validation:
 *       {@code node.accept(new TrinoFunctionRewriter())}.</li>
 *   <li>Validator operator table: {@code SqlOperatorTables.chain(SqlStdOperatorTable.instance(),
 *       TrinoFunctions.operatorTable(), TrinoFunctions.libraryOperators())} (plus the catalog reader), type system
 *       {@code GlauxTypeSystem}, conformance {@code GlauxParserConfig.CONFORMANCE}, case-insensitive name matching
 *       (names the rewriter leaves alone, e.g. {@code char_length}, {@code sin}, are Calcite's, looked up by
 *       name).</li>
 *   <li>System properties {@code calcite.default.charset=UTF-8}, {@code calcite.default.nationalcharset=UTF-8},
 *       {@code calcite.default.collation.name=UTF-8$en_US} before Calcite loads, else non-Latin-1 literals fail.</li>
 *   <li>The DataContext's clock ({@code currentTimestamp}, {@code localTimestamp}) and time zone in UTC: now() is
 *       {@code CURRENT_TIMESTAMP(3)}.</li>
 *   <li>Functions throw {@link io.glaux.error.GlauxException} ({@code FUNCTION_ERROR}, Trino code
 *       {@code INVALID_FUNCTION_ARGUMENT} or {@code DIVISION_BY_ZERO} in {@code trinoCode()}, Trino's wording in
 *       {@code detail()}; see {@code FunctionErrors}) from generated code at run time, or during planning when
 *       Calcite folds a constant call; look for it in the cause chain.</li>
 * </ol>
 *
 * <h2>Supported functions (Trino semantics)</h2>
 * <ul>
 *   <li>Date and time: date_trunc, date_add, date_diff (units millisecond..year, quarter, week; DATE allows
 *       day..year), date_format, date_parse (MySQL-style specifiers, see {@code MySqlDateFormat}),
 *       from_iso8601_timestamp, from_iso8601_date, to_iso8601, from_unixtime(double), to_unixtime, now,
 *       last_day_of_month, year, quarter, month, week/week_of_year, year_of_week/yow, day/day_of_month,
 *       day_of_week/dow, day_of_year/doy, hour, minute, second, millisecond. Glaux has no zoned timestamps:
 *       from_iso8601_timestamp and from_unixtime return the UTC instant as a TIMESTAMP(3).</li>
 *   <li>Strings (code points, 1-based): length (also varbinary), substr/substring (negative start from the end),
 *       strpos (2 and 3 arguments), starts_with, ends_with, replace (2 and 3 arguments), reverse (also arrays),
 *       split (2 and 3 arguments, array(varchar)), split_part, concat_ws (variadic or array; NULLs skipped, NULL
 *       separator gives NULL), concat, lpad, rpad, trim/ltrim/rtrim (whitespace, or a set of characters), chr,
 *       codepoint; lower, upper are Calcite's.</li>
 *   <li>Regular expressions (Java syntax): regexp_like, regexp_extract (NULL without match), regexp_extract_all,
 *       regexp_replace (2 arguments remove; $1 / ${name} in replacements), regexp_count, regexp_split.</li>
 *   <li>Arrays and maps: cardinality, element_at (arrays: 1-based, negative from the end, NULL outside, 0 is an
 *       error; maps: NULL for a missing key), contains (NULL if not found among NULLs), array_position,
 *       array_distinct, array_join (2 and 3 arguments; dates/timestamps printed as Trino casts them).</li>
 *   <li>Math: round and truncate (1 and 2 arguments, half away from zero, decimal types kept), mod, log(b, x),
 *       log2, log10, nan, infinity, e, pi, is_nan, is_finite, is_infinite, random/rand (0 and 1 argument);
 *       abs, sqrt, cbrt, ln, exp, pow/power, sign, degrees, radians are Calcite's, and so are ceil/ceiling/floor
 *       (the parser binds them).</li>
 *   <li>Varbinary: to_hex, from_hex, to_utf8, from_utf8, to_base64, from_base64, md5, sha1, sha256, sha512
 *       (over varbinary only, as in Trino).</li>
 *   <li>URLs: url_extract_protocol/host/port/path/query/fragment/parameter (NULL for an invalid URL),
 *       url_encode, url_decode.</li>
 *   <li>JSON, as VARCHAR text (no JSON type): json_extract_scalar, json_extract, json_parse, json_format,
 *       json_array_length, json_size, is_json_scalar; paths {@code $}, {@code .a}, {@code ["a"]}, {@code [0]}.</li>
 *   <li>Conditionals: if(c, a[, b]) as CASE; coalesce, nullif are Calcite's; greatest, least are Calcite's
 *       BigQuery/Oracle operators (NULL if any argument is NULL).</li>
 *   <li>Aggregates: count_if(b) as COUNT(CASE WHEN b THEN 1 END); approx_distinct(x[, e]) as COUNT(DISTINCT x) —
 *       exact, so within any error bound; arbitrary(x) as ANY_VALUE(x).</li>
 * </ul>
 *
 * <h2>Structure</h2>
 * {@link io.glaux.sql.function.TrinoFunctions} answers for the registry ({@code FunctionRegistry}) that the function
 * families build: each family class ({@code DateTimeFunctions}, {@code StringFunctions}, {@code RegexpFunctions},
 * {@code ArrayFunctions}, {@code MathFunctions}, {@code BinaryFunctions}, {@code UrlFunctions}, {@code JsonFunctions},
 * {@code ConditionalFunctions}) declares, in its {@code declare(FunctionRegistry.Builder)}, how each of its Trino names
 * is bound — to a Glaux function (a {@code GlauxFunction} with {@code Signature}s naming the family's public static
 * methods), to a Calcite operator, or to an SQL expression — next to the methods that implement them. A new family is
 * one class and one line in {@code TrinoFunctions}. Glaux functions are registered under the qualified identifier
 * {@code glaux.<name>} so they never collide with Calcite operators of the same simple name during validation's
 * lookup.
 *
 * <h2>Numeric semantics and try</h2>
 * Some of Calcite's operators behave differently from Trino's at run time; the planner replaces them after
 * conversion by operators implemented here ({@code PlannedOperator}: an operator never written in SQL, calling a public
 * static method): {@code CheckedArithmetic} (integer {@code + - *}, negation and {@code abs} failing on overflow
 * through {@code TrinoArithmetic}'s {@code Math.*Exact} calls) and {@code ArraySubscript} (a subscript past the end
 * fails). {@code NanComparison} keeps the simplifier from deciding that a double equals itself. {@code TryFunction} is
 * Trino's {@code try}: its operand becomes a lambda so that generated code evaluates it inside try's handler.
 */
package io.glaux.sql.function;
