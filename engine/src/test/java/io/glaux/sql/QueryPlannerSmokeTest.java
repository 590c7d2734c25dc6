package io.glaux.sql;

import io.glaux.sql.scan.ScanContext;
import io.glaux.testing.Beside;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.sql.util.ListSqlOperatorTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryPlannerSmokeTest {

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
    void constantSelectRuns() {
        assertThat(run("SELECT 1 + 1 AS two, 'a' AS s")).containsExactly(List.of(2, "a"));
        assertThat(run("SELECT x FROM (VALUES (1), (2), (3)) AS t(x) WHERE x > 1 ORDER BY x DESC LIMIT 1"))
                .containsExactly(List.of(3));
    }

    @Test
    void theSharedTablesMadeOnOtherThreadsWhileQueriesArePlannedLeaveTheirAnswers() throws Exception {
        Beside loaders = Beside.run(3, QueryPlanner::loadSharedTables);

        List<List<Object>> ranked = run("SELECT x, rank() OVER (ORDER BY y DESC) AS r"
                + " FROM (VALUES (1, 5), (2, 7), (3, 5)) AS t(x, y) ORDER BY x");

        assertThat(loaders.join()).isEmpty();
        assertThat(ranked).containsExactly(List.of(1, 2L), List.of(2, 1L), List.of(3, 2L));
        assertThat(run("SELECT upper('a') || lower('B') AS s")).containsExactly(List.of("Ab"));
    }

    @Test
    void orderByAColumnThatIsNotSelected() {
        assertThat(run("SELECT x FROM (VALUES (1, 'b'), (2, 'a')) AS t(x, y) ORDER BY y"))
                .containsExactly(List.of(2), List.of(1));
    }

    @Test
    void decimalsRoundHalfUpAndDivideWithTrinosScale() {
        String sql = "SELECT CAST(DECIMAL '53.875' AS DECIMAL(10,2)) AS r, DECIMAL '1.00' / DECIMAL '3.00' AS q";
        List<List<Object>> rows = run(sql);
        assertThat(rows.get(0).get(0)).isEqualTo(new java.math.BigDecimal("53.88"));
        var quotient = planner.prepare(sql, QueryContext.DEFAULT, List.of()).columns().get(1);
        assertThat(quotient.type()).isEqualTo("decimal");
        assertThat(quotient.scale()).isEqualTo(2);
        assertThat(new io.glaux.results.ValueFormatter(quotient).format(rows.get(0).get(1))).isEqualTo("0.33");
    }

    @Test
    void castsToIntegerRoundHalfUpAsTrinoDoes() {
        assertThat(run("SELECT CAST(2.5 AS integer), CAST(-2.5 AS integer), CAST(-2.5E0 AS bigint)"))
                .containsExactly(List.of(3, -3, -3L));
        // Literals of double and real too, which the standard conversion would fold by truncating.
        assertThat(run("SELECT CAST(2.5E0 AS integer), CAST(-2.5E0 AS integer), CAST(REAL '0.5' AS integer),"
                + " CAST(DOUBLE '3.5' AS tinyint)"))
                .containsExactly(List.of(3, -3, 1, (byte) 4));
        assertThat(run("SELECT CAST(d AS integer), CAST(-d AS bigint), CAST(d - 0.1E0 AS smallint)"
                + " FROM (VALUES (2.5E0)) AS t(d)"))
                .containsExactly(List.of(3, -3L, (short) 2));
    }

    @Test
    void aggregatesTypeTheirResultsAsTrinoDoes() {
        String sql = "SELECT sum(x), avg(x), sum(CAST(x AS decimal(5,2))), sum(CAST(x AS double))"
                + " FROM (VALUES (1), (2)) AS t(x)";
        assertThat(planner.prepare(sql, QueryContext.DEFAULT, List.of()).columns())
                .extracting(c -> c.type() + "(" + c.precision() + "," + c.scale() + ")")
                .containsExactly("bigint(19,0)", "double(17,0)", "decimal(38,2)", "double(17,0)");
        assertThat(run(sql)).containsExactly(List.of(3L, 1.5d, new java.math.BigDecimal("3.00"), 3.0d));
    }

    @Test
    void stringLiteralsAreVarcharAsInTrino() {
        assertThat(planner.prepare("SELECT 'abc' AS s, upper('a') AS u", QueryContext.DEFAULT, List.of()).columns())
                .extracting(c -> c.type()).containsExactly("varchar", "varchar");
    }

    @Test
    void decimalSumsWidenBeyondTheirArgumentsPrecision() {
        String sql = "SELECT sum(x), sum(x * (1 - d)) FROM (VALUES (CAST(9999999999.99 AS decimal(12,2)),"
                + " CAST(0.05 AS decimal(12,2))), (CAST(9999999999.99 AS decimal(12,2)), CAST(0.05 AS decimal(12,2))))"
                + " AS t(x, d)";
        List<List<Object>> rows = run(sql);
        assertThat(((java.math.BigDecimal) rows.get(0).get(0))).isEqualByComparingTo("19999999999.98");
        assertThat(((java.math.BigDecimal) rows.get(0).get(1))).isEqualByComparingTo("18999999999.9810");
        List<List<Object>> averages = run("SELECT avg(x) FROM (VALUES (CAST(9999999999.99 AS decimal(12,2))),"
                + " (CAST(9999999999.99 AS decimal(12,2)))) AS t(x)");
        assertThat(((java.math.BigDecimal) averages.get(0).get(0))).isEqualByComparingTo("9999999999.99");
    }

    @Test
    void syntaxErrorHasLineAndColumn() {
        assertThatThrownBy(() -> run("SELECT 1 +\n) FROM t"))
                .hasMessageStartingWith("line 2:1: mismatched input ')'");
    }
}
