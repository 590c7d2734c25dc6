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
 *   <li>The DataContext's clock ({@code currentTimestamp}, {@code localTimestamp}) and time zone in UTC: now() and
 *       current_timestamp are {@code $utc_clock(LOCALTIMESTAMP(3))}, timestamp(3) with time zone in UTC.</li>
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
 *       day_of_week/dow, day_of_year/doy, hour, minute, second, millisecond. {@code timestamp(3) with time zone}
 *       ({@code ZonedTimestampFunctions}, values packed by {@code io.glaux.format.ZonedTimestamp}): at_timezone,
 *       with_timezone, timezone_hour/minute, parse_datetime, from_unixtime (1 to 3 arguments) and
 *       from_iso8601_timestamp return zoned values; the functions above take them too, in their own zone;
 *       {@code ZonedCasts} does casts, instant comparisons and interval arithmetic. {@code time(p) with time zone}
 *       ({@code ZonedTimeFunctions}, values packed by {@code io.glaux.format.ZonedTime}, a {@code long} in generated
 *       code by {@code JsonType.TypeFactory}): literals, current_time, casts and comparisons.</li>
 *   <li>Strings (code points, 1-based): length (also varbinary), substr/substring (negative start from the end),
 *       strpos (2 and 3 arguments), starts_with, ends_with, replace (2 and 3 arguments), reverse (also arrays),
 *       split (2 and 3 arguments, array(varchar)), split_part, concat_ws (variadic or array; NULLs skipped, NULL
 *       separator gives NULL), concat, lpad, rpad, trim/ltrim/rtrim (whitespace, or a set of characters), chr,
 *       codepoint.</li>
 *   <li>Regular expressions (Java syntax): regexp_like, regexp_extract (NULL without match), regexp_extract_all,
 *       regexp_replace (2 arguments remove; $1 / ${name} in replacements), regexp_count, regexp_split.</li>
 *   <li>Arrays and maps: cardinality, element_at (arrays: 1-based, negative from the end, NULL outside, 0 is an
 *       error; maps: NULL for a missing key), {@code ARRAY[]} (the rewriter makes it {@code ArrayFunctions}'
 *       {@code $empty_array}, of NULL elements, which the planner retypes where it widens), contains (NULL if not found among NULLs), array_position,
 *       array_distinct, array_join (2 and 3 arguments; dates/timestamps printed as Trino casts them), array_sort
 *       (NULLs last), slice, flatten, array_union, array_intersect, array_except, array_max, array_min (NULL if an
 *       element is NULL), array_remove, arrays_overlap (NULL when only NULLs could match), repeat, combinations,
 *       ngrams, zip, shuffle, sequence (bigints, dates by days or an interval, timestamps by an interval; at most
 *       10000 entries), concat of arrays and of an array and an element.</li>
 *   <li>Lambdas ({@code x -> expr}, {@code (x, y) -> expr}, parsed by Calcite's Babel grammar as {@code SqlLambda}):
 *       transform, filter, reduce, zip_with, any_match, all_match, none_match (three-valued), array_sort with a
 *       comparator, map_filter, transform_keys, transform_values. A signature with {@code Arg.FUNCTION} operands
 *       names its lambdas' parameter types ({@code LambdaParameters}); {@code LambdaBinding} gives the lambda those
 *       types during validation and validates it again, and code generation passes it as a linq4j function
 *       ({@code Lambdas}). Calcite's lambda scope sees only the parameters, so {@code LambdaCapture} rewrites a
 *       lambda using columns of the row (transform, filter, *_match, zip_with, array_sort, map_filter,
 *       transform_keys, transform_values, reduce, map_zip_with) into one given the column's value as its last parameter
 *       (several columns: a row of them, {@code PackedParameter}; with two parameters, a row of the second and the
 *       columns; every lambda of the call gets the same row); map_zip_with's three-parameter lambda gets its two
 *       values (and columns) as one row likewise. {@code LambdaFieldAccess} reads
 *       {@code s.sum} on a row parameter as {@code s['sum']}, which the planner makes a {@code RowField} read.
 *       regexp_replace with a lambda over the capturing groups.</li>
 *   <li>Math: round and truncate (1 and 2 arguments, half away from zero, decimal types kept), mod, log(b, x),
 *       log2, log10, nan, infinity, e, pi, is_nan, is_finite, is_infinite, random/rand (0 and 1 argument);
 *       abs, sqrt, cbrt, ln, exp, pow/power, sign, degrees, radians are Calcite's, and so are ceil/ceiling/floor
 *       (the parser binds them).</li>
 *   <li>Varbinary: to_hex, from_hex, to_utf8, from_utf8, to_base64, from_base64, md5, sha1, sha256, sha512
 *       (over varbinary only, as in Trino).</li>
 *   <li>Scalars of issue 14: format_datetime (Joda patterns, {@code JodaDateFormat}), current_timezone, date,
 *       parse_duration, to_milliseconds, human_readable_seconds, parse_data_size ({@code UnitFunctions}); format
 *       ({@code FormatFunction}); upper, lower (code point by code point), translate, normalize,
 *       levenshtein_distance, hamming_distance, soundex, luhn_check ({@code TextFunctions}); regexp_position;
 *       width_bucket, from_base, to_base, cosh, tanh, great_circle_distance; normal_cdf, inverse_normal_cdf,
 *       beta_cdf, inverse_beta_cdf, wilson_interval_lower/upper ({@code ProbabilityFunctions}); bit_count,
 *       bitwise_and/or/xor/not and shifts ({@code BitwiseFunctions}); crc32, xxhash64, murmur3, spooky_hash_v2_32/64 ({@code SpookyHashV2}), hmac_md5/sha1/
 *       sha256/sha512 ({@code HashFunctions}); to/from_base64url, to/from_big_endian_32/64, to/from_ieee754_32/64,
 *       from_utf8 with a replacement, varbinary substr, lpad, rpad, concat, reverse.</li>
 *   <li>URLs: url_extract_protocol/host/port/path/query/fragment/parameter (NULL for an invalid URL),
 *       url_encode, url_decode.</li>
 *   <li>Geospatial ({@code GeospatialFunctions}, {@code GeometryRelations}; SQL type GEOMETRY, JTS objects at run
 *       time, printed as WKT): ST_Point, ST_GeometryFromText, ST_LineFromText, ST_Polygon, ST_AsText, ST_X/Y,
 *       ST_XMin/XMax/YMin/YMax, ST_Area, ST_Length, ST_Distance, ST_GeometryType, ST_NumPoints, ST_StartPoint/EndPoint,
 *       ST_IsEmpty, ST_IsValid, ST_Centroid, ST_ConvexHull, ST_Contains/Within/Intersects/Touches/Overlaps/Crosses/
 *       Disjoint/Equals.</li>
 *   <li>Maps ({@code MapFunctions}): map() and map(keys, values) (Trino's errors for NULL or repeated keys and
 *       different lengths), map_from_entries, multimap_from_entries, map_entries, map_keys, map_values, map_concat
 *       (the last value of a repeated key wins), split_to_map, split_to_multimap.</li>
 *   <li>Window functions: Calcite's, with {@code WindowFunctions} (from {@code TrinoFunctionRewriter}) writing
 *       percent_rank and cume_dist as windowed counts, nth_value as NULL past the frame's end, and IGNORE NULLS
 *       of first_value, last_value, nth_value, lag and lead as reads of the frame's non-NULL values;
 *       {@code io.glaux.sql.plan.WindowCollation} keeps an ORDER BY above a window. cosine_similarity is
 *       {@code MapFunctions}'.</li>
 *   <li>JSON: the json type is {@code JsonType}, a VARCHAR holding canonical JSON text that {@code typeof}, result
 *       metadata and casts tell apart; json_extract_scalar, json_extract, json_parse, json_format (canonical:
 *       members sorted, numbers as Java reads them), json_array_length, json_array_contains, json_array_get,
 *       json_size, is_json_scalar; paths {@code $}, {@code .a}, {@code ["a"]}, {@code [0]}. {@code JSON '...'}
 *       literals are json_parse calls ({@code ParserText}); CAST to JSON and CAST of a JSON value (json_parse,
 *       json_extract, json_array_get, a JSON literal) to a type are bound to the name {@code cast} by
 *       {@code JsonCasts}.</li>
 *   <li>typeof(x): x's type as Trino spells it ({@code TrinoTypeNames}).</li>
 *   <li>Conditionals: if(c, a[, b]) as CASE; coalesce, nullif are Calcite's; greatest, least are Calcite's
 *       BigQuery/Oracle operators (NULL if any argument is NULL).</li>
 *   <li>Aggregates: count_if(b) as COUNT(CASE WHEN b THEN 1 END); approx_distinct(x[, e]) as COUNT(DISTINCT x) —
 *       exact, so within any error bound; arbitrary(x) as ANY_VALUE(x).</li>
 *   <li>Glaux aggregates ({@code AggregateFunctions}; GROUP BY, no GROUP BY, DISTINCT, FILTER and OVER (...)):
 *       bool_and/every, bool_or, max_by/min_by (x, y[, n]), max/min (x, n) as arrays, approx_percentile (x[, w], p
 *       or ARRAY[p...]; exact: the smallest value whose cumulative weight exceeds p times the total),
 *       approx_most_frequent (exact counts), geometric_mean, skewness, kurtosis, corr, covar_pop, covar_samp,
 *       regr_slope, regr_intercept (real for integer and real operands, double for doubles, as Trino picks),
 *       array_agg (NULLs kept), map_agg, multimap_agg, map_union, histogram (maps as {@code java.util.Map}), bitwise_and_agg, bitwise_or_agg,
 *       checksum (Trino's XXH64-based sum), numeric_histogram; any_value as ANY_VALUE; reduce_agg as reduce over
 *       {@code array_agg} of the non-NULL values. NULL over no rows.
 *       {@code agg(x ORDER BY y)} becomes {@code agg(x) WITHIN GROUP (ORDER BY y)}, the call's collation.</li>
 * </ul>
 *
 * <h2>Structure</h2>
 * {@link io.glaux.sql.function.TrinoFunctions} answers for the registry ({@code FunctionRegistry}) that the function
 * families build: each family class ({@code DateTimeFunctions}, {@code StringFunctions}, {@code RegexpFunctions},
 * {@code ArrayFunctions}, {@code MathFunctions}, {@code BinaryFunctions}, {@code UrlFunctions}, {@code JsonFunctions},
 * {@code MapFunctions}, {@code JsonCasts}, {@code TypeFunctions}, {@code ConditionalFunctions}) declares, in its {@code declare(FunctionRegistry.Builder)}, how each of its Trino names
 * is bound — to a Glaux function (a {@code GlauxFunction} with {@code Signature}s naming the family's public static
 * methods), to a Calcite operator, or to an SQL expression — next to the methods that implement them. A new family is
 * one class and one line in {@code TrinoFunctions}. Glaux functions are registered under the qualified identifier
 * {@code glaux.<name>} so they never collide with Calcite operators of the same simple name during validation's
 * lookup. Aggregates are {@code GlauxAggregate}s, declared the same way with {@code AggregateSignature}s: each names
 * the public {@code GlauxAccumulator} class (init by its constructor, add, merge, result) that Calcite's Enumerable
 * aggregation and windows run per group; SPICE's vectorized aggregation leaves them to Calcite.
 *
 * <h2>Numeric semantics and try</h2>
 * Some of Calcite's operators behave differently from Trino's at run time; the planner replaces them after
 * conversion by operators implemented here ({@code PlannedOperator}: an operator never written in SQL, calling a public
 * static method): {@code CheckedArithmetic} (integer {@code + - *}, negation and {@code abs} failing on overflow
 * through {@code TrinoArithmetic}'s {@code Math.*Exact} calls), {@code ArraySubscript} (a subscript past the end
 * fails) and {@code MapSubscript} (a subscript of a key the map does not hold fails). {@code NanComparison} keeps the simplifier from deciding that a double equals itself. {@code TryFunction} is
 * Trino's {@code try}: its operand becomes a lambda so that generated code evaluates it inside try's handler.
 */
package io.glaux.sql.function;
