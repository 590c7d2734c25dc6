package io.glaux.sql.plan;

import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ImpliedJoinKeysTest {

    private static final Pattern CRITERIA = Pattern.compile("InnerJoin\\[criteria = ([^\\]]*)]");

    @RegisterExtension
    final GlauxFixture g = GlauxFixture.perTest();

    /** The equalities of column pairs that the plan's inner joins test, over all of them. */
    private int joinEqualities(String sql) {
        String plan = String.join("\n", g.rows("EXPLAIN " + sql).stream().map(r -> r.get(0)).toList());
        Matcher m = CRITERIA.matcher(plan);
        int equalities = 0;
        while (m.find()) {
            equalities += m.group(1).split("=\\(\\$", -1).length - 1;
        }
        return equalities;
    }

    /**
     * Four tables on one key, every pair of them equated: once ordered, each join tests the key once, as the
     * equalities its inputs hold already make the others true (three joins, three equalities, not six).
     */
    @Test
    void aJoinDoesNotTestAnEqualityItsInputsAlreadyHold() {
        FactsAndDims.create(g, 2000, 20, 20);
        String sql = "SELECT f.amount, d.name, e.name, x.name FROM facts f"
                + " JOIN dims d ON f.dim = d.id"
                + " JOIN dims e ON e.id = d.id AND e.id = f.dim"
                + " JOIN dims x ON x.id = f.dim AND x.id = d.id AND x.id = e.id";
        assertThat(joinEqualities(sql)).isEqualTo(3);
        assertThat(g.rows("SELECT count(*), count(DISTINCT f.id) FROM facts f"
                + " JOIN dims d ON f.dim = d.id"
                + " JOIN dims e ON e.id = d.id AND e.id = f.dim"
                + " JOIN dims x ON x.id = f.dim AND x.id = d.id AND x.id = e.id"))
                .containsExactly(List.of("2000", "2000"));
    }

    /**
     * A join's estimate counts an equality that its inputs already hold once: stating {@code g.id = d.id} beside
     * {@code g.id = f.dim}, where the inputs make {@code f.dim = d.id}, filters nothing more (Calcite counts the
     * distinct pairs of {@code f.dim} and {@code d.id} as the product of each one's, and the join looked 20 times
     * smaller).
     */
    @Test
    void anEqualityTheInputsHoldIsNotEstimatedAsAFilter() {
        FactsAndDims.create(g, 2000, 20, 20);
        FactsAndDims.parquetCopies(g);
        String stated = "SELECT f.amount FROM pfacts f JOIN pdims d ON f.dim = d.id JOIN pdims g ON g.id = f.dim";
        assertThat(PlanEstimates.of(g, stated).get(0)).isEqualTo(2000L);
        assertThat(PlanEstimates.of(g, stated + " AND g.id = d.id").get(0)).isEqualTo(2000L);
        assertThat(g.rows("SELECT count(*) FROM (" + stated + " AND g.id = d.id)")).containsExactly(List.of("2000"));
    }
}
