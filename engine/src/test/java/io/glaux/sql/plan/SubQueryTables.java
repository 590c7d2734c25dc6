package io.glaux.sql.plan;

import io.glaux.testing.GlauxFixture;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables the sub-query plan tests query: outer rows {@code o(k, v)} with NULL keys, and sub-query rows
 * {@code i(k, w)} given by each test class; plus reading their answers and plans.
 */
final class SubQueryTables {

    private SubQueryTables() {
    }

    /** Creates {@code o} and {@code i}, whose rows are {@code innerRows} (a VALUES list of (k, w)). */
    static void create(GlauxFixture g, String innerRows) {
        g.script("""
                CREATE TABLE o WITH (format = 'PARQUET', external_location = 's3://lake/o/') AS
                  SELECT * FROM (VALUES (1, 10), (2, 20), (2, 21), (3, 30), (NULL, 40), (5, 6), (6, 200), (NULL, 300))
                  AS t (k, v);
                CREATE TABLE i WITH (format = 'PARQUET', external_location = 's3://lake/i/') AS
                  SELECT * FROM (VALUES %s) AS t (k, w);
                """.formatted(innerRows));
    }

    /** The v of the outer rows {@code where} keeps, in order. */
    static List<String> values(GlauxFixture g, String where) {
        return g.rows("SELECT v FROM o WHERE " + where + " ORDER BY v").stream().map(row -> row.get(0)).toList();
    }

    /** {@code sql}'s EXPLAIN, one line per operator. */
    static String plan(GlauxFixture g, String sql) {
        return String.join("\n", g.rows("EXPLAIN " + sql).stream().map(row -> row.get(0)).toList());
    }

    /** How often {@code pattern} occurs in {@code text}. */
    static int count(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
