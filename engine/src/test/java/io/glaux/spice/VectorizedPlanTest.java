package io.glaux.spice;

import io.glaux.Glaux;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryRequest;
import io.glaux.exec.QueryState;
import io.glaux.sql.QueryContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which SPICE queries the planner hands to the vectorized operators, and that the rest still answer the same. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VectorizedPlanTest {

    private Glaux glaux;

    @BeforeAll
    void importItems(@TempDir Path folder) {
        try {
            glaux = Glaux.builder().dataFolder(folder).build();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        SpiceTestData.createItems(glaux, 2000);
        SpiceTestData.put(glaux, "lake", "huge/part-0", "100000000000000000|1\n-99999999999999999|2\n"
                + "999999999999999999|3\n".repeat(20));
        SpiceTestData.query(glaux, "CREATE EXTERNAL TABLE huge (v decimal(18,0), k int) ROW FORMAT DELIMITED"
                + " FIELDS TERMINATED BY '|' LOCATION 's3://lake/huge/'");
        for (String table : List.of("items", "huge")) {
            glaux.spice().createDataset(new SpiceDefinition(table, "SELECT * FROM " + table, QueryContext.DEFAULT));
            assertThat(SpiceTestData.await(glaux.spice().createIngestion(table)).status())
                    .isEqualTo(IngestionStatus.COMPLETED);
        }
    }

    @AfterAll
    void close() throws IOException {
        glaux.close();
    }

    private String plan(String sql) {
        return glaux.planner().prepare(sql, QueryContext.DEFAULT, List.of()).physicalPlan();
    }

    /** The answer of {@code sql}, a format whose {@code %1$s} names the table, over the SPICE dataset. */
    private List<List<String>> answer(String sql) {
        return SpiceTestData.query(glaux, String.format(sql, "spice.default.items"));
    }

    /** The answer of {@code sql} over the text table the dataset was imported from, row by row. */
    private List<List<String>> overText(String sql) {
        return SpiceTestData.query(glaux, String.format(sql, "items"));
    }

    @Test
    void thePlannerKnowsADatasetsRowsAndItsKeysDistinctValues() {
        List<List<String>> explained = SpiceTestData.query(glaux, "EXPLAIN SELECT a.name, b.amount FROM"
                + " spice.default.items a JOIN spice.default.items b ON a.small = b.small");
        String text = String.join("\n", explained.stream().map(row -> String.join(" ", row)).toList());
        long range = Long.parseLong(SpiceTestData.query(glaux, "SELECT max(small) - min(small) + 1 FROM"
                + " spice.default.items").get(0).get(0));
        // Each scan holds the version's 2,000 rows; each key value matches 2,000 / range rows on the other side.
        java.util.regex.Matcher join = java.util.regex.Pattern.compile("InnerJoin[^\\n]*\\n[^\\n]*\\n"
                + "[^\\n]*Estimates: \\{rows: (\\d+)}").matcher(text);
        assertThat(join.find()).as(text).isTrue();
        assertThat(Double.parseDouble(join.group(1))).as(text).isCloseTo(2000.0 * 2000 / range,
                org.assertj.core.data.Offset.offset(1.0));
        assertThat(text).contains("ScanProject[table = spice.default.items]").contains("Estimates: {rows: 2000}");
    }

    @Test
    void aFilteredSumRunsAsOneVectorizedScan() {
        String plan = plan("SELECT sum(amount * 2), count(*) FROM spice.default.items WHERE d >= DATE '2024-01-01'"
                + " AND d < DATE '2024-02-01' AND amount BETWEEN 10.05 AND 50.07 AND small < 24");
        // The decimal(38,2) sum is held in 18 digits, which the dataset's values bound: no overflow check is left
        // above the scan.
        assertThat(plan).startsWith("Enumerable(source=[spice.default.items]").contains("filter=", "aggregation=")
                .doesNotContain("EnumerableAggregate", "EnumerableCalc", "checked_decimal_result");
    }

    @Test
    void groupedAggregatesWithAveragesAreVectorizedBelowTheDivision() {
        String plan = plan("SELECT name, code, sum(amount), avg(score), count(*), min(d), max(name)"
                + " FROM spice.default.items WHERE ts <= TIMESTAMP '2024-03-01 00:00:00' GROUP BY name, code");
        assertThat(plan).contains("aggregation=[Aggregation[groupSet={").doesNotContain("EnumerableAggregate");
    }

    @Test
    void orderByWithLimitIsAVectorizedTopN() {
        String plan = plan("SELECT id, name, amount FROM spice.default.items WHERE name LIKE 'a%'"
                + " ORDER BY amount DESC, id LIMIT 5");
        assertThat(plan).contains("topN=").doesNotContain("EnumerableSort", "EnumerableLimit");
    }

    @Test
    void unsupportedExpressionsStayCalciteOperatorsAboveAVectorizedFilter() {
        String sql = "SELECT sum(CASE WHEN flag THEN amount ELSE 0 END) FROM %s WHERE id < 1000";
        String plan = plan(String.format(sql, "spice.default.items"));
        assertThat(plan).contains("EnumerableAggregate", "filter=");
        assertThat(answer(sql)).isEqualTo(overText(sql));
    }

    @Test
    void timestampsOfMicrosecondsCompareWithSpiceMillisecondsAsWithTheLiveTable() {
        String sql = "SELECT count(*), count_if(ts >= TIMESTAMP '2024-02-01 00:00:00.000001'),"
                + " CAST(min(CAST(ts AS timestamp(6)) + INTERVAL '0.001' SECOND) AS varchar) FROM %s"
                + " WHERE ts > TIMESTAMP '2024-01-15 00:00:00.000001'";
        List<List<String>> live = SpiceTestData.query(glaux, String.format(sql, "items"));
        assertThat(Long.parseLong(live.get(0).get(0))).isPositive();
        assertThat(live.get(0).get(2)).matches("2024-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}000");
        assertThat(SpiceTestData.query(glaux, String.format(sql, "spice.default.items"))).isEqualTo(live);
    }

    @Test
    void trinoAggregatesTheVectorsDoNotKnowRunAboveAVectorizedFilter() {
        String sql = "SELECT code, max_by(name, amount), approx_percentile(amount, 0.5), bool_or(flag)"
                + " FROM %s WHERE id < 1000 GROUP BY code ORDER BY code";
        String plan = plan(String.format(sql, "spice.default.items"));
        assertThat(plan).contains("EnumerableAggregate", "filter=");
        assertThat(answer(sql)).isEqualTo(overText(sql));
    }

    @Test
    void productsThatMayExceedALongAreLeftToExactDecimalArithmetic() {
        String sql = "SELECT sum(v * v), max(v * 3) FROM %s";
        assertThat(plan(String.format(sql, "spice.default.huge"))).contains("EnumerableAggregate");
        List<List<String>> cached = SpiceTestData.query(glaux, String.format(sql, "spice.default.huge"));
        assertThat(cached).isEqualTo(SpiceTestData.query(glaux, String.format(sql, "huge")));
        assertThat(cached.get(0).get(0)).isEqualTo("20019999999999999959800000000000000021");
    }

    @Test
    void integerArithmeticIsVectorizedWithTrinosOverflowChecks() {
        String sql = "SELECT sum(id * 3 + small), max(tiny - id), min(-big) FROM %s WHERE id < 1500";
        assertThat(plan(String.format(sql, "spice.default.items"))).contains("aggregation=")
                .doesNotContain("EnumerableAggregate", "EnumerableCalc");
        assertThat(answer(sql)).isEqualTo(overText(sql));
    }

    @Test
    void integerOverflowFailsCachedAsItFailsLive() {
        // k is an int between 1 and 3: k * 2147483647 leaves the int range on every row but k = 1.
        String sql = "SELECT sum(k * 2147483647) FROM %s";
        assertThat(plan(String.format(sql, "spice.default.huge"))).contains("aggregation=")
                .doesNotContain("EnumerableAggregate", "EnumerableCalc");
        String live = failure(String.format(sql, "huge"));
        assertThat(live).contains("NUMERIC_VALUE_OUT_OF_RANGE: integer multiplication overflow: 2 * 2147483647");
        assertThat(failure(String.format(sql, "spice.default.huge"))).isEqualTo(live);
        // The rows where k = 1 alone do not overflow, cached or live.
        String fits = "SELECT sum(k * 2147483647) FROM %s WHERE k = 1";
        assertThat(SpiceTestData.query(glaux, String.format(fits, "spice.default.huge")))
                .isEqualTo(SpiceTestData.query(glaux, String.format(fits, "huge")))
                .isEqualTo(List.of(List.of("2147483647")));
    }

    /** Why {@code sql} failed (its StateChangeReason). */
    private String failure(String sql) {
        QueryExecution done = glaux.execute(QueryRequest.of(sql));
        assertThat(done.state()).as(sql).isEqualTo(QueryState.FAILED);
        return done.status().stateChangeReason();
    }

    @Test
    void sumsBeyondALongStayExact() {
        String sql = "SELECT sum(v), count(*) FROM %s WHERE k = 3";
        assertThat(plan(String.format(sql, "spice.default.huge"))).contains("aggregation=");
        List<List<String>> cached = SpiceTestData.query(glaux, String.format(sql, "spice.default.huge"));
        assertThat(cached).isEqualTo(SpiceTestData.query(glaux, String.format(sql, "huge")));
        assertThat(cached.get(0)).containsExactly("19999999999999999980", "20");
    }

    @Test
    void vectorizedQueriesAreCounted() {
        long before = glaux.spice().vectorizedScans();
        SpiceTestData.query(glaux, "SELECT count(*) FROM spice.default.items WHERE name = 'beta'");
        assertThat(glaux.spice().vectorizedScans()).isEqualTo(before + 1);
    }

    @Test
    void dateMinusIntervalLiteralsFoldIntoVectorizedFilters() {
        String plan = plan("SELECT code, sum(amount), avg(amount), count(*) FROM spice.default.items"
                + " WHERE d <= DATE '2024-02-01' - INTERVAL '10' DAY GROUP BY code");
        assertThat(plan).contains("filter=", "aggregation=").doesNotContain("EnumerableAggregate");
    }

    @Test
    void datePartsAndTruncationsAreVectorizedGroupKeys() {
        for (String key : List.of("date_trunc('month', d)", "date_trunc('week', d)", "year(d)", "month(d)",
                "date_trunc('hour', ts)")) {
            String sql = "SELECT " + key + ", name, count(*), sum(amount) FROM %s GROUP BY " + key + ", name"
                    + " ORDER BY 1, 2";
            assertThat(plan(String.format(sql, "spice.default.items"))).as(key).contains("aggregation=")
                    .doesNotContain("EnumerableAggregate");
            assertThat(SpiceTestData.query(glaux, String.format(sql, "spice.default.items"))).as(key)
                    .isEqualTo(SpiceTestData.query(glaux, String.format(sql, "items")));
        }
    }

    @Test
    void aJoinOfDatasetsUnderAnAggregateRunsOnTheVectorizedHashJoin() {
        String sql = "SELECT a.name, count(*), sum(b.amount) FROM %1$s a JOIN %1$s b ON a.id = b.id"
                + " WHERE b.d >= DATE '2024-01-01' GROUP BY a.name ORDER BY 1 NULLS FIRST";
        String plan = plan(String.format(sql, "spice.default.items"));
        assertThat(plan).contains("source=[INNER(", "aggregation=")
                .doesNotContain("EnumerableHashJoin", "EnumerableAggregate", "MergeJoin");
        long before = glaux.spice().vectorizedScans();
        assertThat(answer(sql)).isEqualTo(overText(sql));
        // Both sides are read by the vectorized operators.
        assertThat(glaux.spice().vectorizedScans()).isEqualTo(before + 2);
    }

    /**
     * A join whose rows go on to the row operators (a CASE of a string comparison the vectorized operators do not
     * compute, an unaggregated select) still runs on the vectorized hash join: its rows are read from the join's
     * result.
     */
    @Test
    void aJoinOfDatasetsUnderRowOperatorsRunsOnTheVectorizedHashJoin() {
        for (String sql : List.of(
                "SELECT a.code, sum(CASE WHEN b.name = 'beta' THEN b.amount ELSE 0 END) FROM %1$s a JOIN %1$s b"
                        + " ON a.id = b.id GROUP BY a.code ORDER BY a.code NULLS FIRST",
                "SELECT a.id, b.name, b.amount FROM %1$s a JOIN %1$s b ON a.id = b.id WHERE b.score > 0"
                        + " ORDER BY 1, 2, 3")) {
            String plan = plan(String.format(sql, "spice.default.items"));
            assertThat(plan).as(sql).contains("source=[INNER(").doesNotContain("EnumerableHashJoin", "MergeJoin");
            long before = glaux.spice().vectorizedScans();
            assertThat(SpiceTestData.query(glaux, String.format(sql, "spice.default.items"))).as(sql)
                    .isNotEmpty().isEqualTo(SpiceTestData.query(glaux, String.format(sql, "items")));
            assertThat(glaux.spice().vectorizedScans()).isEqualTo(before + 2);
        }
    }

    /**
     * TPC-H Q22's shape: a filter on a substring folds into the scan (computed once per dictionary value), the
     * anti join of {@code NOT EXISTS} reads that scan directly, and the comparison with a scalar sub-query's
     * average (a decimal average the row operators compute from the vectorized sum and count) filters the anti
     * join's rows with the average's value in it.
     */
    @Test
    void anAntiJoinBelowAScalarSubQuerysComparisonRunsVectorized() {
        String sql = "SELECT substr(name, 1, 1), count(*) FROM %1$s i WHERE substr(name, 1, 1) IN ('a', 'g')"
                + " AND amount > (SELECT avg(amount) FROM %1$s) AND NOT EXISTS (SELECT * FROM %1$s j"
                + " WHERE j.id = i.id AND j.flag) GROUP BY 1 ORDER BY 1";
        String plan = plan(String.format(sql, "spice.default.items"));
        assertThat(plan).contains("ONE ROW(", "source=ANTI(", "filter=SEARCH(substr(", "decimal_average")
                .doesNotContain("joinType=", "EnumerableHashJoin", "NestedLoopJoin");
        // EXPLAIN ANALYZE shows the row computed from the aggregate, and counts the rows the comparison keeps.
        String text = String.join("\n", SpiceTestData.query(glaux, "EXPLAIN ANALYZE "
                + String.format(sql, "spice.default.items")).stream().map(row -> String.join(" ", row)).toList());
        assertThat(text).containsPattern("InnerJoin\\[filter = >\\(\\$1, \\$3\\)\\]\\n.*\\n.*\\n.*Output: \\d+ rows")
                .containsPattern("└─ Project\\n.*\\n.*\\n.*└─ Aggregate\\[keys = \\[\\]\\]");
        assertThat(SpiceTestData.query(glaux, String.format(sql, "spice.default.items")))
                .isNotEmpty().isEqualTo(SpiceTestData.query(glaux, String.format(sql, "items")));
    }

    /**
     * TPC-H Q16's shape: {@code NOT IN} a sub-query whose values may be NULL is an anti join on the value and then
     * against one row of the sub-query's counts, whose values go into the second join's condition; the two
     * aggregates above run vectorized. A sub-query holding a NULL keeps no row; one without keeps those not in it
     * whose value is not NULL.
     */
    @Test
    void notInASubQueryThatMayHoldNullsRunsVectorizedAgainstItsCounts() {
        for (String filter : List.of("tiny = 3", "tiny = 3 AND big IS NOT NULL", "tiny = 1000")) {
            String sql = "SELECT code, count(DISTINCT small) FROM %1$s WHERE big NOT IN (SELECT big FROM %1$s"
                    + " WHERE " + filter + ") GROUP BY code ORDER BY 1";
            String plan = plan(String.format(sql, "spice.default.items"));
            assertThat(plan).as(filter).contains("source=[ANTI ONE ROW(")
                    .doesNotContain("NestedLoopJoin", "EnumerableAggregate");
            assertThat(answer(sql)).as(filter).isEqualTo(overText(sql));
        }
        assertThat(answer("SELECT code, count(*) FROM %1$s WHERE big NOT IN (SELECT big FROM %1$s"
                + " WHERE tiny = 3) GROUP BY code")).isEmpty();
        // 1,819 rows have a value (one in 11 is NULL); the sub-query holds 15 of them.
        assertThat(answer("SELECT count(*) FROM %1$s WHERE big NOT IN (SELECT big FROM %1$s"
                + " WHERE tiny = 3 AND big IS NOT NULL)")).containsExactly(List.of("1804"));
        assertThat(answer("SELECT count(*) FROM %1$s WHERE big IN (SELECT big FROM %1$s"
                + " WHERE tiny = 3 AND big IS NOT NULL)")).containsExactly(List.of("15"));
    }

    /**
     * TPC-H Q15's shape: the sums of an expression of decimals, each a decimal of 38 digits, are held in 18 where the
     * dataset's value ranges bound them, so their maximum and the join with it (the one row's value in the filter)
     * run vectorized over the aggregate's rows.
     */
    @Test
    void theSumsOfADecimalExpressionJoinTheirMaximumVectorized() {
        String sql = "WITH r AS (SELECT tiny AS k, sum(amount * (100 - small)) AS total FROM %1$s GROUP BY tiny)"
                + " SELECT k, total FROM r WHERE total = (SELECT max(total) FROM r) ORDER BY k";
        String plan = plan(String.format(sql, "spice.default.items"));
        assertThat(plan).contains("INNER ONE ROW(").doesNotContain("EnumerableAggregate", "EnumerableHashJoin",
                "NestedLoopJoin", "checked_decimal_result");
        List<List<String>> answer = answer(sql);
        assertThat(answer).hasSize(1);
        assertThat(answer).isEqualTo(overText(sql));
    }

    /**
     * TPC-H Q11's whole shape: the sums are over joins of datasets, whose values are only known when the query runs.
     * They are held in 18 digits all the same, so that the comparison filters vectorized; a sum that turns out wider
     * (twenty 18-digit values joined with themselves) makes the query run again on the row operators, with the row
     * operators' answer.
     */
    @Test
    void sumsOverJoinsAreHeldIn18DigitsAndFallBackWhenTheyTurnOutWider() {
        String sql = "SELECT a.tiny, sum(a.amount * b.small) FROM %1$s a JOIN %1$s b ON a.id = b.id GROUP BY a.tiny"
                + " HAVING sum(a.amount * b.small) > (SELECT sum(c.amount * d.small) * 0.0095 FROM %1$s c JOIN %1$s d"
                + " ON c.id = d.id) ORDER BY 2 DESC";
        String plan = plan(String.format(sql, "spice.default.items"));
        assertThat(plan).contains("INNER ONE ROW(").doesNotContain("NestedLoopJoin", "EnumerableAggregate",
                "EnumerableHashJoin");
        List<List<String>> answer = answer(sql);
        assertThat(answer).hasSizeGreaterThan(1);
        assertThat(answer).isEqualTo(overText(sql));

        String wide = "WITH r AS (SELECT a.k, sum(a.v) AS s FROM %1$s a JOIN %1$s b ON a.k = b.k GROUP BY a.k)"
                + " SELECT k, s FROM r WHERE s > (SELECT min(s) FROM r) ORDER BY 1";
        assertThat(plan(String.format(wide, "spice.default.huge"))).contains("INNER ONE ROW(")
                .doesNotContain("EnumerableAggregate");
        List<List<String>> wideAnswer = SpiceTestData.query(glaux, String.format(wide, "spice.default.huge"));
        assertThat(wideAnswer).isEqualTo(SpiceTestData.query(glaux, String.format(wide, "huge")))
                .contains(List.of("3", "399999999999999999600"));
    }

    /**
     * TPC-H Q11's shape: groups whose sum passes a fraction of the total. The fraction, a decimal product the
     * vectorized filter does not compute, is computed with the total's row, so the comparison filters the groups'
     * rows with its value.
     */
    @Test
    void aComparisonWithAValueComputedFromTheOneRowFiltersVectorized() {
        String sql = "SELECT tiny, sum(amount) FROM %1$s GROUP BY tiny HAVING sum(amount) > (SELECT sum(amount)"
                + " * 0.0095 FROM %1$s) ORDER BY 2 DESC";
        String plan = plan(String.format(sql, "spice.default.items"));
        assertThat(plan).contains("INNER ONE ROW(").doesNotContain("NestedLoopJoin", "EnumerableAggregate");
        List<List<String>> answer = answer(sql);
        assertThat(answer).hasSizeBetween(5, 90);
        assertThat(answer).isEqualTo(overText(sql));
    }

    /**
     * An inner join with a side of one row, on a string equality and a comparison with the row's values, keeps
     * the row's columns (its strings with their own dictionary) beside the scanned rows.
     */
    @Test
    void anInnerJoinWithOneRowKeepsTheRowsColumns() {
        String sql = "SELECT i.id, i.name, m.top, m.most FROM %1$s i, (SELECT max(name) AS top, max(amount) AS most,"
                + " max(d) AS latest FROM %1$s WHERE id < 500) m WHERE i.name = m.top AND i.amount < m.most - 50"
                + " AND i.d < m.latest ORDER BY 1";
        String plan = plan(String.format(sql, "spice.default.items"));
        assertThat(plan).contains("source=[INNER ONE ROW(").doesNotContain("NestedLoopJoin", "EnumerableHashJoin");
        List<List<String>> answer = answer(sql);
        assertThat(answer).hasSizeGreaterThan(10).allSatisfy(row -> assertThat(row.get(1)).isEqualTo("ünï"));
        assertThat(answer).isEqualTo(overText(sql));
    }

    /**
     * TPC-H Q19's shape: an inner join's condition beside its key, an OR over both sides whose bounds are constant
     * expressions ({@code 1 + 10}), is computed first and becomes the vectorized join's filter.
     */
    @Test
    void anInnerJoinsConditionWithConstantExpressionsRunsVectorized() {
        String sql = "SELECT count(*), sum(b.amount) FROM %1$s a JOIN %1$s b ON a.id = b.id"
                + " AND ((a.name = 'alpha' AND b.amount <= 1 + 10) OR (a.name = 'beta' AND b.amount >= 40 + 10))";
        String plan = plan(String.format(sql, "spice.default.items"));
        assertThat(plan).contains("source=[INNER(", "aggregation=")
                .doesNotContain("EnumerableHashJoin", "checked_add");
        List<List<String>> answer = answer(sql);
        assertThat(Long.parseLong(answer.get(0).get(0))).isPositive();
        assertThat(answer).isEqualTo(overText(sql));
    }

    /**
     * A join on two keys packs them into one number from the ranges of the table's side (TPC-H Q9's partsupp keys).
     * Rows of the other side with a value outside those ranges, whose digits would otherwise alias an equal packed
     * number ((1, 11) and (2, 1) for a in 1..2 and b in 1..10), match nothing, in inner, left, semi and anti joins
     * and with either side made the table.
     */
    @Test
    void aJoinOnTwoKeysMatchesOnlyEqualPairsWhereTheOtherSidesValuesLieOutsideTheTablesRanges() {
        SpiceTestData.put(glaux, "lake", "pairs/part-0", "1|1|p11\n2|1|p21\n1|10|p110\n2|10|p210\n");
        StringBuilder probes = new StringBuilder();
        for (int copy = 0; copy < 3; copy++) {
            for (String row : List.of("1|11|alias21", "2|0|alias110", "0|11|alias11", "0|1|low", "3|1|high",
                    "1|-9|negative", "1|10|hit110", "2|1|hit21", "\\N|1|nullkey")) {
                probes.append(row).append(copy).append('\n');
            }
        }
        SpiceTestData.put(glaux, "lake", "probes/part-0", probes.toString());
        for (String table : List.of("pairs", "probes")) {
            SpiceTestData.query(glaux, "CREATE EXTERNAL TABLE " + table + " (a int, b int, tag string) ROW FORMAT"
                    + " DELIMITED FIELDS TERMINATED BY '|' LOCATION 's3://lake/" + table + "/'");
            glaux.spice().createDataset(new SpiceDefinition(table, "SELECT * FROM " + table, QueryContext.DEFAULT));
            assertThat(SpiceTestData.await(glaux.spice().createIngestion(table)).status())
                    .isEqualTo(IngestionStatus.COMPLETED);
        }
        String inner = "SELECT p.tag, q.tag FROM %1$sprobes p JOIN %1$spairs q ON p.a = q.a AND p.b = q.b"
                + " ORDER BY 1, 2";
        assertThat(plan(String.format(inner, "spice.default."))).contains("source=[INNER(")
                .doesNotContain("EnumerableHashJoin");
        List<List<String>> matched = SpiceTestData.query(glaux, String.format(inner, "spice.default."));
        assertThat(matched).containsExactly(List.of("hit1100", "p110"), List.of("hit1101", "p110"),
                List.of("hit1102", "p110"), List.of("hit210", "p21"), List.of("hit211", "p21"),
                List.of("hit212", "p21"));
        for (String sql : List.of(inner,
                "SELECT p.tag, q.tag FROM %1$sprobes p LEFT JOIN %1$spairs q ON p.a = q.a AND p.b = q.b ORDER BY 1",
                "SELECT q.tag FROM %1$spairs q WHERE EXISTS (SELECT * FROM %1$sprobes p WHERE p.a = q.a"
                        + " AND p.b = q.b) ORDER BY 1",
                "SELECT p.tag FROM %1$sprobes p WHERE EXISTS (SELECT * FROM %1$spairs q WHERE p.a = q.a"
                        + " AND p.b = q.b) ORDER BY 1",
                "SELECT p.tag FROM %1$sprobes p WHERE NOT EXISTS (SELECT * FROM %1$spairs q WHERE p.a = q.a"
                        + " AND p.b = q.b) ORDER BY 1",
                "SELECT q.tag FROM %1$spairs q WHERE NOT EXISTS (SELECT * FROM %1$sprobes p WHERE p.a = q.a"
                        + " AND p.b = q.b) ORDER BY 1")) {
            assertThat(plan(String.format(sql, "spice.default."))).as(sql).doesNotContain("EnumerableHashJoin");
            assertThat(SpiceTestData.query(glaux, String.format(sql, "spice.default."))).as(sql)
                    .isEqualTo(SpiceTestData.query(glaux, String.format(sql, "")));
        }
    }

    /**
     * TPC-H Q17's shape: an inner join's condition beside its key that the vectorized filter does not compute (here a
     * concatenation of both sides' strings) filters the joined rows above the vectorized join, on the row operators,
     * while the condition it computes stays in the join.
     */
    @Test
    void anInnerJoinsConditionTheVectorizedFilterCannotComputeFiltersAboveTheVectorizedJoin() {
        String sql = "SELECT count(*), sum(b.amount) FROM %1$s a JOIN %1$s b ON a.small = b.small"
                + " AND a.name || b.code <> 'alpha1' AND b.amount > a.amount";
        String plan = plan(String.format(sql, "spice.default.items"));
        assertThat(plan).contains("source=[INNER(", "filter=").containsPattern("EnumerableCalc\\(.*\\|\\|")
                .doesNotContain("EnumerableHashJoin");
        List<List<String>> answer = answer(sql);
        assertThat(Long.parseLong(answer.get(0).get(0))).isPositive();
        assertThat(answer).isEqualTo(overText(sql));
    }

    /** Whichever way the query names them, the side with fewer rows after its filter is built (listed second). */
    @Test
    void aVectorizedJoinBuildsTheSmallerSide() {
        for (String sql : List.of(
                "SELECT count(*), sum(b.amount) FROM %1$s a JOIN %1$s b ON a.id = b.id WHERE a.id < 50",
                "SELECT count(*), sum(b.amount) FROM %1$s b JOIN %1$s a ON a.id = b.id WHERE a.id < 50")) {
            assertThat(plan(String.format(sql, "spice.default.items"))).as(sql)
                    .containsPattern("source=\\[INNER\\(\\[\\d+] = \\[\\d+], VectorQuery.NONE.\\[]\\("
                            + "source=spice.default.items,projects=[^)]*\\), VectorQuery.NONE.\\[]\\("
                            + "source=spice.default.items,filter=");
            assertThat(answer(sql)).isEqualTo(overText(sql));
        }
    }

    /** A constant part of a filter (a date plus an interval) is computed once, and the filter folds into the scan. */
    @Test
    void aDatePlusAnIntervalInAFilterIsComputedAndTheFilterRunsVectorized() {
        String sql = "SELECT count(*), sum(amount) FROM %s WHERE d >= DATE '2024-01-01'"
                + " AND d < DATE '2024-01-01' + INTERVAL '1' MONTH";
        assertThat(plan(String.format(sql, "spice.default.items"))).contains("filter=", "aggregation=")
                .doesNotContain("EnumerableAggregate", "INTERVAL");
        assertThat(answer(sql)).isEqualTo(overText(sql));
    }

    /** Aggregates with FILTER, and the conditional sums Calcite turns into them, run vectorized. */
    @Test
    void filteredAggregatesAndConditionalSumsRunVectorized() {
        String sql = "SELECT code, count(*) FILTER (WHERE flag), sum(CASE WHEN name = 'beta' OR name = 'gamma'"
                + " THEN 1 ELSE 0 END), sum(amount) FILTER (WHERE d < DATE '2024-01-15') FROM %s GROUP BY code"
                + " ORDER BY code";
        assertThat(plan(String.format(sql, "spice.default.items"))).contains("aggregation=", "FILTER")
                .doesNotContain("EnumerableAggregate");
        assertThat(answer(sql)).isEqualTo(overText(sql));
    }

    /** EXPLAIN ANALYZE counts the rows of a vectorized join's result, the scan its aggregate folds in. */
    @Test
    void explainAnalyzeCountsTheRowsOfAVectorizedJoin() {
        String sql = "SELECT a.name, count(*) FROM spice.default.items a JOIN spice.default.items b ON a.id = b.id"
                + " WHERE b.id < 300 GROUP BY a.name";
        String text = String.join("\n", SpiceTestData.query(glaux, "EXPLAIN ANALYZE " + sql).stream()
                .map(row -> String.join(" ", row)).toList());
        assertThat(text).contains("InnerJoin[criteria = =($").contains("Output: 299 rows")
                .contains("ScanFilterProject[table = spice.default.items");
    }

    /** Left, semi and anti joins too, each with the row operators' answer over the live table. */
    @Test
    void leftSemiAndAntiJoinsOfDatasetsRunOnTheVectorizedHashJoin() {
        Map<String, String> queries = Map.of(
                "LEFT(", "SELECT a.code, count(*), count(b.id) FROM %1$s a LEFT JOIN (SELECT * FROM %1$s"
                        + " WHERE id < 300) b ON a.id = b.id GROUP BY a.code ORDER BY 1",
                "SEMI(", "SELECT count(*), sum(id) FROM %1$s WHERE big IN (SELECT big FROM %1$s WHERE id < 100)",
                "ANTI(", "SELECT count(*), count(big) FROM %1$s a WHERE NOT EXISTS (SELECT 1 FROM %1$s b"
                        + " WHERE b.big = a.big AND b.id < 100)");
        for (Map.Entry<String, String> query : queries.entrySet()) {
            String sql = query.getValue();
            assertThat(plan(String.format(sql, "spice.default.items"))).as(sql)
                    .contains("source=[" + query.getKey()).doesNotContain("EnumerableHashJoin");
            assertThat(SpiceTestData.query(glaux, String.format(sql, "spice.default.items"))).as(sql)
                    .isEqualTo(SpiceTestData.query(glaux, String.format(sql, "items")));
        }
    }

    /**
     * A left join whose preserved side is the smaller (TPC-H Q13's customers against their orders) builds that side
     * and probes the other: the operator's right join, which adds the build rows no probe row matched, NULL keys
     * among them.
     */
    @Test
    void aLeftJoinBuildsItsPreservedSideWhenThatSideIsTheSmaller() {
        String sql = "SELECT c, count(*), sum(k) FROM (SELECT a.id AS k, count(b.id) AS c FROM (SELECT * FROM %1$s"
                + " WHERE tiny = 3) a LEFT JOIN %1$s b ON a.big = b.big AND b.name <> 'beta' GROUP BY a.id)"
                + " GROUP BY c ORDER BY 2 DESC, 1 DESC";
        assertThat(plan(String.format(sql, "spice.default.items"))).contains("source=RIGHT(")
                .doesNotContain("EnumerableHashJoin");
        List<List<String>> answer = answer(sql);
        assertThat(answer).isEqualTo(overText(sql));
        // Rows of a NULL key matched nothing and are kept: some left rows count no match.
        assertThat(answer).extracting(row -> row.get(0)).contains("0");
    }

    /**
     * Semi and anti joins whose conditions compare a column of each side beside the key (TPC-H Q21's {@code EXISTS}
     * and {@code NOT EXISTS}) run on the vectorized hash join, which checks the comparisons on each candidate row.
     */
    @Test
    void semiAndAntiJoinsWithComparisonsBesideTheKeyRunOnTheVectorizedHashJoin() {
        String sql = "SELECT a.code, count(*) FROM %1$s a WHERE EXISTS (SELECT 1 FROM %1$s b WHERE b.tiny = a.tiny"
                + " AND b.big <> a.big) AND NOT EXISTS (SELECT 1 FROM %1$s c WHERE c.small = a.small"
                + " AND c.id > a.id AND c.d < DATE '2024-01-15') GROUP BY a.code ORDER BY 1";
        String plan = plan(String.format(sql, "spice.default.items"));
        assertThat(plan).contains("source=[ANTI(", "source=SEMI(", " AND <>([")
                .doesNotContain("EnumerableHashJoin", "NestedLoopJoin");
        String explained = String.join("\n", SpiceTestData.query(glaux, "EXPLAIN " + String.format(sql,
                "spice.default.items")).stream().map(row -> String.join(" ", row)).toList());
        assertThat(explained).containsPattern("SemiJoin\\[criteria = =\\(\\$\\d+, \\$\\d+\\) AND <>\\(")
                .containsPattern("AntiJoin\\[criteria = =\\(\\$\\d+, \\$\\d+\\) AND [<>]\\(");
        assertThat(answer(sql)).isEqualTo(overText(sql));
    }

    /**
     * An aggregate's rows are a source the vectorized operators read as a table: its HAVING filter, a semi join with
     * it as the built side and the aggregate above the join fold into one vectorized query (TPC-H Q18's shape). Its
     * sum of decimals, a decimal of 38 digits, is held in 18 since the dataset's values bound it.
     */
    @Test
    void aSemiJoinWithAnAggregateFilteredByHavingRunsVectorized() {
        String sql = "SELECT a.code, count(*), sum(a.amount) FROM %1$s a WHERE a.tiny IN (SELECT b.tiny FROM %1$s b"
                + " GROUP BY b.tiny HAVING sum(b.amount) > 1000) GROUP BY a.code ORDER BY 1";
        String plan = plan(String.format(sql, "spice.default.items"));
        assertThat(plan).contains("source=[SEMI(", "RESULT(", "aggregation=")
                .doesNotContain("EnumerableHashJoin", "EnumerableAggregate", "EnumerableFilter");
        String explained = String.join("\n", SpiceTestData.query(glaux, "EXPLAIN " + String.format(sql,
                "spice.default.items")).stream().map(row -> String.join(" ", row)).toList());
        assertThat(explained).contains("SemiJoin[criteria", "FilterProject[filterPredicate = ", "Aggregate[keys = [tiny]]");
        assertThat(answer(sql)).isEqualTo(overText(sql));
    }

    /**
     * A semi or anti join whose probe side is the smaller puts the probe side in the hash table, and the build side's
     * rows mark the entries they match; a larger probe side is probed as usual.
     */
    @Test
    void aSemiJoinWithTheSmallerProbeSideMarksIt() {
        String small = "SELECT count(*), sum(a.id) FROM %1$s a WHERE a.small = 7 AND EXISTS (SELECT 1 FROM %1$s b"
                + " WHERE b.big = a.big)";
        String large = "SELECT count(*), sum(a.id) FROM %1$s a WHERE EXISTS (SELECT 1 FROM %1$s b"
                + " WHERE b.big = a.big AND b.small = 7)";
        String smallAnti = small.replace("EXISTS", "NOT EXISTS");
        assertThat(plan(String.format(small, "spice.default.items"))).contains("SEMI(", "marking the probe side");
        assertThat(plan(String.format(smallAnti, "spice.default.items"))).contains("ANTI(", "marking the probe side");
        assertThat(plan(String.format(large, "spice.default.items"))).contains("SEMI(")
                .doesNotContain("marking the probe side");
        for (String sql : List.of(small, smallAnti, large)) {
            assertThat(answer(sql)).isEqualTo(overText(sql));
        }
    }

    @Test
    void aJoinOnStringKeysStaysAHashJoinOfTheRowOperators() {
        String plan = plan("SELECT a.name, count(*) FROM spice.default.items a JOIN spice.default.items b"
                + " ON a.name = b.name WHERE b.d >= DATE '2024-01-01' GROUP BY a.name");
        assertThat(plan).contains("EnumerableHashJoin").doesNotContain("MergeJoin", "source=[INNER(");
    }
}
