package io.glaux.sql.plan;

import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Arrays;
import java.util.List;

import static io.glaux.sql.plan.SubQueryTables.count;
import static io.glaux.sql.plan.SubQueryTables.plan;
import static io.glaux.sql.plan.SubQueryTables.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comparisons with a correlated scalar aggregate (TPC-H Q17's {@code l_quantity < (SELECT 0.2 * avg(l_quantity) ...
 * WHERE l_partkey = p_partkey)}) planned as a join with the aggregate grouped by the key keep SQL's answers: an outer
 * row without a group, or with a NULL key, compares with NULL and is dropped; count, whose empty value is 0, and values
 * that are not NULL when the aggregate is (coalesce) keep Calcite's plan.
 */
class ScalarAggregateJoinsTest {

    @RegisterExtension
    final GlauxFixture g = GlauxFixture.perTest();

    /** Outer rows (k, v) and sub-query rows (k, w), as in {@code SemiJoinSubQueriesTest} with a NULL w. */
    @BeforeEach
    void tables() {
        SubQueryTables.create(g, "(1, 100), (1, 101), (2, 5), (NULL, 7), (4, 8), (2, NULL)");
    }

    @Test
    void aComparisonWithAKeysAggregateKeepsRowsWhoseGroupSatisfiesIt() {
        // Groups: k = 1 has w 100, 101; k = 2 has 5 and a NULL; no other k of o has a group.
        assertThat(values(g, "v < (SELECT 0.2 * avg(w) FROM i WHERE i.k = o.k)")).containsExactly("10");
        assertThat(values(g, "v > (SELECT max(w) FROM i WHERE i.k = o.k)")).containsExactly("20", "21");
        assertThat(values(g, "v <> (SELECT min(w) + 1 FROM i WHERE i.k = o.k AND i.w < 101)"))
                .containsExactly("10", "20", "21");
        assertThat(values(g, "v >= (SELECT sum(w) FROM i WHERE i.k = o.k AND i.w > 1000)")).isEmpty();
    }

    /** A decimal average is Glaux's exact quotient of sum and count, NULL when the sum is: Q17's shape. */
    @Test
    void aComparisonWithADecimalAverageIsPlannedAsAJoin() {
        String sql = "SELECT v FROM o WHERE CAST(v AS decimal(10, 2)) < (SELECT 0.2 * avg(CAST(w AS decimal(10, 2)))"
                + " FROM i WHERE i.k = o.k) ORDER BY v";
        assertThat(g.rows(sql)).containsExactly(List.of("10"));
        assertThat(count(plan(g, sql), "table = awsdatacatalog\\.default\\.o\\b")).isEqualTo(1);
    }

    /**
     * A correlated decimal average outside a comparison keeps Calcite's decorrelation, which rebuilds the average
     * when it turns the count of a missing group into 0: the rebuilt call keeps the average's type.
     */
    @Test
    void aCorrelatedDecimalAverageInTheSelectListHasOneValuePerOuterRow() {
        assertThat(g.rows("SELECT v, (SELECT avg(CAST(w AS decimal(10, 2))) FROM i WHERE i.k = o.k) FROM o"
                + " ORDER BY v")).containsExactly(Arrays.asList("6", null), List.of("10", "100.50"),
                List.of("20", "5.00"), List.of("21", "5.00"), Arrays.asList("30", null), Arrays.asList("40", null),
                Arrays.asList("200", null), Arrays.asList("300", null));
    }

    @Test
    void aggregatesThatAreNotNullOverNoRowsKeepTheirAnswers() {
        assertThat(values(g, "v > (SELECT count(*) FROM i WHERE i.k = o.k)"))
                .containsExactly("6", "10", "20", "21", "30", "40", "200", "300");
        assertThat(values(g, "v > (SELECT coalesce(max(w), 0) FROM i WHERE i.k = o.k)"))
                .containsExactly("6", "20", "21", "30", "40", "200", "300");
    }

    @Test
    void q17sShapeReadsTheSubQuerysTableOnceAndTheOuterOnce() {
        String sql = "SELECT sum(v) FROM o, i l1 WHERE o.k = l1.k AND l1.w < (SELECT 0.2 * avg(w) * 10 FROM i"
                + " WHERE i.k = o.k)";
        String plan = plan(g, sql);
        assertThat(count(plan, "table = awsdatacatalog\\.default\\.o\\b")).as(plan).isEqualTo(1);
        assertThat(count(plan, "table = awsdatacatalog\\.default\\.i\\b")).as(plan).isEqualTo(2);
        // k = 1: 2 * avg 100.5 = 201 exceeds 100 and 101; k = 2: 2 * avg 5 = 10 exceeds 5; o's k = 2 rows twice.
        assertThat(g.rows(sql)).containsExactly(List.of(String.valueOf(10 + 10 + 20 + 21)));
    }

    /**
     * Where the outer rows' keys come from a filtered table (Q17's parts of one brand and container), the sub-query's
     * rows are semi-joined to that table before they are grouped, so groups no outer row joins are not computed.
     */
    @Test
    void aFilteredOuterTableLimitsTheGroupsComputed() {
        String sql = "SELECT sum(v) FROM o, i l1 WHERE o.k = l1.k AND o.v < 15 AND l1.w < (SELECT 0.2 * avg(w) * 10"
                + " FROM i WHERE i.k = o.k)";
        String plan = plan(g, sql);
        assertThat(count(plan, "table = awsdatacatalog\\.default\\.o\\b")).as(plan).isEqualTo(2);
        assertThat(plan).as(plan).containsPattern("(?s)Aggregate\\[keys = \\[k]].*SemiJoin");
        // Only o's k = 1 row (v 10) passes v < 15; both i rows of k = 1 are below 2 * avg 100.5.
        assertThat(g.rows(sql)).containsExactly(List.of("20"));
    }
}
