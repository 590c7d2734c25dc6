package io.glaux.sql.plan;

import io.glaux.sql.QueryContext;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrFactorsTest {

    @RegisterExtension
    final GlauxFixture g = GlauxFixture.perTest();

    private void tables() {
        g.put("lake", "items/a.csv", "1,5,10.0\n1,25,11.0\n2,7,12.0\n3,30,13.0\n3,2,14.0\n4,1,15.0\n,3,16.0\n");
        g.put("lake", "parts/a.csv", "1,Brand#12,SM BOX\n2,Brand#23,MED BAG\n3,Brand#34,LG CASE\n4,Brand#12,LG CASE\n");
        g.script("""
                CREATE EXTERNAL TABLE items (partkey int, quantity int, price double)
                  ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://lake/items/';
                CREATE EXTERNAL TABLE parts (partkey int, brand string, container string)
                  ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://lake/parts/';
                """);
    }

    private static final String Q19_SHAPE = "SELECT i.partkey, i.quantity, p.brand FROM items i, parts p"
            + " WHERE (p.partkey = i.partkey AND p.brand = 'Brand#12' AND i.quantity BETWEEN 1 AND 11)"
            + " OR (p.partkey = i.partkey AND p.brand = 'Brand#23' AND i.quantity BETWEEN 5 AND 15)"
            + " OR (p.partkey = i.partkey AND p.brand = 'Brand#34' AND i.quantity BETWEEN 20 AND 30)"
            + " ORDER BY 1, 2";

    /** TPC-H Q19's shape: the key each OR branch repeats becomes the key of an equi-join. */
    @Test
    void aJoinKeyRepeatedInEveryOrBranchBecomesAnEquiJoin() {
        tables();
        String plan = g.glaux().planner().prepare(Q19_SHAPE, QueryContext.DEFAULT, List.of()).physicalPlan();
        // The row operators' hash join on the key, or the vectorized one on it with the rest of the OR above.
        assertThat(plan).containsPattern("Enumerable(Hash|Merge)Join\\(condition=\\[AND\\(=\\(\\$0, \\$2\\)"
                + "|source=\\[INNER\\(\\[0] = \\[0]").doesNotContain("NestedLoop");
        assertThat(g.rows(Q19_SHAPE)).containsExactly(
                List.of("1", "5", "Brand#12"), List.of("2", "7", "Brand#23"), List.of("3", "30", "Brand#34"),
                List.of("4", "1", "Brand#12"));
    }

    /** A NULL in the shared term keeps the row out, as the OR of the unfactored branches does. */
    @Test
    void theFactoredConditionKeepsThreeValuedLogic() {
        tables();
        String sql = "SELECT count(*) FROM items WHERE (partkey > 2 AND quantity < 10) OR (partkey > 2 AND price > 13.5)";
        assertThat(g.rows(sql)).containsExactly(List.of("2"));
        assertThat(g.rows("SELECT count(*) FROM items WHERE NOT ((partkey > 2 AND quantity < 10)"
                + " OR (partkey > 2 AND price > 13.5))")).containsExactly(List.of("4"));
    }

    /** Branches without a common term stay as they are: an OR of two different keys is still a nested loop. */
    @Test
    void anOrWithoutACommonTermIsLeftAlone() {
        tables();
        String sql = "SELECT count(*) FROM items i JOIN parts p ON p.partkey = i.partkey OR p.partkey = i.quantity";
        assertThat(g.glaux().planner().prepare(sql, QueryContext.DEFAULT, List.of()).physicalPlan())
                .contains("NestedLoop");
        assertThat(g.rows(sql)).containsExactly(List.of("9"));
    }

    /**
     * TPC-H Q7's shape: an OR whose branches each constrain a column of either table gains each column's OR of its
     * constraints, which filters that table's scan before the join; the rows are those of the OR alone, NULLs
     * included (a part without a brand, an item without a quantity).
     */
    @Test
    void eachColumnsConstraintsInEveryBranchFilterItsTableBeforeTheJoin() {
        tables();
        g.put("lake", "parts/b.csv", "5,\\N,SM BOX\n");
        g.put("lake", "items/b.csv", "5,,17.0\n");
        String sql = "SELECT i.partkey, i.quantity, p.brand FROM items i JOIN parts p ON p.partkey = i.partkey"
                + " WHERE (p.brand = 'Brand#12' AND i.quantity < 6) OR (p.brand = 'Brand#34' AND i.quantity >= 30)"
                + " OR (p.brand IS NULL AND i.quantity IS NULL) ORDER BY 1, 2";
        String plan = g.glaux().planner().prepare(sql, QueryContext.DEFAULT, List.of()).physicalPlan();
        // Each table's scan is filtered by its own column's alternatives, under the join.
        assertThat(plan).contains("source=awsdatacatalog.default.parts,filter=SEARCH(",
                "source=awsdatacatalog.default.items,filter=SEARCH(");
        assertThat(g.rows(sql)).containsExactly(List.of("1", "5", "Brand#12"), List.of("3", "30", "Brand#34"),
                List.of("4", "1", "Brand#12"), java.util.Arrays.asList("5", null, null));
        // An OR that constrains one column in some branches only gains nothing for it.
        String partial = "SELECT count(*) FROM items i JOIN parts p ON p.partkey = i.partkey"
                + " WHERE p.brand = 'Brand#12' OR i.quantity > 20";
        assertThat(g.glaux().planner().prepare(partial, QueryContext.DEFAULT, List.of()).physicalPlan())
                .doesNotContainPattern("source=awsdatacatalog.default.(parts|items),filter=");
        assertThat(g.rows(partial)).containsExactly(List.of("4"));
    }
}
