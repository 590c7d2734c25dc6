package io.glaux.quicksight.expression;

import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.glaux.quicksight.expression.QuickSightType.DATETIME;
import static io.glaux.quicksight.expression.QuickSightType.DECIMAL;
import static io.glaux.quicksight.expression.QuickSightType.INTEGER;
import static io.glaux.quicksight.expression.QuickSightType.STRING;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every function's translation run by a real Glaux over small CSV tables, compared with the results QuickSight's
 * documentation gives for its examples (the field values of those examples are the table rows here).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TranslationOverGlauxTest {

    private final ExpressionTranslator translator = new ExpressionTranslator();
    private GlauxFixture g;

    private final Map<String, Column> textColumns = new HashMap<>();
    private final Map<String, Column> dateColumns = new HashMap<>();
    private final Map<String, Column> salesColumns = new HashMap<>();

    @BeforeAll
    void createTables(@TempDir Path data) throws Exception {
        g = GlauxFixture.local(data);
        g.put("lake", "texts/t.csv", """
                1,2,2,01-01-1999,United States,Ms.,Li,Juan
                2,2a,2.1,12/31/2006,China,Dr.,Ana Carolina,Silva
                3,12.13,2a,1/18/1982,India,Mr.,Nikhil,Jayashankar
                4,3b,3,7/4/2010,France,\\N,Jo,Doe
                5,3.9,3b,2010-07-04,\\N,Ms.,Al,Roe
                6,\\N,\\N,\\N,China,Mr.,  padded  ,X
                7,198.353398,5,13/45/2010,India,Dr.,Seattle Store #14,Fantasy and Science Fiction
                """);
        g.put("lake", "dates/d.csv", """
                1,2018-01-01,2018-03-05,2018-05-13 13:24:00
                2,2017-09-13,2017-10-20,2017-01-31 23:06:00
                3,2012-12-14,2012-12-16,2016-12-28 06:45:00
                4,2013-12-29,\\N,\\N
                5,2012-11-15,2012-11-15,2024-03-09 10:15:30.123
                """);
        g.put("lake", "fuzz/f.csv", """
                1.50,2,12/31/2006 10:00:00,2024-03-09,true
                \\N,\\N,\\N,\\N,\\N
                -3.25,0,abc,1999-12-31,false
                """);
        g.put("lake", "sales/s.csv", """
                1,East,10.50,1
                2,East,20.00,2
                3,West,5.25,\\N
                4,\\N,7.75,3
                5,West,1.00,3
                """);
        g.script("""
                CREATE EXTERNAL TABLE texts (id int, fee string, feetype string, proddate string, country string,
                  salutation string, firstname string, lastname string)
                ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://lake/texts/';
                CREATE EXTERNAL TABLE dates (id int, orderdate date, shipdate date, purchasedate timestamp)
                ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://lake/dates/';
                CREATE EXTERNAL TABLE fuzz (amount decimal(10,2), qty int, name string, order_date date,
                  paid boolean)
                ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://lake/fuzz/';
                CREATE EXTERNAL TABLE sales (id int, region string, amount decimal(10,2), qty int)
                ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://lake/sales/';
                """);
        for (String name : List.of("fee", "feeType", "prodDate", "country", "salutation", "firstName", "lastName")) {
            textColumns.put(name, Column.identifier(name.toLowerCase(java.util.Locale.ROOT), STRING));
        }
        textColumns.put("id", Column.identifier("id", INTEGER));
        dateColumns.put("orderDate", Column.identifier("orderdate", DATETIME));
        dateColumns.put("ship date", Column.identifier("shipdate", DATETIME));
        dateColumns.put("purchaseDate", Column.identifier("purchasedate", DATETIME));
        dateColumns.put("id", Column.identifier("id", INTEGER));
        salesColumns.put("region", Column.identifier("region", STRING));
        salesColumns.put("amount", Column.identifier("amount", DECIMAL));
        salesColumns.put("qty", Column.identifier("qty", INTEGER));
        salesColumns.put("twice qty", new Column("qty * 2", INTEGER));
    }

    @AfterAll
    void close() throws Exception {
        if (g != null) {
            g.close();
        }
    }

    /** The expression's value on every row of {@code table}, in id order. */
    private List<String> perRow(String table, Map<String, Column> columns, String expression) {
        Translation t = translator.translate(expression, columns);
        assertThat(t.aggregate()).as("aggregate").isFalse();
        return g.rows("SELECT " + t.sql() + " FROM " + table + " ORDER BY id").stream().map(r -> r.get(0)).toList();
    }

    private String text(String expression) {
        return perRow("texts", textColumns, expression).get(0);
    }

    private static List<String> values(String... values) {
        return Arrays.asList(values);
    }

    // ---- operators

    @Test
    void arithmeticFollowsPemdasAndDivisionIsFloatingPoint() {
        assertThat(text("5 + (7 * 3)")).isEqualTo("26");
        assertThat(text("(5 + 7) * 3")).isEqualTo("36");
        assertThat(text("3/2")).isEqualTo("1.5");
        assertThat(text("2 ^ 3 ^ 2")).isEqualTo("512.0");
        assertThat(text("-2 ^ 2")).isEqualTo("-4.0");
        assertThat(text("7 % 3")).isEqualTo("1");
        assertThat(text("10 - 4 - 3")).isEqualTo("3");
        assertThat(perRow("sales", salesColumns, "{qty} / 2")).containsExactly("0.5", "1.0", null, "1.5", "1.5");
        assertThat(perRow("sales", salesColumns, "{twice qty} + amount"))
                .containsExactly("12.50", "24.00", null, "13.75", "7.00");
    }

    @Test
    void comparisonsAreCaseSensitiveAndLogicCombines() {
        assertThat(perRow("texts", textColumns, "country = 'China'"))
                .containsExactly("false", "true", "false", "false", null, "true", "false");
        assertThat(perRow("texts", textColumns, "country = 'china'"))
                .containsExactly("false", "false", "false", "false", null, "false", "false");
        assertThat(perRow("texts", textColumns, "toUpper(country) = 'CHINA' AND NOT ({id} > 2) or id = 7"))
                .containsExactly("false", "true", "false", "false", "false", "false", "true");
        assertThat(perRow("texts", textColumns, "id <> 2 AND id != 3 AND id >= 2 AND id <= 4 AND id < 5"))
                .containsExactly("false", "false", "false", "true", "false", "false", "false");
    }

    @Test
    void inAndNotInTestAListOfLiterals() {
        assertThat(perRow("texts", textColumns, "in(country, ['China', 'India'])"))
                .containsExactly("false", "true", "true", "false", null, "true", "true");
        assertThat(perRow("texts", textColumns, "notIn(id, [1, 2, -3])"))
                .containsExactly("false", "false", "true", "true", "true", "true", "true");
    }

    // ---- conditionals and NULL

    @Test
    void ifelseReturnsTheFirstMatchingBranch() {
        assertThat(perRow("texts", textColumns,
                "ifelse(country = \"United States\", \"US\", country = \"China\", \"CN\", country = \"India\", \"IN\", "
                        + "\"Others\")"))
                .containsExactly("US", "CN", "IN", "Others", "Others", "CN", "IN");
        assertThat(perRow("texts", textColumns, "ifelse(id > 5, NULL, id * 1.5)"))
                .containsExactly("1.5", "3.0", "4.5", "6.0", "7.5", null, null);
    }

    @Test
    void nullTestsAndCoalesce() {
        assertThat(perRow("texts", textColumns, "isNull(country)"))
                .containsExactly("false", "false", "false", "false", "true", "false", "false");
        assertThat(perRow("texts", textColumns, "isNotNull({fee})"))
                .containsExactly("true", "true", "true", "true", "true", "false", "true");
        assertThat(perRow("texts", textColumns, "coalesce(country, salutation, 'none')"))
                .containsExactly("United States", "China", "India", "France", "Ms.", "China", "India");
        assertThat(perRow("texts", textColumns, "strlen(salutation)"))
                .containsExactly("3", "3", "3", null, "3", "3", "3");
    }

    // ---- strings

    @Test
    void stringFunctionsGiveTheDocumentedResults() {
        assertThat(perRow("texts", textColumns, "concat(salutation, ' ', firstName, ' ', lastName)").subList(0, 3))
                .containsExactly("Ms. Li Juan", "Dr. Ana Carolina Silva", "Mr. Nikhil Jayashankar");
        assertThat(text("concat('Hello', 'world')")).isEqualTo("Helloworld");
        assertThat(text("left('Seattle Store #14', 3)")).isEqualTo("Sea");
        assertThat(text("right('Seattle Store #14', 12)")).isEqualTo("le Store #14");
        assertThat(text("right('abc', 5)")).isEqualTo("abc");
        assertThat(text("substring('Fantasy and Science Fiction',13,7)")).isEqualTo("Science");
        assertThat(perRow("texts", textColumns, "substring(lastName, 13, 7)").get(6)).isEqualTo("Science");
        assertThat(perRow("texts", textColumns, "left(firstName, 7)").get(6)).isEqualTo("Seattle");
        assertThat(text("strlen('abc')")).isEqualTo("3");
        assertThat(text("toLower('Seattle Store')")).isEqualTo("seattle store");
        assertThat(text("toUpper('Seattle Store')")).isEqualTo("SEATTLE STORE");
        assertThat(perRow("texts", textColumns, "concat('[', trim(firstName), ']')").get(5)).isEqualTo("[padded]");
        assertThat(perRow("texts", textColumns, "concat('[', ltrim(firstName), ']')").get(5))
                .isEqualTo("[padded  ]");
        assertThat(perRow("texts", textColumns, "concat('[', rtrim(firstName), ']')").get(5))
                .isEqualTo("[  padded]");
        assertThat(text("replace('1 Main St.', 'St.', 'Street')")).isEqualTo("1 Main Street");
        assertThat(text("toString(3)")).isEqualTo("3");
        assertThat(text("concat(toString(12), 'a')")).isEqualTo("12a");
        assertThat(perRow("texts", textColumns, "concat(salutation, '!')").get(3)).isNull();
    }

    @Test
    void parseFunctionsSkipTextTheyDoNotAccept() {
        // parseDecimal: 2 2a 12.13 3b 3.9 (null) 198.353398 -> 2.0 12.13 3.9 (null) 198.3533
        assertThat(perRow("texts", textColumns, "parseDecimal(fee)"))
                .containsExactly("2.0", null, "12.13", null, "3.9", null, "198.3533");
        // parseInt: 2 2.1 2a 3 3b (null) 5 -> 2 2 3 (null) 5
        assertThat(perRow("texts", textColumns, "parseInt(feeType)"))
                .containsExactly("2", "2", null, "3", null, null, "5");
        // parseDate(prodDate, 'MM/dd/yyyy'): 01-01-1999 12/31/2006 1/18/1982 7/4/2010 -> the last three
        assertThat(perRow("texts", textColumns, "parseDate(prodDate, 'MM/dd/yyyy')"))
                .containsExactly(null, "2006-12-31 00:00:00.000", "1982-01-18 00:00:00.000",
                        "2010-07-04 00:00:00.000", null, null, null);
        assertThat(perRow("texts", textColumns, "parseDate(prodDate)").get(4)).isEqualTo("2010-07-04 00:00:00.000");
        assertThat(text("parseDate('02-JUL-2018', 'dd-MMM-yyyy')")).isEqualTo("2018-07-02 00:00:00.000");
        assertThat(text("parseDate('2018-07-02T13:05:09.120', \"yyyy-MM-dd'T'HH:mm:ss.SSS\")"))
                .isEqualTo("2018-07-02 13:05:09.120");
        assertThat(text("parseDate('07/02/2018 01:05 PM', 'MM/dd/yyyy hh:mm a')"))
                .isEqualTo("2018-07-02 13:05:00.000");
    }

    // ---- dates

    @Test
    void dateDiffIsDate2MinusDate1InDaysByDefault() {
        // dateDiff(orderDate, shipDate, "MM"): 01/01/18 03/05/18 -> 2; 09/13/17 10/20/17 -> 1
        assertThat(perRow("dates", dateColumns, "dateDiff(orderDate, {ship date}, \"MM\")"))
                .containsExactly("2", "1", "0", null, "0");
        assertThat(perRow("dates", dateColumns, "dateDiff(orderDate, {ship date})"))
                .containsExactly("63", "37", "2", null, "0");
        assertThat(perRow("dates", dateColumns, "dateDiff({ship date}, orderDate, 'DD')"))
                .containsExactly("-63", "-37", "-2", null, "0");
        assertThat(perRow("dates", dateColumns, "dateDiff(orderDate, purchaseDate, 'YYYY')"))
                .containsExactly("0", "0", "4", null, "11");
        assertThat(perRow("dates", dateColumns, "dateDiff(orderDate, purchaseDate, 'HH')").get(0)).isEqualTo("3181");
    }

    @Test
    void truncDateGivesTheStartOfThePeriod() {
        // truncDate('MM', orderDate): 2012-12-14 2013-12-29 2012-11-15 -> 2012-12-01 2013-12-01 2012-11-01
        assertThat(perRow("dates", dateColumns, "truncDate('MM', orderDate)").subList(2, 5))
                .containsExactly("2012-12-01 00:00:00.000", "2013-12-01 00:00:00.000", "2012-11-01 00:00:00.000");
        assertThat(perRow("dates", dateColumns, "truncDate('YYYY', orderDate)").get(0))
                .isEqualTo("2018-01-01 00:00:00.000");
        assertThat(perRow("dates", dateColumns, "truncDate('Q', orderDate)").get(1))
                .isEqualTo("2017-07-01 00:00:00.000");
        // 2024-03-09 is a Saturday; QuickSight's week starts on the Sunday before
        List<String> purchase = perRow("dates", dateColumns, "truncDate('WK', purchaseDate)");
        assertThat(purchase.get(4)).isEqualTo("2024-03-03 00:00:00.000");
        assertThat(purchase.get(0)).isEqualTo("2018-05-13 00:00:00.000"); // a Sunday stays
        assertThat(perRow("dates", dateColumns, "truncDate('DD', purchaseDate)").get(4))
                .isEqualTo("2024-03-09 00:00:00.000");
        assertThat(perRow("dates", dateColumns, "truncDate('HH', purchaseDate)").get(4))
                .isEqualTo("2024-03-09 10:00:00.000");
        assertThat(perRow("dates", dateColumns, "truncDate('MI', purchaseDate)").get(4))
                .isEqualTo("2024-03-09 10:15:00.000");
        assertThat(perRow("dates", dateColumns, "truncDate('SS', purchaseDate)").get(4))
                .isEqualTo("2024-03-09 10:15:30.000");
        assertThat(perRow("dates", dateColumns, "truncDate('MS', purchaseDate)").get(4))
                .isEqualTo("2024-03-09 10:15:30.123");
        assertThat(perRow("dates", dateColumns, "truncDate('HH', orderDate)").get(0))
                .isEqualTo("2018-01-01 00:00:00.000");
    }

    @Test
    void extractGivesParts() {
        // extract('DD', orderDate): 01/01/14 09/13/16 -> 01 13 (here 2018-01-01 and 2017-09-13)
        assertThat(perRow("dates", dateColumns, "extract('DD', orderDate)").subList(0, 2)).containsExactly("1", "13");
        assertThat(perRow("dates", dateColumns, "extract('YYYY', orderDate)").get(1)).isEqualTo("2017");
        assertThat(perRow("dates", dateColumns, "extract('Q', orderDate)").get(1)).isEqualTo("3");
        assertThat(perRow("dates", dateColumns, "extract('MM', orderDate)").get(1)).isEqualTo("9");
        // Sunday is 1: 2018-05-13 is a Sunday, 2017-01-31 a Tuesday, 2024-03-09 a Saturday
        assertThat(perRow("dates", dateColumns, "extract('WD', purchaseDate)"))
                .containsExactly("1", "3", "4", null, "7");
        assertThat(perRow("dates", dateColumns, "extract('HH', purchaseDate)").get(4)).isEqualTo("10");
        assertThat(perRow("dates", dateColumns, "extract('MI', purchaseDate)").get(4)).isEqualTo("15");
        assertThat(perRow("dates", dateColumns, "extract('SS', purchaseDate)").get(4)).isEqualTo("30");
        assertThat(perRow("dates", dateColumns, "extract('MS', purchaseDate)").get(4)).isEqualTo("123");
        // a time part of a date without time is 0
        assertThat(perRow("dates", dateColumns, "extract('HH', orderDate)").get(0)).isEqualTo("0");
    }

    @Test
    void addDateTimeMovesByPeriods() {
        // purchase_date 2018 May 13 13:24, 2017 Jan 31 23:06, 2016 Dec 28 06:45
        assertThat(perRow("dates", dateColumns, "addDateTime(-2, 'YYYY', purchaseDate)").subList(0, 3))
                .containsExactly("2016-05-13 13:24:00.000", "2015-01-31 23:06:00.000", "2014-12-28 06:45:00.000");
        assertThat(perRow("dates", dateColumns, "addDateTime(4, 'DD', purchaseDate)").subList(0, 3))
                .containsExactly("2018-05-17 13:24:00.000", "2017-02-04 23:06:00.000", "2017-01-01 06:45:00.000");
        assertThat(perRow("dates", dateColumns, "addDateTime(20, 'MI', purchaseDate)").subList(0, 3))
                .containsExactly("2018-05-13 13:44:00.000", "2017-01-31 23:26:00.000", "2016-12-28 07:05:00.000");
        assertThat(perRow("dates", dateColumns, "addDateTime(1, 'WK', orderDate)").get(0))
                .isEqualTo("2018-01-08 00:00:00.000");
        assertThat(text("addDateTime(2,'YYYY',parseDate('02-JUL-2018', 'dd-MMM-yyyy'))"))
                .isEqualTo("2020-07-02 00:00:00.000");
    }

    @Test
    void nowIsADatetime() {
        Translation t = translator.translate("now()", textColumns);
        assertThat(t.type()).isEqualTo(DATETIME);
        assertThat(text("dateDiff(parseDate('2020-01-01'), now(), 'YYYY') >= 4")).isEqualTo("true");
        // A datetime without zone (Athena's now() is zoned; QuickSight's is not).
        assertThat(text("now()")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
        assertThat(perRow("dates", dateColumns, "dateDiff({purchaseDate}, addDateTime(-2, 'MM', now()), 'DD') > 0"))
                .containsExactly("true", "true", "true", null, "true");
    }

    // ---- numbers

    @Test
    void roundingAndAbs() {
        assertThat(text("round(2.5)")).isEqualTo("3.0");
        assertThat(text("round(-2.5)")).isEqualTo("-3.0");
        assertThat(text("round(7)")).isEqualTo("7");
        assertThat(text("round(3.14159, 2)")).isEqualTo("3.14");
        assertThat(text("ceil(2.1)")).isEqualTo("3.0");
        assertThat(text("floor(2.9)")).isEqualTo("2.0");
        assertThat(text("abs(-4)")).isEqualTo("4");
        assertThat(perRow("sales", salesColumns, "round(amount / 3, 1)"))
                .containsExactly("3.5", "6.7", "1.8", "2.6", "0.3");
    }

    // ---- aggregates

    @Test
    void aggregatesTranslateToGroupedSql() {
        Translation sum = translator.translate("sum(qty)", salesColumns);
        assertThat(sum.aggregate()).isTrue();
        assertThat(sum.type()).isEqualTo(INTEGER);
        assertThat(g.rows("SELECT " + sum.sql() + " FROM sales")).containsExactly(values("9"));
        assertThat(aggregate("avg(qty)")).isEqualTo("2.25");
        assertThat(aggregate("count(qty)")).isEqualTo("4");
        assertThat(aggregate("distinct_count(region)")).isEqualTo("2");
        assertThat(aggregate("min(amount)")).isEqualTo("1.00");
        assertThat(aggregate("max(amount) - min(amount)")).isEqualTo("19.00");
        assertThat(aggregate("sum(amount) / count(amount)")).isEqualTo("8.9");
        assertThat(aggregate("countIf(amount, qty >= 2)")).isEqualTo("3");
        assertThat(aggregate("sumIf(amount, region = 'East')")).isEqualTo("30.50");
        Translation byRegion = translator.translate("sum({qty} * 10) + 1", salesColumns);
        assertThat(g.rows("SELECT region, " + byRegion.sql() + " FROM sales GROUP BY region ORDER BY region"))
                .containsExactly(values("East", "31"), values("West", "31"), values(null, "31"));
    }

    private String aggregate(String expression) {
        Translation t = translator.translate(expression, salesColumns);
        assertThat(t.aggregate()).isTrue();
        return g.rows("SELECT " + t.sql() + " FROM sales").get(0).get(0);
    }

    /** What the checker accepts, Glaux's engine plans and runs: seeded mutations of valid expressions. */
    @Test
    void mutatedExpressionsTheCheckerAcceptsRunInGlaux() {
        Map<String, Column> columns = Map.of(
                "amount", Column.identifier("amount", DECIMAL),
                "qty", Column.identifier("qty", INTEGER),
                "name", Column.identifier("name", STRING),
                "order date", Column.identifier("order_date", DATETIME),
                "paid", Column.identifier("paid", QuickSightType.BOOLEAN));
        java.util.Random random = new java.util.Random(7L);
        int ran = 0;
        for (int i = 0; i < 20_000 && ran < 150; i++) {
            String expression = ExpressionFuzzTest.mutate(
                    ExpressionFuzzTest.VALID.get(random.nextInt(ExpressionFuzzTest.VALID.size())), random);
            Translation t;
            try {
                t = translator.translate(expression, columns);
            } catch (ExpressionException e) {
                continue;
            }
            ran++;
            String sql = "SELECT " + t.sql() + " FROM fuzz";
            var done = g.run(sql);
            if (done.state() != io.glaux.exec.QueryState.SUCCEEDED) {
                String reason = String.valueOf(done.status().stateChangeReason());
                assertThat(reason).as(expression + " -> " + sql).containsAnyOf("DIVISION_BY_ZERO",
                        "INVALID_FUNCTION_ARGUMENT");
            }
        }
        assertThat(ran).isEqualTo(150);
    }
}
