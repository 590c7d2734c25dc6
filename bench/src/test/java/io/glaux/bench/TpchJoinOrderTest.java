package io.glaux.bench;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The join orders the planner chooses for TPC-H queries over the harness's SPICE datasets, where the estimates
 * behind them once chose a slower order: the plans are checked at a small scale, whose tables keep the proportions
 * of the large ones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TpchJoinOrderTest {

    private static final Pattern TABLE = Pattern.compile("table = spice\\.default\\.(\\w+)");

    private TpchSideBySide harness;

    @BeforeAll
    void open(@TempDir Path folder) throws Exception {
        harness = TpchSideBySide.open(folder, TpchSideBySide.Options.parse(new String[] {"--scale", "0.05",
                "--runs", "1", "--warmups", "0", "--engines", "glaux-spice", "--only", "5,8,21"}));
    }

    @AfterAll
    void close() throws Exception {
        harness.close();
    }

    /** The tables a plan reads, in the order its text names them. */
    private List<String> tables(String plan) {
        List<String> tables = new ArrayList<>();
        Matcher m = TABLE.matcher(plan);
        while (m.find()) {
            tables.add(m.group(1));
        }
        return tables;
    }

    /**
     * Q8 joins lineitem to the parts of one type (1 in 150) before the orders of one region and two years (1 in
     * 17): the parts' keys are as few as the parts the filter keeps, not Calcite's 15 % of the keys.
     */
    @Test
    void q8JoinsLineitemToTheFilteredPartsFirst() throws Exception {
        String plan = harness.explain(8, Engine.GLAUX_SPICE);
        List<String> tables = tables(plan);
        assertThat(tables.indexOf("part")).as(plan).isEqualTo(tables.indexOf("lineitem") + 1);
    }

    /**
     * Q5's customers meet its nations only through the suppliers ({@code c_nationkey = s_nationkey = n_nationkey}):
     * with the equality they imply, the customers are joined to Asia's nations (a fifth of them) before the orders
     * of a year, rather than all customers to the orders and the nation last.
     */
    @Test
    void q5JoinsCustomersToTheRegionsNationsBeforeTheOrders() throws Exception {
        String plan = harness.explain(5, Engine.GLAUX_SPICE);
        List<String> tables = tables(plan);
        assertThat(tables.indexOf("nation")).as(plan).isEqualTo(tables.indexOf("customer") + 1);
        assertThat(tables.indexOf("customer")).as(plan).isLessThan(tables.indexOf("supplier"));
    }

    /**
     * Q21's EXISTS (another supplier's line of the order) keeps nearly every line, so it runs above the joins with
     * the orders of status F and the suppliers of one nation, not on all late lines below them.
     */
    @Test
    void q21KeepsItsSemiJoinAboveTheJoinsThatDropRows() throws Exception {
        String plan = harness.explain(21, Engine.GLAUX_SPICE);
        int semi = plan.indexOf("SemiJoin");
        assertThat(semi).as(plan).isNotNegative();
        String probe = plan.substring(plan.indexOf("├─ ", semi) + 3);
        assertThat(probe).as(plan).startsWith("InnerJoin");
    }
}
