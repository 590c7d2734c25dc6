package io.glaux.sql.plan;

import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static io.glaux.sql.plan.SubQueryTables.count;
import static io.glaux.sql.plan.SubQueryTables.plan;
import static io.glaux.sql.plan.SubQueryTables.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * EXISTS, NOT EXISTS, IN and NOT IN sub-queries planned as semi and anti joins keep SQL's answers: NULL keys match
 * nothing, an empty sub-query keeps every row of NOT EXISTS and NOT IN, duplicates in the sub-query do not multiply
 * the outer rows, and a NULL among NOT IN's values (or a NULL operand against any value) drops the row.
 */
class SemiJoinSubQueriesTest {

    @RegisterExtension
    final GlauxFixture g = GlauxFixture.perTest();

    /** Outer rows (k, v) and sub-query rows (k, w), with NULL keys and a key present twice in the sub-query. */
    @BeforeEach
    void tables() {
        SubQueryTables.create(g, "(1, 100), (1, 101), (2, 5), (NULL, 7), (4, 8)");
    }

    @Test
    void existsKeepsEachOuterRowWithAMatchOnceAndNullKeysMatchNothing() {
        assertThat(values(g, "EXISTS (SELECT * FROM i WHERE i.k = o.k)")).containsExactly("10", "20", "21");
        assertThat(values(g, "NOT EXISTS (SELECT * FROM i WHERE i.k = o.k)"))
                .containsExactly("6", "30", "40", "200", "300");
    }

    @Test
    void existsWithANonEquiCorrelatedConditionChecksEachCandidate() {
        assertThat(values(g, "EXISTS (SELECT * FROM i WHERE i.k = o.k AND i.w > o.v)")).containsExactly("10");
        assertThat(values(g, "NOT EXISTS (SELECT * FROM i WHERE i.k = o.k AND i.w > o.v)"))
                .containsExactly("6", "20", "21", "30", "40", "200", "300");
        // Q21's shape: another supplier's line exists, and no other supplier's line was late.
        assertThat(values(g, "EXISTS (SELECT * FROM i WHERE i.k = o.k AND i.w <> o.v)"
                + " AND NOT EXISTS (SELECT * FROM i i3 WHERE i3.k = o.k AND i3.w <> o.v AND i3.w > 100)"))
                .containsExactly("20", "21");
    }

    @Test
    void existsOverAGroupedOrLimitedSubQueryOnlyAsksWhetherARowExists() {
        assertThat(values(g, "EXISTS (SELECT i.k, count(*) FROM i WHERE i.k = o.k GROUP BY i.k)"))
                .containsExactly("10", "20", "21");
        assertThat(values(g, "NOT EXISTS (SELECT * FROM i WHERE i.k = o.k ORDER BY w LIMIT 1)"))
                .containsExactly("6", "30", "40", "200", "300");
        assertThat(values(g, "EXISTS (SELECT * FROM i WHERE i.k = o.k LIMIT 0)")).isEmpty();
    }

    /**
     * A semi join over an inner join goes down onto the joined input that holds its key, so it drops rows before they
     * are joined (TPC-H Q18 keeps 57 of 1.5 M orders before lineitem is joined to them), with the same answer.
     */
    @Test
    void aSemiJoinGoesBelowAnInnerJoinOntoTheInputHoldingItsKey() {
        String sql = "SELECT o.v, o2.v FROM o JOIN o o2 ON o.v = o2.v + 1 WHERE o2.k IN (SELECT k FROM i)"
                + " ORDER BY 1";
        String plan = plan(g, sql);
        int inner = plan.indexOf("InnerJoin");
        int semi = plan.indexOf("SemiJoin");
        assertThat(inner).as(plan).isNotNegative();
        assertThat(semi).as(plan).isGreaterThan(inner);
        // Under the inner join, the semi join's probe side is a scan of o (its build side is i).
        String below = plan.substring(semi);
        assertThat(below.indexOf("table = awsdatacatalog.default.o]")).as(plan).isNotNegative()
                .isLessThan(below.indexOf("table = awsdatacatalog.default.i]"));
        assertThat(g.rows(sql)).containsExactly(List.of("21", "20"));
        // A semi join over an anti join stays over it: an anti join's rows hold only its left input's fields.
        assertThat(values(g, "NOT EXISTS (SELECT * FROM i WHERE i.k = o.k AND i.w > o.v) AND k IN (SELECT k FROM i)"))
                .containsExactly("20", "21");
    }

