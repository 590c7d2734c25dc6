package io.glaux.sql;

import io.glaux.results.ValueFormatter;
import io.glaux.sql.function.CastToVarchar;
import io.glaux.sql.scan.ScanContext;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.sql.util.ListSqlOperatorTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** CAST to varchar, explicit or from string concatenation, prints values as Trino does. */
class TrinoVarcharCastsTest {

    private final QueryPlanner planner = new QueryPlanner(CalciteSchema.createRootSchema(false, false),
            new ListSqlOperatorTable(), List.of());

    private List<List<Object>> run(String sql) {
        PreparedQuery query = planner.prepare(sql, QueryContext.DEFAULT, List.of());
        List<List<Object>> rows = new ArrayList<>();
        AtomicBoolean cancel = new AtomicBoolean();
        try (Enumerator<Object[]> e = query.run(new ScanContext(cancel, Long.MAX_VALUE), cancel)) {
            while (e.moveNext()) {
                rows.add(Arrays.asList(e.current()));
            }
        }
        return rows;
    }

    @Test
    void booleansAreLowerCase() {
        assertThat(run("SELECT CAST(true AS varchar), CAST(false AS varchar), CAST(NULL AS boolean) || 'x'"))
                .containsExactly(Arrays.asList("true", "false", null));
        assertThat(run("SELECT CAST(b AS varchar), 'is ' || b FROM (VALUES (true), (false)) AS t(b)"))
                .containsExactly(List.of("true", "is true"), List.of("false", "is false"));
    }

    @Test
    void decimalsKeepTheirScaleAndALeadingZero() {
        assertThat(run("SELECT CAST(DECIMAL '-0.50' AS varchar), CAST(DECIMAL '0.10' AS varchar), 'a' || 1.50"))
                .containsExactly(List.of("-0.50", "0.10", "a1.50"));
        assertThat(run("SELECT CAST(d AS varchar) FROM (VALUES (DECIMAL '-0.5'), (DECIMAL '12.25')) AS t(d)"))
                .containsExactly(List.of("-0.50"), List.of("12.25"));
    }

    @Test
    void doublesAndRealsPrintTheirShortestJavaText() {
        assertThat(run("SELECT CAST(d AS varchar), CAST(CAST(d AS real) AS varchar), 'x' || d"
                + " FROM (VALUES (0.1E0), (1E10), (-2.5E0)) AS t(d)"))
                .containsExactly(List.of("0.1", "0.1", "x0.1"), List.of("1.0E10", "1.0E10", "x1.0E10"),
                        List.of("-2.5", "-2.5", "x-2.5"));
    }

    @Test
    void timestampsPrintTheirPrecisionsDigitsAndDatesAreIso() {
        assertThat(run("SELECT CAST(TIMESTAMP '2024-03-05 14:07:09' AS varchar),"
                + " CAST(TIMESTAMP '2024-03-05 14:07:09.120' AS varchar), CAST(DATE '2024-03-05' AS varchar)"))
                .containsExactly(List.of("2024-03-05 14:07:09", "2024-03-05 14:07:09.120", "2024-03-05"));
        assertThat(run("SELECT CAST(ts AS varchar), CAST(CAST(ts AS timestamp(0)) AS varchar)"
                + " FROM (VALUES (TIMESTAMP '1969-12-31 23:59:59.400'), (TIMESTAMP '2024-01-02 03:04:05.006'))"
                + " AS t(ts)"))
                .containsExactly(List.of("1969-12-31 23:59:59.400", "1969-12-31 23:59:59"),
                        List.of("2024-01-02 03:04:05.006", "2024-01-02 03:04:05"));
        // Calcite keeps at most milliseconds today; a longer precision prints zeros past them.
        assertThat(CastToVarchar.timestamp(-500, 6)).isEqualTo("1969-12-31 23:59:59.500000");
    }

    @Test
    void aBoundedVarcharCastIsLeftAsItWas() {
        assertThat(run("SELECT CAST(12 AS varchar), CAST('abc' AS varchar(2))"))
                .containsExactly(List.of("12", "ab"));
    }

    @Test
    void resultCsvDecimalsHaveALeadingZeroAndTheirScale() {
        String sql = "SELECT d FROM (VALUES (DECIMAL '-0.50'), (DECIMAL '0.10')) AS t(d)";
        var column = planner.prepare(sql, QueryContext.DEFAULT, List.of()).columns().get(0);
        ValueFormatter formatter = new ValueFormatter(column);
        assertThat(run(sql)).extracting(row -> formatter.format(row.get(0))).containsExactly("-0.50", "0.10");
    }
}
