package io.glaux.sql.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Queries in Trino's dialect over {@link DifferentialData}'s tables, drawn from templates with random choices (a
 * fixed seed gives the same queries): filters, joins, grouped aggregates with HAVING, window functions, ORDER BY with
 * NULLS FIRST/LAST and LIMIT, scalar expressions (CASE, COALESCE, NULLIF, decimal arithmetic, date, zoned timestamp,
 * string, array and map functions) and UNNEST. A query that has a LIMIT or whose order is compared orders by a unique key last, so
 * that its answer is one list whatever the engine.
 */
final class QueryGenerator {

    /** A generated query and whether its rows are compared in order. */
    record Query(int number, String sql, boolean ordered) {
    }

    private static final String[] INT_COLUMNS = {"qty", "cust_id", "prod_id", "id"};
    private static final String[] COMPARISONS = {"=", "<>", "<", "<=", ">", ">="};

    private final Random random;
    private final List<Supplier<String>> unordered = List.of(
            this::filter, this::projection, this::projection, this::projection, this::aggregate, this::join,
            this::joinAggregate, this::window, this::unnest);

    QueryGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} queries: about one in six ordered and limited, the rest compared as multisets. */
    List<Query> queries(int count) {
        List<Query> queries = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            if (random.nextInt(6) == 0) {
                queries.add(new Query(n, orderedLimit(), true));
            } else {
                queries.add(new Query(n, pick(unordered).get(), false));
            }
        }
        return queries;
    }

    /**
     * {@code count} queries filtered by sub-queries, numbered from {@code first}: correlated [NOT] EXISTS (also with a
     * non-equality and over a grouped sub-query), [NOT] IN over values holding NULLs, empty sub-queries, correlated
     * NOT IN, comparisons with a correlated aggregate, alone or beside another condition under AND or OR. Not generated: EXISTS with two non-equality
     * correlated conditions ({@code g.id <> f.id AND g.qty > f.qty}), where DuckDB's answer differs from its own
     * answer to the same query written as a join.
     */
    List<Query> subQueries(int count, int first) {
        List<Query> queries = new ArrayList<>();
        for (int n = first; n < first + count; n++) {
            queries.add(new Query(n, subQuery(), false));
        }
        return queries;
    }

    private String subQuery() {
        String not = random.nextBoolean() ? "NOT " : "";
        String condition = switch (random.nextInt(11)) {
            case 0 -> not + "EXISTS (SELECT * FROM customers c WHERE c.cust_id = f.cust_id"
                    + pick("", " AND c.score > f.qty", " AND c.score <> f.qty", " AND c.region IS NULL",
                    " AND c.score > " + random.nextInt(50)) + ")";
            case 1 -> not + "EXISTS (SELECT * FROM fact g WHERE g.cust_id = f.cust_id AND "
                    + pick("g.id <> f.id", "g.qty > f.qty", "g.id <> f.id AND g.note IS NULL", "g.id <> f.id AND g.flag")
                    + ")";
            case 2 -> "f.qty " + not + "IN (SELECT c.score FROM customers c" + pick("", " WHERE c.score > "
                    + random.nextInt(50), " WHERE c.score IS NOT NULL", " WHERE c.score > 1000") + ")";
            case 3 -> "f.qty " + not + "IN (SELECT c.score FROM customers c WHERE c.cust_id = f.cust_id"
                    + pick("", " AND c.region IS NOT NULL") + ")";
            case 4 -> "f.cust_id " + not + "IN (SELECT g.qty FROM fact g WHERE g.id < f.id AND g.id > f.id - "
                    + random.nextInt(30) + ")";
            case 5 -> "f.prod_id " + not + "IN (SELECT p.prod_id FROM products p WHERE " + pick("p.active",
                    "p.list_price > f.price", "NOT p.active", "p.category IS NULL") + ")";
            case 6 -> not + "EXISTS (SELECT p.category, count(*) FROM products p WHERE p.prod_id = f.prod_id"
                    + " GROUP BY p.category)";
            case 7 -> not + "EXISTS (SELECT * FROM products p WHERE p.prod_id = f.prod_id AND p.list_price < f.amount)";
            case 9 -> "f.qty " + pick(COMPARISONS) + " (SELECT " + pick("avg(g.qty)", "0.5 * sum(g.qty)", "max(g.qty)",
                    "min(g.qty) + 1", "count(*)", "coalesce(max(g.qty), 0)") + " FROM fact g WHERE g.cust_id = f.cust_id"
                    + pick("", " AND g.flag", " AND g.id <> f.id") + ")";
            case 10 -> "f.amount " + pick(COMPARISONS) + " (SELECT " + pick("max(p.list_price)", "min(p.list_price)",
                    "avg(p.list_price)")
                    + " FROM products p WHERE p.prod_id = f.prod_id)";
            default -> "f.qty " + not + "IN (SELECT g.qty + 1 FROM fact g WHERE g.cust_id = f.cust_id AND g.id <> f.id)";
        };
        String beside = random.nextBoolean() ? "" : pick(" AND ", " OR ") + pick("f.qty > 5", "f.note IS NULL",
                "f.flag", "NOT EXISTS (SELECT * FROM customers c2 WHERE c2.cust_id = f.cust_id AND c2.score < 10)",
                "f.prod_id IN (SELECT p2.prod_id FROM products p2 WHERE p2.active)");
        return "SELECT f.id, f.qty FROM fact f WHERE " + condition + beside;
    }

    private String filter() {
        return "SELECT id, " + pick("qty", "price", "amount", "note", "flag", "d", "ts") + " FROM fact WHERE "
                + predicate(1 + random.nextInt(3));
    }

    private String projection() {
        String where = random.nextInt(3) == 0 ? " WHERE " + predicate(1) : "";
        return "SELECT id, " + expression() + " AS e1, " + expression() + " AS e2 FROM fact" + where;
    }

    private String aggregate() {
        String key = pick("cust_id", "flag", "note", "d", "qty % 5", "date_trunc('month', d)", "cardinality(nums)");
        String having = random.nextInt(3) == 0 ? " HAVING count(*) " + pick(COMPARISONS) + " " + random.nextInt(40)
                : random.nextInt(4) == 0 ? " HAVING sum(qty) > " + (random.nextInt(200) - 50) : "";
        String where = random.nextInt(2) == 0 ? " WHERE " + predicate(1) : "";
        return "SELECT " + key + ", " + aggregateCall() + ", " + aggregateCall() + " FROM fact" + where
                + " GROUP BY " + key + having;
    }

    private String aggregateCall() {
        return pick("count(*)", "count(note)", "count(DISTINCT " + pick("note", "cust_id", "d") + ")",
                "sum(" + pick("qty", "amount", "price", "id") + ")",
                "avg(" + pick("qty", "amount", "price") + ")",
                "min(" + pick("qty", "note", "d", "ts", "amount") + ")",
                "max(" + pick("qty", "note", "d", "ts", "amount", "price") + ")",
                "count_if(flag)", "bool_or(flag)", "sum(CASE WHEN flag THEN qty ELSE 0 END)");
    }

    private String join() {
        String kind = pick("JOIN", "LEFT JOIN", "FULL JOIN", "RIGHT JOIN");
        if (random.nextBoolean()) {
            return "SELECT f.id, f.qty, c.cust_id, c.name, c.region FROM fact f " + kind
                    + " customers c ON f.cust_id = c.cust_id" + (random.nextBoolean() ? " AND c.score > "
                    + random.nextInt(50) : "") + (random.nextBoolean() ? " WHERE f.qty > " + random.nextInt(20)
                    + " OR f.qty IS NULL" : "");
        }
        return "SELECT f.id, p.prod_id, p.pname, p.list_price, f.amount - p.list_price FROM fact f " + kind
                + " products p ON f.prod_id = p.prod_id" + (random.nextBoolean() ? " AND p.active" : "");
    }

    private String joinAggregate() {
        String key = pick("c.region", "p.category", "c.region, p.category");
        return "SELECT " + key + ", count(*), count(f.id), sum(f.amount), sum(p.list_price), avg(f.qty), max(c.score)"
                + " FROM fact f " + pick("JOIN", "LEFT JOIN") + " customers c ON f.cust_id = c.cust_id "
                + pick("JOIN", "LEFT JOIN", "FULL JOIN") + " products p ON f.prod_id = p.prod_id GROUP BY " + key;
    }

    private String window() {
        String partition = pick("cust_id", "flag", "prod_id % 4", "note");
        String order = pick("qty", "d", "amount", "ts", "note") + " " + pick("ASC", "DESC") + " NULLS "
                + pick("FIRST", "LAST") + ", id";
        String function = pick(
                "row_number() OVER (PARTITION BY " + partition + " ORDER BY " + order + ")",
                "rank() OVER (PARTITION BY " + partition + " ORDER BY " + order + ")",
                "dense_rank() OVER (PARTITION BY " + partition + " ORDER BY " + pick("qty", "d", "flag") + ")",
                "rank() OVER (PARTITION BY " + partition + " ORDER BY " + pick("qty", "d", "note") + ")",
                "sum(" + pick("qty", "amount", "price") + ") OVER (PARTITION BY " + partition + ")",
                "avg(" + pick("qty", "amount") + ") OVER (PARTITION BY " + partition + ")",
                "sum(" + pick("qty", "amount") + ") OVER (PARTITION BY " + partition + " ORDER BY " + order
                        + " ROWS BETWEEN " + random.nextInt(4) + " PRECEDING AND CURRENT ROW)",
                "sum(qty) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND " + random.nextInt(3) + " FOLLOWING)",
                "count(*) OVER (PARTITION BY " + partition + ")",
                "min(d) OVER (PARTITION BY " + partition + ")",
                "lag(" + pick("qty", "note", "d") + ") OVER (PARTITION BY " + partition + " ORDER BY " + order + ")",
                "lead(" + pick("qty", "amount") + ", " + (1 + random.nextInt(3)) + ") OVER (PARTITION BY "
                        + partition + " ORDER BY " + order + ")");
        return "SELECT id, " + partition + ", " + function + " FROM fact"
                + (random.nextBoolean() ? " WHERE " + predicate(1) : "");
    }

    private String unnest() {
        if (random.nextBoolean()) {
            return "SELECT f.id, u.x FROM fact f CROSS JOIN UNNEST(f.nums) AS u(x)"
                    + (random.nextBoolean() ? " WHERE u.x > " + (random.nextInt(10) - 2) : "");
        }
        return "SELECT u.t, count(*), count(DISTINCT f.id) FROM fact f CROSS JOIN UNNEST(f.tags) AS u(t)"
                + " GROUP BY u.t";
    }

    private String orderedLimit() {
        String column = pick("qty", "note", "d", "ts", "amount", "price", "flag", "cust_id");
        String direction = pick("ASC", "DESC", "");
        String nulls = pick(" NULLS FIRST", " NULLS LAST", "");
        String select = random.nextBoolean() ? "id, " + column + ", " + expression()
                : "id, " + column;
        return "SELECT " + select + " FROM fact" + (random.nextBoolean() ? " WHERE " + predicate(1) : "")
                + " ORDER BY " + column + " " + direction + nulls + ", id " + pick("ASC", "DESC")
                + " LIMIT " + (1 + random.nextInt(60));
    }

    private String predicate(int terms) {
        StringBuilder out = new StringBuilder(atom());
        for (int i = 1; i < terms; i++) {
            out.insert(0, "(").append(pick(" AND ", " OR ")).append(random.nextInt(4) == 0 ? "NOT " : "")
                    .append(atom()).append(")");
        }
        return out.toString();
    }

    private String atom() {
        switch (random.nextInt(11)) {
            case 0:
                return pick(INT_COLUMNS) + " " + pick(COMPARISONS) + " " + (random.nextInt(40) - 5);
            case 1:
                return "price " + pick(COMPARISONS) + " " + (random.nextInt(2000) - 500) / 4.0;
            case 2:
                return "amount " + pick("BETWEEN", "NOT BETWEEN") + " " + (random.nextInt(4000) - 2000) + ".5 AND "
                        + (random.nextInt(4000) + 1000);
            case 3:
                return "qty " + pick("IN", "NOT IN") + " (" + random.nextInt(10) + ", " + random.nextInt(20) + ", "
                        + (random.nextInt(30) - 10) + ")";
            case 4:
                return "note " + pick("LIKE", "NOT LIKE") + " '" + pick("%a%", "a%", "%e", "_", "", "%",
                        "Ü%", "% %") + "'";
            case 5:
                return pick("note", "qty", "d", "ts", "nums", "attrs", "flag") + pick(" IS NULL", " IS NOT NULL");
            case 6:
                return pick("flag", "NOT flag", "flag = true", "flag IS NOT TRUE", "flag <> false");
            case 7:
                return "d " + pick(COMPARISONS) + " DATE '" + pick("2023-06-30", "2024-02-29", "2025-01-01") + "'";
            case 8:
                return "ts " + pick("<", ">=") + " TIMESTAMP '" + pick("2024-01-01 00:00:00", "2023-07-15 12:30:00.5")
                        + "'";
            case 9:
                return "note " + pick(COMPARISONS) + " '" + pick("apple", "Banana", "", "zeta", "Ä") + "'";
            default:
                return "(qty > " + random.nextInt(20) + ") " + pick("AND", "OR") + " (note IS NULL OR flag)";
        }
    }

    private String expression() {
        switch (random.nextInt(9)) {
            case 0:
                return pick("qty + id", "qty * 3 - prod_id", "qty / " + pick("2", "3", "-4"), "qty % 4",
                        "id / (qty + 11)", "price * 2 + qty", "price / 4", "-qty", "abs(qty)",
                        "round(price, 1)", "floor(price)", "ceil(price)");
            case 1:
                return pick("amount + 1.25", "amount * 2", "amount * qty", "amount - amount", "amount / 4",
                        "amount * 0.1", "abs(amount)", "round(amount, 1)", "amount + price",
                        "CAST(amount AS bigint)", "amount > 100");
            case 2:
                return pick("CASE WHEN qty > 10 THEN 'big' WHEN qty > 0 THEN 'small' ELSE 'none' END",
                        "CASE qty WHEN 1 THEN 'one' WHEN 2 THEN 'two' END", "coalesce(note, 'missing')",
                        "coalesce(qty, cust_id, -1)", "nullif(qty, 0)", "nullif(note, '')",
                        "CASE WHEN flag THEN amount ELSE -amount END", "coalesce(d, DATE '2000-01-01')",
                        "if(flag, qty, 0)");
            case 3:
                return pick("date_trunc('" + pick("month", "year", "quarter", "week") + "', d)",
                        "date_trunc('" + pick("hour", "day", "month", "minute") + "', ts)",
                        "date_add('" + pick("day", "month", "year") + "', " + (random.nextInt(90) - 30) + ", d)",
                        "date_add('" + pick("hour", "minute", "day", "month") + "', " + (random.nextInt(90) - 30)
                                + ", ts)",
                        "date_diff('" + pick("day", "month", "year", "week") + "', d, DATE '2024-06-15')",
                        "date_diff('" + pick("hour", "day", "minute") + "', ts, TIMESTAMP '2024-06-15 08:00:00')",
                        "extract(" + pick("YEAR", "MONTH", "DAY", "QUARTER") + " FROM d)",
                        "extract(" + pick("HOUR", "MINUTE", "DAY") + " FROM ts)",
                        "year(d)", "month(ts)", "day_of_week(d)", "CAST(ts AS date)", zoned());
            case 4:
                return pick("upper(note)", "lower(note)", "length(note)", "substr(note, " + (1 + random.nextInt(4))
                                + ")", "substr(note, " + (1 + random.nextInt(3)) + ", " + random.nextInt(4) + ")",
                        "concat(note, '-', CAST(qty AS varchar))", "concat(note, '|')", "note || '!'",
                        "replace(note, '" + pick("a", "p", "ü", "") + "', '" + pick("", "X", "ää") + "')",
                        "strpos(note, '" + pick("a", "e", "pie", "本") + "')", "reverse(note)", "trim(note)",
                        "starts_with(note, 'a')", "length(note) > 4");
            case 5:
                return pick("cardinality(nums)", "cardinality(tags)", "element_at(nums, " + (1 + random.nextInt(3))
                        + ")", "element_at(tags, " + pick("1", "2", "-1") + ")", "contains(nums, "
                        + random.nextInt(10) + ")", "contains(tags, '" + pick("red", "", "grün") + "')",
                        "array_join(tags, '" + pick(",", " / ", "") + "')", "array_join(nums, ';')");
            case 6:
                return pick("transform(nums, x -> x * 2)", "filter(nums, x -> x > " + random.nextInt(8) + ")",
                        "transform(tags, t -> upper(t))", "cardinality(filter(nums, x -> x IS NULL))",
                        "array_max(nums)", "array_min(nums)", "array_sort(nums)", "array_distinct(tags)");
            case 7:
                return pick("element_at(attrs, '" + pick("a", "b", "ü", "zz") + "')", "cardinality(attrs)",
                        "map_keys(attrs)", "map_values(attrs)", "element_at(attrs, note)");
            default:
                return pick("qty = cust_id", "price > qty", "note < 'b'", "d > DATE '2024-01-01' AND flag",
                        "qty IS DISTINCT FROM cust_id", "greatest(qty, cust_id)", "least(price, 0.5)",
                        "qty BETWEEN 0 AND 10");
        }
    }

    /**
     * An expression over {@code timestamp with time zone} values, ending in a type both engines print alike: the same
     * instant in another zone ({@code at_timezone}), its fields, text and wall clock there, and instants from numbers.
     */
    private String zoned() {
        String zone = pick("America/Los_Angeles", "Asia/Tokyo", "Asia/Kolkata", "Europe/Berlin", "UTC");
        String zonedTs = "at_timezone(ts, '" + zone + "')";
        return pick("hour(" + zonedTs + ")", "minute(" + zonedTs + ")", "day(" + zonedTs + ")",
                "format_datetime(" + zonedTs + ", 'yyyy-MM-dd HH:mm')",
                "CAST(date_trunc('" + pick("day", "hour", "month") + "', " + zonedTs + ") AS timestamp)",
                "CAST(" + zonedTs + " AS timestamp)", "to_unixtime(" + zonedTs + ")",
                "CAST(from_unixtime(id * " + pick("3600", "86400", "61") + ") AS timestamp)");
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