    /**
     * A semi join that keeps nearly every row stays above an inner join that drops most of them (TPC-H Q21's shape:
     * another supplier's line of the same order exists for almost every line, and the orders of one status keep a
     * third of them).
     */
    @Test
    void aSemiJoinThatKeepsMostRowsStaysAboveAnInnerJoinThatDropsThem() {
        g.script("""
                CREATE TABLE orders WITH (format = 'PARQUET', external_location = 's3://lake/orders/') AS
                  SELECT i AS okey, i % 3 AS status FROM UNNEST(sequence(0, 999)) AS t (i);
                CREATE TABLE lines WITH (format = 'PARQUET', external_location = 's3://lake/lines/') AS
                  SELECT i / 4 AS okey, i % 100 AS supp, i % 2 AS late FROM UNNEST(sequence(0, 3999)) AS t (i);
                CREATE TABLE supps WITH (format = 'PARQUET', external_location = 's3://lake/supps/') AS
                  SELECT i AS supp, i % 25 AS nation FROM UNNEST(sequence(0, 99)) AS t (i);
                CREATE TABLE nations WITH (format = 'PARQUET', external_location = 's3://lake/nations/') AS
                  SELECT i AS nation, i % 25 AS region FROM UNNEST(sequence(0, 24)) AS t (i);
                """);
        String sql = "SELECT count(*) FROM supps s, lines l, orders o, nations n"
                + " WHERE s.supp = l.supp AND o.okey = l.okey AND o.status = 1 AND l.late = 1"
                + " AND EXISTS (SELECT * FROM lines l2 WHERE l2.okey = l.okey AND l2.supp <> l.supp)"
                + " AND s.nation = n.nation AND n.region = 7";
        String plan = plan(g, sql);
        int semi = plan.indexOf("SemiJoin");
        assertThat(semi).as(plan).isNotNegative();
        // The semi join's probe side is the join of lines with the orders of one status, not a scan of lines.
        String probe = plan.substring(plan.indexOf("├─ ", semi) + 3);
        assertThat(probe).as(plan).startsWith("InnerJoin");
        assertThat(g.rows(sql)).containsExactly(List.of("27"));
    }

    @Test
    void inKeepsRowsWhoseValueIsAmongTheSubQuerysOnceEach() {
        assertThat(values(g, "k IN (SELECT k FROM i)")).containsExactly("10", "20", "21");
        assertThat(values(g, "k IN (SELECT i.k FROM i WHERE i.w > o.v)")).containsExactly("10");
        assertThat(values(g, "k IN (SELECT i.k FROM i WHERE i.w > 1000)")).isEmpty();
    }

    @Test
    void inComparesValuesOfDifferentTypesAndComputedValues() {
        assertThat(values(g, "k IN (SELECT CAST(k AS bigint) FROM i)")).containsExactly("10", "20", "21");
        assertThat(values(g, "CAST(k AS double) IN (SELECT k FROM i)")).containsExactly("10", "20", "21");
        assertThat(values(g, "k + 1 NOT IN (SELECT k FROM i WHERE k IS NOT NULL)")).containsExactly("6", "20", "21", "200");
        // A value computed from the outer row: (1, 10) meets 1 + 10 - 10 = 1 among 1, 1, 2, 4.
        assertThat(values(g, "k NOT IN (SELECT i.k + o.v - 10 FROM i WHERE i.k IS NOT NULL)"))
                .containsExactly("6", "20", "21", "30", "200");
    }

    @Test
    void notInIsNullWhenTheSubQueryHoldsANull() {
        assertThat(values(g, "k NOT IN (SELECT k FROM i)")).isEmpty();
    }

    @Test
    void notInDropsNullOperandsUnlessTheSubQueryIsEmpty() {
        assertThat(values(g, "k NOT IN (SELECT k FROM i WHERE k IS NOT NULL)")).containsExactly("6", "30", "200");
        assertThat(values(g, "k NOT IN (SELECT k FROM i WHERE w > 1000)"))
                .containsExactly("6", "10", "20", "21", "30", "40", "200", "300");
    }

    @Test
    void correlatedNotInAppliesTheNullRulesToEachOuterRowsValues() {
        // (5, 6) meets a NULL among its values; (NULL, 40) meets values; (6, 200) and (NULL, 300) meet none.
        assertThat(values(g, "k NOT IN (SELECT i.k FROM i WHERE i.w > o.v)"))
                .containsExactly("20", "21", "30", "200", "300");
    }

