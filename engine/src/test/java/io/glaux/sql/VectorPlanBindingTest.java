package io.glaux.sql;

import io.glaux.sql.scan.ScanContext;
import io.glaux.testing.GlauxFixture;
import org.apache.calcite.linq4j.Enumerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A plan that is one vectorized query is bound to its runs as it is, without code generated and compiled for it; any
 * other plan runs the code Janino compiles. Both give the same rows, and both stop when the query is cancelled.
 */
class VectorPlanBindingTest {

    @RegisterExtension
    final GlauxFixture g = GlauxFixture.perTestWithTable("id int, name string, score double", rows());

    /** 5,000 rows: ids 1 to 5,000, three names and an empty one for every seventh id, scores half the id. */
    private static String rows() {
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= 5000; i++) {
            rows.append(i).append(',').append(i % 7 == 0 ? "" : "n" + (i % 3)).append(',').append(i * 0.5).append('\n');
        }
        return rows.toString();
    }

    @Test
    void aPlanOfOneVectorizedQueryRunsWithoutGeneratedCodeAndAgreesWithTheCompiledPlan() {
        for (String sql : List.of(
                "SELECT count(*), sum(score), max(name) FROM t",
                "SELECT name, count(*) AS n, sum(score) FROM t WHERE id > 10 GROUP BY name",
                "SELECT id, score FROM t WHERE name = 'n1' ORDER BY score DESC LIMIT 3",
                "SELECT id FROM t WHERE id BETWEEN 100 AND 110")) {
            PreparedQuery direct = g.glaux().planner().prepare(sql, QueryContext.DEFAULT, List.of());
            // The vectorized query explains itself by its class, Enumerable, and its source.
            assertThat(direct.physicalPlan()).as(sql).startsWith("Enumerable(source=");
            assertThat(generated(direct)).as(sql).isFalse();
            // The same query with a root the vectorized operators do not compute (a CASE over the rows) is compiled.
            PreparedQuery compiled = g.glaux().planner().prepare("SELECT * FROM (" + sql + ") AS q WHERE CASE WHEN"
                    + " rand() < 2 THEN true ELSE false END", QueryContext.DEFAULT, List.of());
            assertThat(generated(compiled)).as(sql).isTrue();
            assertThat(rows(direct)).as(sql).containsExactlyInAnyOrderElementsOf(rows(compiled)).isNotEmpty();
        }
    }

    @Test
    void aCancelledQueryOfOneVectorizedQueryStopsBeforeItsNextRow() {
        PreparedQuery query = g.glaux().planner().prepare("SELECT id FROM t WHERE id > 0",
                QueryContext.DEFAULT, List.of());
        assertThat(generated(query)).isFalse();
        AtomicBoolean cancelled = new AtomicBoolean();
        try (Enumerator<Object[]> rows = query.run(new ScanContext(cancelled, Long.MAX_VALUE), cancelled)) {
            assertThat(rows.moveNext()).isTrue();
            cancelled.set(true);
            assertThatThrownBy(rows::moveNext).isInstanceOf(CancellationException.class);
        }
    }

    /** Whether the plan's rows come from a class Janino compiled for it (such classes have a loader of their own). */
    private static boolean generated(PreparedQuery query) {
        return query.bindable().getClass().getClassLoader() != PreparedQuery.class.getClassLoader();
    }

    private static List<List<Object>> rows(PreparedQuery query) {
        AtomicBoolean cancelled = new AtomicBoolean();
        List<List<Object>> rows = new ArrayList<>();
        try (Enumerator<Object[]> enumerator = query.run(new ScanContext(cancelled, Long.MAX_VALUE), cancelled)) {
            while (enumerator.moveNext()) {
                rows.add(Arrays.asList(enumerator.current()));
            }
        }
        return rows;
    }
}
