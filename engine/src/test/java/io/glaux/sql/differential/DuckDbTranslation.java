package io.glaux.sql.differential;

import io.glaux.sql.parse.SqlScan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Rewrites a query written in Trino's dialect into DuckDB's where DuckDB spells the same operation differently. It is
 * a table of function names, each mapped to DuckDB's spelling of the call given its (already rewritten) argument
 * texts; a call is found by name followed by {@code (}, arguments are split at top-level commas (outside parentheses,
 * brackets and quotes). Nothing here changes what a query means: where Trino and DuckDB differ in behaviour, the query
 * keeps Trino's meaning and the difference is documented in {@code documented-differences.tsv} instead.
 *
 * <p>The entries, each a spelling only:
 * <ul>
 *   <li>{@code date_add(unit, n, x)}: DuckDB adds an interval, {@code x + INTERVAL (n) unit}; a DATE plus an interval
 *       is a TIMESTAMP in DuckDB, so it is cast back to the argument's type with {@code CAST(... AS typeof)}, spelled
 *       for the generator's two temporal columns ({@code d} date, {@code ts} timestamp).</li>
 *   <li>{@code date_diff(unit, a, b)}: Trino counts whole units from a to b; DuckDB's {@code date_sub} does that
 *       ({@code date_diff} there counts unit boundaries crossed).</li>
 *   <li>{@code day_of_week(x)}: ISO day of week 1 (Monday) to 7 is DuckDB's {@code isodow}.</li>
 *   <li>{@code concat(a, b, ...)}: Trino's concat is NULL when an argument is; DuckDB's {@code concat} skips NULLs and
 *       its {@code ||} does not, so it becomes {@code (a || b || ...)}.</li>
 *   <li>{@code cardinality(array)}: DuckDB's {@code len}; {@code cardinality(map)} is spelled the same (maps are the
 *       generator's column {@code attrs}).</li>
 *   <li>{@code element_at(array, i)}: {@code list_extract}; {@code element_at(map, k)}: {@code map_extract_value}
 *       (DuckDB's element_at on a map gives a list).</li>
 *   <li>{@code contains(array, x)}: {@code list_contains}.</li>
 *   <li>{@code array_min}, {@code array_max}: {@code list_min}, {@code list_max}.</li>
 *   <li>{@code date_trunc(unit, x)}: the same name, cast back to the argument's type (DuckDB truncates a
 *       timestamp to a DATE for units of a day or more) and guarded by {@code CASE WHEN x IS NULL THEN NULL ...}:
 *       DuckDB 1.4.2 gives date_trunc of a NULL date a non-NULL value (the smallest date) in grouped queries, a
 *       DuckDB defect that would otherwise show as a difference.</li>
 *   <li>{@code array_join(array, sep)}: {@code array_to_string}.</li>
 *   <li>{@code transform(array, lambda)}, {@code filter(array, lambda)}: {@code list_transform},
 *       {@code list_filter}.</li>
 *   <li>{@code at_timezone(ts, zone)}: DuckDB has no zone in its values, so the zoned value becomes its wall clock
 *       in the zone, {@code ((ts AT TIME ZONE 'UTC') AT TIME ZONE zone)} (the session zone is UTC in both); the
 *       generator only applies to it what reads the wall clock (fields, text, truncation, a cast to timestamp), and
 *       {@code to_unixtime}, which reads the instant and so takes the timestamp inside.</li>
 *   <li>{@code format_datetime(x, 'yyyy-MM-dd HH:mm')}: {@code strftime} with the same fields.</li>
 *   <li>{@code from_unixtime(n)}: {@code to_timestamp(n)}, as its UTC wall clock.</li>
 * </ul>
 */
final class DuckDbTranslation {

    private static final Map<String, Function<List<String>, String>> CALLS = Map.ofEntries(
            Map.entry("date_add", a -> a.get(2).trim().endsWith("ts")
                    ? "(" + a.get(2) + " + INTERVAL (" + a.get(1) + ") " + unquote(a.get(0)) + ")"
                    : "CAST(" + a.get(2) + " + INTERVAL (" + a.get(1) + ") " + unquote(a.get(0)) + " AS DATE)"),
            Map.entry("date_diff", a -> call("date_sub", a)),
            Map.entry("date_trunc", a -> "CASE WHEN " + a.get(1) + " IS NULL THEN NULL ELSE CAST("
                    + call("date_trunc", a) + " AS " + (isTimestamp(a.get(1)) ? "TIMESTAMP" : "DATE")
                    + ") END"),
            Map.entry("day_of_week", a -> call("isodow", a)),
            Map.entry("concat", a -> "(" + String.join(" ||", a) + ")"),
            Map.entry("cardinality", a -> call(isMap(a.get(0)) ? "cardinality" : "len", a)),
            Map.entry("element_at", a -> call(isMap(a.get(0)) ? "map_extract_value" : "list_extract", a)),
            Map.entry("contains", a -> call("list_contains", a)),
            Map.entry("array_join", a -> call("array_to_string", a)),
            Map.entry("array_min", a -> call("list_min", a)),
            Map.entry("array_max", a -> call("list_max", a)),
            Map.entry("transform", a -> call("list_transform", a)),
            Map.entry("filter", a -> call("list_filter", a)),
            Map.entry("at_timezone", a -> "((" + a.get(0) + " AT TIME ZONE 'UTC') AT TIME ZONE " + a.get(1) + ")"),
            Map.entry("to_unixtime", a -> call("epoch", List.of(instant(a.get(0))))),
            Map.entry("format_datetime", a -> "strftime(" + a.get(0) + ", " + strftime(a.get(1)) + ")"),
            Map.entry("from_unixtime", a -> "(to_timestamp(" + a.get(0) + ") AT TIME ZONE 'UTC')"));

    private DuckDbTranslation() {
    }

    /** The query in DuckDB's spelling. */
    static String toDuckDb(String trinoSql) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < trinoSql.length()) {
            char c = trinoSql.charAt(i);
            int skipped = SqlScan.skip(trinoSql, i);
            if (skipped != i) {
                out.append(trinoSql, i, skipped);
                i = skipped;
            } else if (Character.isLetter(c) && (i == 0 || !isIdentifierPart(trinoSql.charAt(i - 1)))) {
                int end = i;
                while (end < trinoSql.length() && isIdentifierPart(trinoSql.charAt(end))) {
                    end++;
                }
                String name = trinoSql.substring(i, end).toLowerCase(Locale.ROOT);
                Function<List<String>, String> call = CALLS.get(name);
                if (call != null && end < trinoSql.length() && trinoSql.charAt(end) == '(') {
                    int close = SqlScan.matching(trinoSql, end);
                    if (close < 0) {
                        throw new IllegalArgumentException("Unbalanced parentheses in " + trinoSql);
                    }
                    List<String> args = new ArrayList<>();
                    for (String arg : SqlScan.splitTopLevel(trinoSql.substring(end + 1, close), ',')) {
                        args.add(toDuckDb(arg));
                    }
                    out.append(call.apply(args));
                    i = close + 1;
                } else {
                    out.append(trinoSql, i, end);
                    i = end;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String call(String name, List<String> arguments) {
        return name + "(" + String.join(",", arguments) + ")";
    }

    /** The generator's timestamp column, or a zoned value's wall clock made from it. */
    private static boolean isTimestamp(String argument) {
        return argument.trim().endsWith("ts") || argument.contains(" AT TIME ZONE ");
    }

    /** The timestamp (UTC) inside a translated {@code at_timezone}: the instant a zoned value stands for. */
    private static String instant(String argument) {
        String prefix = "((";
        int at = argument.indexOf(" AT TIME ZONE 'UTC')");
        return argument.trim().startsWith(prefix) && at > 0 ? argument.trim().substring(prefix.length(), at)
                : argument;
    }

    /** Joda's {@code yyyy-MM-dd HH:mm}, the one pattern the generator uses, in strftime's letters. */
    private static String strftime(String jodaPattern) {
        return jodaPattern.replace("yyyy", "%Y").replace("MM", "%m").replace("dd", "%d").replace("HH", "%H")
                .replace("mm", "%M");
    }

    private static boolean isMap(String argument) {
        return argument.trim().endsWith("attrs");
    }

    private static String unquote(String literal) {
        String trimmed = literal.trim();
        return trimmed.substring(1, trimmed.length() - 1);
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