    @Test
    void notInOverValuesThatCannotBeNullIsAPlainAntiJoin() {
        assertThat(g.rows("SELECT x FROM (VALUES 1, 2, 3) AS t (x) WHERE x NOT IN (SELECT y FROM (VALUES 1, 4) AS s (y))"
                + " ORDER BY x")).containsExactly(List.of("2"), List.of("3"));
    }

    @Test
    void subQueriesUnderOrOrCorrelatedFromFurtherOutKeepTheirAnswers() {
        assertThat(values(g, "EXISTS (SELECT * FROM i WHERE i.k = o.k) OR v = 6")).containsExactly("6", "10", "20", "21");
        assertThat(values(g, "EXISTS (SELECT * FROM i WHERE i.k = o.k"
                + " AND EXISTS (SELECT * FROM i i2 WHERE i2.w = i.w + 1 AND i2.k = o.k))")).containsExactly("10");
        assertThat(values(g, "v < (SELECT min(i.w) FROM i WHERE i.k = o.k AND i.w IN (SELECT w FROM i WHERE w > 6))"))
                .containsExactly("10");
        assertThat(values(g, "k IN (SELECT i.k FROM i WHERE i.w IN (SELECT i2.w FROM i i2 WHERE i2.k = o.k))"))
                .containsExactly("10", "20", "21");
    }

    /**
     * Over tables large enough for the planner to weigh a merge join, NOT EXISTS still keeps the outer rows whose key
     * is NULL (Calcite's merge anti join drops them): 500 NULL keys, and 600 keys among 30..49 that no dimension has.
     */
    @Test
    void notExistsKeepsNullKeysOverLargerTables() {
        StringBuilder facts = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            facts.append(i).append(',').append(i % 4 == 0 ? "\\N" : String.valueOf(i % 50)).append('\n');
        }
        StringBuilder dims = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            dims.append(i).append(",name-").append(i).append('\n');
        }
        g.put("lake", "facts/a.csv", facts.toString());
        g.put("lake", "dims/a.csv", dims.toString());
        g.script("""
                CREATE EXTERNAL TABLE facts (id int, k int)
                  ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://lake/facts/';
                CREATE EXTERNAL TABLE dims (id int, name string)
                  ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://lake/dims/';
                """);
        assertThat(g.rows("SELECT count(*) FROM facts f WHERE NOT EXISTS (SELECT * FROM dims d WHERE d.id = f.k)"))
                .containsExactly(List.of("1100"));
        assertThat(g.rows("SELECT count(*) FROM facts f WHERE EXISTS (SELECT * FROM dims d WHERE d.id = f.k)"))
                .containsExactly(List.of("900"));
    }

    @Test
    void subQueriesThatOnlyFilterArePlannedAsSemiAndAntiJoins() {
        assertThat(plan(g, "SELECT v FROM o WHERE EXISTS (SELECT * FROM i WHERE i.k = o.k AND i.w > o.v)"))
                .contains("SemiJoin[");
        assertThat(plan(g, "SELECT v FROM o WHERE k NOT IN (SELECT k FROM i)")).contains("AntiJoin[");
    }

    /**
     * TPC-H Q21's shape: EXISTS and NOT EXISTS correlated with the outer lineitem on its order key and a {@code <>} on
     * its supplier. Calcite's decorrelation read the outer table again for each sub-query; as semi and anti joins each
     * table is read once per mention.
     */
    @Test
    void correlatedExistsAndNotExistsReadTheOuterTableOnce() {
        String sql = """
                SELECT o.v, count(*) FROM o, i l1
                WHERE o.k = l1.k AND l1.w > o.v
                  AND EXISTS (SELECT * FROM i l2 WHERE l2.k = l1.k AND l2.w <> l1.w)
                  AND NOT EXISTS (SELECT * FROM i l3 WHERE l3.k = l1.k AND l3.w <> l1.w AND l3.w > 100)
                GROUP BY o.v""";
        String plan = plan(g, sql);
        assertThat(count(plan, "table = awsdatacatalog\\.default\\.o\\b")).as(plan).isEqualTo(1);
        assertThat(count(plan, "table = awsdatacatalog\\.default\\.i\\b")).as(plan).isEqualTo(3);
        assertThat(plan).contains("SemiJoin[").contains("AntiJoin[");
        // k = 1: l1.w 100 and 101 each have the other supplier's line; 101 is late for 100, 100 is not for 101.
        assertThat(g.rows(sql)).containsExactly(List.of("10", "1"));
    }
}
