package io.glaux.sql.plan;

import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HashJoinCostsTest {

    @RegisterExtension
    final GlauxFixture g = GlauxFixture.perTest();

    private void tables() {
        FactsAndDims.create(g, 5000, 50, 7);
    }

    /** The tables the plan scans, in the order EXPLAIN lists them: a join's probe side, then its build side. */
    private List<String> scans(String sql) {
        String plan = String.join("\n", g.rows("EXPLAIN " + sql).stream().map(r -> r.get(0)).toList());
        assertThat(plan).containsPattern("(Inner|Semi)Join");
        Matcher m = Pattern.compile("table = \\w+\\.\\w+\\.(\\w+)").matcher(plan);
        List<String> tables = new java.util.ArrayList<>();
        while (m.find()) {
            tables.add(m.group(1));
        }
        return tables;
    }

    /** Whichever way the query names them, the fact table is probed and the dimension built. */
    @Test
    void theSmallerInputIsBuilt() {
        tables();
        assertThat(scans("SELECT d.name, sum(f.amount) FROM facts f JOIN dims d ON f.dim = d.id GROUP BY d.name"))
                .containsExactly("facts", "dims");
        assertThat(scans("SELECT d.name, sum(f.amount) FROM dims d JOIN facts f ON f.dim = d.id GROUP BY d.name"))
                .containsExactly("facts", "dims");
        assertThat(scans("SELECT f.id FROM facts f WHERE f.dim IN (SELECT id FROM dims WHERE name = 'name-3')"))
                .containsExactly("facts", "dims");
        assertThat(g.rows("SELECT d.name, count(*) FROM dims d JOIN facts f ON f.dim = d.id"
                + " GROUP BY d.name ORDER BY d.name")).hasSize(7).first().isEqualTo(List.of("name-0", "800"));
    }
}
