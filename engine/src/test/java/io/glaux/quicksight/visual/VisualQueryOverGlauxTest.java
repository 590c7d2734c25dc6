package io.glaux.quicksight.visual;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.quicksight.QuickSightException;
import io.glaux.quicksight.dataset.OutputColumn;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Visuals of hand-written definitions over a small sales table in a real Glaux: each visual's SQL is built and run,
 * and its rows compared with known values or with hand-written SQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisualQueryOverGlauxTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** NOW for relative dates: 2024-07-15 12:00 UTC. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-07-15T12:00:00Z"), ZoneOffset.UTC);

    private GlauxFixture g;
    private final VisualQueryBuilder builder = new VisualQueryBuilder(CLOCK, 3);
    private final Map<String, VisualSource> sources = Map.of("sales", new VisualSource("sales", List.of(
            col("id", "INTEGER"), col("region", "STRING"), col("product", "STRING"), col("amount", "DECIMAL"),
            col("qty", "INTEGER"), col("order_date", "DATETIME"))));

    private static OutputColumn col(String name, String type) {
        return new OutputColumn(name, null, type, null, null);
    }

    @BeforeAll
    void createTable(@TempDir Path data) throws Exception {
        g = GlauxFixture.local(data);
        g.put("lake", "sales/s.csv", """
                1,East,A,10.00,1,2024-01-15
                2,East,B,20.00,2,2024-02-10
                3,West,A,5.00,1,2024-02-20
                4,West,C,7.50,3,2024-04-05
                5,North,B,30.00,1,2024-05-01
                6,South,C,1.00,5,2023-12-31
                7,\\N,A,2.00,1,2024-07-04
                8,East,C,4.00,2,2024-07-10
                """);
        g.script("""
                CREATE EXTERNAL TABLE sales (id int, region string, product string, amount decimal(10,2), qty int,
                  order_date date)
                ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://lake/sales/';
                """);
    }

    @AfterAll
    void close() throws Exception {
        if (g != null) {
            g.close();
        }
    }

    // ---- helpers

    /** A definition with one sheet holding {@code visuals}, and the other members given as JSON. */
    private static JsonNode definition(String visuals, String... members) {
        String rest = members.length == 0 ? "" : ", " + String.join(", ", members);
        try {
            return JSON.readTree("{\"Sheets\": [{\"SheetId\": \"s1\", \"Visuals\": [" + visuals + "]}]" + rest
                    + "}");
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String column(String name) {
        return "{\"DataSetIdentifier\": \"sales\", \"ColumnName\": \"" + name + "\"}";
    }

    private static String category(String id, String name) {
        return "{\"CategoricalDimensionField\": {\"FieldId\": \"" + id + "\", \"Column\": " + column(name) + "}}";
    }

    private static String date(String id, String name, String granularity, String hierarchy) {
        return "{\"DateDimensionField\": {\"FieldId\": \"" + id + "\", \"Column\": " + column(name)
                + ", \"DateGranularity\": \"" + granularity + "\""
                + (hierarchy == null ? "" : ", \"HierarchyId\": \"" + hierarchy + "\"") + "}}";
    }

    private static String numeric(String id, String name, String aggregation) {
        return "{\"NumericalMeasureField\": {\"FieldId\": \"" + id + "\", \"Column\": " + column(name)
                + (aggregation == null ? "" : ", \"AggregationFunction\": {\"SimpleNumericalAggregation\": \""
                + aggregation + "\"}") + "}}";
    }

    /** A bar chart of {@code measure} by {@code category} with the given sort configuration. */
    private static String bar(String id, String category, String measure, String sort) {
        return "{\"BarChartVisual\": {\"VisualId\": \"" + id + "\", \"ChartConfiguration\": {\"FieldWells\": "
                + "{\"BarChartAggregatedFieldWells\": {\"Category\": [" + category + "], \"Values\": [" + measure
                + "]}}" + (sort == null ? "" : ", \"SortConfiguration\": " + sort) + "}}}";
    }

    private static String regionBar() {
        return bar("v1", category("region", "region"), numeric("total", "amount", "SUM"), null);
    }

    private static String filterGroup(String filter) {
        return "\"FilterGroups\": [{\"FilterGroupId\": \"fg\", \"CrossDataset\": \"SINGLE_DATASET\", "
                + "\"Status\": \"ENABLED\", \"ScopeConfiguration\": {\"AllSheets\": {}}, \"Filters\": [" + filter
                + "]}]";
    }

    private VisualQuery query(JsonNode definition, String visualId) {
        return query(definition, visualId, Map.of(), List.of());
    }

    private VisualQuery query(JsonNode definition, String visualId, Map<String, List<String>> parameters,
                              List<DrillStep> drill) {
        return builder.build(definition, visualId, sources, parameters, drill);
    }

    private List<List<String>> rows(JsonNode definition, String visualId) {
        return g.rows(query(definition, visualId).sql());
    }

    private List<List<String>> rows(JsonNode definition, String visualId, Map<String, List<String>> parameters,
                                    List<DrillStep> drill) {
        return g.rows(query(definition, visualId, parameters, drill).sql());
    }

    private static List<String> row(String... values) {
        return Arrays.asList(values);
    }

    /** The ids of the rows an unaggregated table of ids keeps under {@code filter}, in id order. */
    private List<String> idsUnder(String filter) {
        JsonNode d = definition(idTable(), filterGroup(filter));
        return g.rows(query(d, "ids").sql().replace(" LIMIT 3", "")).stream().map(r -> r.get(0)).toList();
    }

    private static String idTable() {
        return "{\"TableVisual\": {\"VisualId\": \"ids\", \"ChartConfiguration\": {\"FieldWells\": "
                + "{\"TableUnaggregatedFieldWells\": {\"Values\": [{\"FieldId\": \"id\", \"Column\": "
                + column("id") + "}]}}, \"SortConfiguration\": {\"RowSort\": [{\"FieldSort\": "
                + "{\"FieldId\": \"id\", \"Direction\": \"ASC\"}}]}}}}";
    }

    private static QuickSightException refusal(Runnable r) {
        try {
            r.run();
        } catch (QuickSightException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    // ---- visuals

    @Test
    void barChartSumsByCategorySortedDescendingKeepsTheTopThree() {
        JsonNode d = definition(bar("v1", category("region", "region"), numeric("total", "amount", "SUM"),
                "{\"CategorySort\": [{\"FieldSort\": {\"FieldId\": \"total\", \"Direction\": \"DESC\"}}], "
                        + "\"CategoryItemsLimit\": {\"ItemsLimit\": 3, \"OtherCategories\": \"EXCLUDE\"}}"));
        VisualQuery q = query(d, "v1");
        assertThat(q.columns()).containsExactly(new VisualColumn("region", "STRING"),
                new VisualColumn("total", "DECIMAL"));
        assertThat(g.rows(q.sql())).containsExactly(row("East", "34.00"), row("North", "30.00"),
                row("West", "12.50"));
    }

    @Test
    void barChartWithoutSortIsOrderedByTheFirstMeasureDescending() {
        assertThat(rows(definition(regionBar()), "v1")).containsExactly(row("East", "34.00"), row("North", "30.00"),
                row("West", "12.50"), row(null, "2.00"), row("South", "1.00"));
    }

    @Test
    void barChartSortedByCategoryAscending() {
        JsonNode d = definition(bar("v1", category("region", "region"), numeric("total", "amount", null),
                "{\"CategorySort\": [{\"FieldSort\": {\"FieldId\": \"region\", \"Direction\": \"ASC\"}}]}"));
        assertThat(rows(d, "v1")).extracting(r -> r.get(0)).containsExactly("East", "North", "South", "West", null);
    }

    @Test
    void lineChartByMonthCountsCategoriesInDateOrder() {
        JsonNode d = definition("{\"LineChartVisual\": {\"VisualId\": \"l\", \"ChartConfiguration\": {\"FieldWells\": "
                + "{\"LineChartAggregatedFieldWells\": {\"Category\": [" + date("month", "order_date", "MONTH", null)
                + "], \"Values\": [{\"CategoricalMeasureField\": {\"FieldId\": \"n\", \"Column\": "
                + column("product") + "}}]}}}}}");
        VisualQuery q = query(d, "l");
        assertThat(q.columns()).containsExactly(new VisualColumn("month", "DATETIME"),
                new VisualColumn("n", "INTEGER"));
        assertThat(g.rows(q.sql())).containsExactly(row("2023-12-01 00:00:00.000", "1"),
                row("2024-01-01 00:00:00.000", "1"), row("2024-02-01 00:00:00.000", "2"),
                row("2024-04-01 00:00:00.000", "1"), row("2024-05-01 00:00:00.000", "1"),
                row("2024-07-01 00:00:00.000", "2"));
    }

    @Test
    void weeksStartOnSunday() {
        JsonNode d = definition("{\"LineChartVisual\": {\"VisualId\": \"l\", \"ChartConfiguration\": {\"FieldWells\": "
                + "{\"LineChartAggregatedFieldWells\": {\"Category\": [" + date("week", "order_date", "WEEK", null)
                + "], \"Values\": [" + numeric("q", "qty", "SUM") + "]}}}}}");
        // 2024-07-04 is a Thursday, 2024-07-10 a Wednesday: weeks of Sunday 06-30 and Sunday 07-07.
        assertThat(rows(d, "l")).contains(row("2024-06-30 00:00:00.000", "1"), row("2024-07-07 00:00:00.000", "2"));
    }

    @Test
    void donutPieMatchesHandWrittenSql() {
        JsonNode d = definition("{\"PieChartVisual\": {\"VisualId\": \"p\", \"ChartConfiguration\": {\"FieldWells\": "
                + "{\"PieChartAggregatedFieldWells\": {\"Category\": [" + category("product", "product")
                + "], \"Values\": [" + numeric("qty", "qty", null) + "]}}, \"DonutOptions\": {\"ArcOptions\": "
                + "{\"ArcThickness\": \"MEDIUM\"}}}}}");
        assertThat(rows(d, "p")).isEqualTo(g.rows(
                "SELECT product, sum(qty) FROM sales GROUP BY product ORDER BY 2 DESC, 1"));
        assertThat(rows(d, "p")).containsExactly(row("C", "10"), row("A", "3"), row("B", "3")); // a tie goes by category
    }

    @Test
    void aggregatedTableMatchesHandWrittenSql() {
        JsonNode d = definition("{\"TableVisual\": {\"VisualId\": \"t\", \"ChartConfiguration\": {\"FieldWells\": "
                + "{\"TableAggregatedFieldWells\": {\"GroupBy\": [" + category("region", "region") + ", "
                + category("product", "product") + "], \"Values\": [" + numeric("avg", "amount", "AVERAGE") + ", "
                + numeric("max", "qty", "MAX") + ", {\"CategoricalMeasureField\": {\"FieldId\": \"ids\", "
                + "\"Column\": " + column("id") + ", \"AggregationFunction\": \"DISTINCT_COUNT\"}}]}}}}}");
        VisualQuery q = query(d, "t");
        assertThat(q.columns()).extracting(VisualColumn::type).containsExactly("STRING", "STRING", "DECIMAL",
                "INTEGER", "INTEGER");
        assertThat(g.rows(q.sql())).isEqualTo(g.rows("SELECT region, product, avg(CAST(amount AS DOUBLE)), max(qty), "
                + "count(DISTINCT id) FROM sales GROUP BY region, product ORDER BY region NULLS LAST, product"));
        assertThat(g.rows(q.sql())).hasSize(8);
    }

    @Test
    void unaggregatedTableIsSortedAndLimited() {
        JsonNode d = definition("{\"TableVisual\": {\"VisualId\": \"t\", \"ChartConfiguration\": {\"FieldWells\": "
                + "{\"TableUnaggregatedFieldWells\": {\"Values\": [{\"FieldId\": \"id\", \"Column\": " + column("id")
                + "}, {\"FieldId\": \"amount\", \"Column\": " + column("amount") + "}]}}, \"SortConfiguration\": "
                + "{\"RowSort\": [{\"FieldSort\": {\"FieldId\": \"amount\", \"Direction\": \"DESC\"}}]}}}}");
        assertThat(rows(d, "t")).containsExactly(row("5", "30.00"), row("2", "20.00"), row("1", "10.00"));
    }

    @Test
    void pivotTableGroupsByRowsAndColumns() {
        JsonNode d = definition("{\"PivotTableVisual\": {\"VisualId\": \"pv\", \"ChartConfiguration\": "
                + "{\"FieldWells\": {\"PivotTableAggregatedFieldWells\": {\"Rows\": [" + category("region", "region")
                + "], \"Columns\": [" + category("product", "product") + "], \"Values\": ["
                + numeric("qty", "qty", "SUM") + "]}}}}}");
        assertThat(rows(d, "pv")).isEqualTo(g.rows("SELECT region, product, sum(qty) FROM sales "
                + "GROUP BY region, product ORDER BY region NULLS LAST, product"));
        assertThat(rows(d, "pv")).first().isEqualTo(row("East", "A", "1"));
    }

    @Test
    void kpiWithTargetAndTrend() {
        String kpi = "{\"KPIVisual\": {\"VisualId\": \"k\", \"ChartConfiguration\": {\"FieldWells\": {\"Values\": ["
                + numeric("total", "amount", "SUM") + "], \"TargetValues\": [" + numeric("best", "amount", "MAX")
                + "]%s}}}}";
        assertThat(rows(definition(String.format(kpi, "")), "k")).containsExactly(row("79.50", "30.00"));
        JsonNode trend = definition(String.format(kpi, ", \"TrendGroups\": ["
                + date("year", "order_date", "YEAR", null) + "]"));
        assertThat(rows(trend, "k")).containsExactly(row("2023-01-01 00:00:00.000", "1.00", "1.00"),
                row("2024-01-01 00:00:00.000", "78.50", "30.00"));
    }

    @Test
    void statisticalAggregations() {
        JsonNode d = definition("{\"KPIVisual\": {\"VisualId\": \"k\", \"ChartConfiguration\": {\"FieldWells\": "
                + "{\"Values\": [" + numeric("sd", "qty", "STDEVP") + ", " + numeric("var", "qty", "VAR") + ", "
                + numeric("sd2", "qty", "STDEV") + ", " + numeric("varp", "qty", "VARP") + ", "
                + numeric("lo", "order_date", "MIN") + "]}}}}");
        // qty is 1,2,1,3,1,5,1,2: mean 2, squared deviations sum to 14
        List<String> r = rows(d, "k").get(0);
        assertThat(Double.parseDouble(r.get(0))).isCloseTo(Math.sqrt(14.0 / 8), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Double.parseDouble(r.get(1))).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Double.parseDouble(r.get(2))).isCloseTo(Math.sqrt(2.0), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Double.parseDouble(r.get(3))).isCloseTo(14.0 / 8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.get(4)).startsWith("2023-12-31");
        assertThat(refusal(() -> query(definition("{\"KPIVisual\": {\"VisualId\": \"k\", \"ChartConfiguration\": "
                + "{\"FieldWells\": {\"Values\": [" + numeric("m", "qty", "MEDIAN") + "]}}}}"), "k")).getMessage())
                .contains("MEDIAN aggregations are not supported");
    }

    // ---- calculated fields

    @Test
    void calculatedFieldAsDimensionAndCalculatedMeasure() {
        String calc = "\"CalculatedFields\": [{\"DataSetIdentifier\": \"sales\", \"Name\": \"size\", "
                + "\"Expression\": \"ifelse({amount} > 9, 'big', 'small')\"}, {\"DataSetIdentifier\": \"sales\", "
                + "\"Name\": \"unit price\", \"Expression\": \"sum({amount}) / sum({qty})\"}]";
        JsonNode d = definition(bar("v1", category("size", "size"), numeric("n", "id", "COUNT"),
                "{\"CategorySort\": [{\"FieldSort\": {\"FieldId\": \"size\", \"Direction\": \"ASC\"}}]}") + ", "
                + "{\"TableVisual\": {\"VisualId\": \"t\", \"ChartConfiguration\": {\"FieldWells\": "
                + "{\"TableAggregatedFieldWells\": {\"GroupBy\": [" + category("product", "product") + "], \"Values\": "
                + "[" + numeric("unit", "unit price", null) + ", {\"CalculatedMeasureField\": {\"FieldId\": \"big\", "
                + "\"Expression\": \"countIf({id}, {size} = 'big')\"}}]}}}}}", calc);
        assertThat(rows(d, "v1")).containsExactly(row("big", "3"), row("small", "5"));
        List<List<String>> t = rows(d, "t");
        assertThat(t).extracting(r -> r.get(0)).containsExactly("A", "B", "C");
        assertThat(Double.parseDouble(t.get(0).get(1))).isEqualTo(17.0 / 3);
        assertThat(t).extracting(r -> r.get(2)).containsExactly("1", "2", "0");
    }

    // ---- parameters

    @Test
    void parametersTakeTheirDefaultsOrTheCallersValues() {
        String params = "\"ParameterDeclarations\": [{\"StringParameterDeclaration\": {\"Name\": \"Regions\", "
                + "\"ParameterValueType\": \"MULTI_VALUED\", \"DefaultValues\": {\"StaticValues\": [\"West\"]}}}, "
                + "{\"DecimalParameterDeclaration\": {\"Name\": \"Rate\", \"ParameterValueType\": \"SINGLE_VALUED\", "
                + "\"DefaultValues\": {\"StaticValues\": [2]}}}]";
        String calc = "\"CalculatedFields\": [{\"DataSetIdentifier\": \"sales\", \"Name\": \"scaled\", "
                + "\"Expression\": \"{amount} * ${Rate}\"}]";
        String filter = "{\"CategoryFilter\": {\"FilterId\": \"f\", \"Column\": " + column("region") + ", "
                + "\"Configuration\": {\"CustomFilterConfiguration\": {\"MatchOperator\": \"EQUALS\", "
                + "\"ParameterName\": \"Regions\", \"NullOption\": \"NON_NULLS_ONLY\"}}}}";
        JsonNode d = definition(bar("v1", category("region", "region"), numeric("s", "scaled", "SUM"), null),
                params, calc, filterGroup(filter));
        assertThat(rows(d, "v1", Map.of(), List.of())).containsExactly(row("West", "25.0"));
        assertThat(rows(d, "v1", Map.of("Regions", List.of("East", "North"), "Rate", List.of("0.5")), List.of()))
                .containsExactly(row("East", "17.0"), row("North", "15.0"));
        assertThat(refusal(() -> query(d, "v1", Map.of("Rate", List.of("1", "2")), List.of())).getMessage())
                .contains("single-valued");
        assertThat(refusal(() -> query(d, "v1", Map.of("Rate", List.of("x")), List.of())).getMessage())
                .contains("not a number");
        assertThat(refusal(() -> query(d, "v1", Map.of("Nope", List.of("x")), List.of())).getMessage())
                .contains("No parameter named Nope");
    }

    // ---- filters

    private static String categoryFilter(String operator, String values, String nullOption) {
        return "{\"CategoryFilter\": {\"FilterId\": \"f\", \"Column\": " + column("region") + ", \"Configuration\": "
                + "{\"FilterListConfiguration\": {\"MatchOperator\": \"" + operator + "\", \"CategoryValues\": ["
                + values + "]" + (nullOption == null ? "" : ", \"NullOption\": \"" + nullOption + "\"") + "}}}}";
    }

    @Test
    void categoryFilters() {
        assertThat(idsUnder(categoryFilter("EQUALS", "\"East\", \"West\"", null)))
                .containsExactly("1", "2", "3", "4", "8");
        assertThat(idsUnder(categoryFilter("EQUALS", "\"North\"", "ALL_VALUES"))).containsExactly("5", "7");
        assertThat(idsUnder(categoryFilter("DOES_NOT_EQUAL", "\"East\"", null))).containsExactly("3", "4", "5", "6");
        assertThat(idsUnder(categoryFilter("CONTAINS", "\"st\"", null))).containsExactly("1", "2", "3", "4", "8");
        assertThat(idsUnder(categoryFilter("DOES_NOT_CONTAIN", "\"st\"", null))).containsExactly("5", "6");
        assertThat(idsUnder(categoryFilter("STARTS_WITH", "\"No\", \"So\"", null))).containsExactly("5", "6");
        assertThat(idsUnder(categoryFilter("ENDS_WITH", "\"th\"", null))).containsExactly("5", "6");
        assertThat(idsUnder(categoryFilter("EQUALS", "", "NULLS_ONLY"))).containsExactly("7");
        assertThat(idsUnder("{\"CategoryFilter\": {\"FilterId\": \"f\", \"Column\": " + column("region")
                + ", \"Configuration\": {\"CustomFilterListConfiguration\": {\"MatchOperator\": \"EQUALS\", "
                + "\"CategoryValues\": [\"South\"], \"NullOption\": \"ALL_VALUES\"}}}}")).containsExactly("6", "7");
        assertThat(idsUnder("{\"CategoryFilter\": {\"FilterId\": \"f\", \"Column\": " + column("region")
                + ", \"Configuration\": {\"CustomFilterConfiguration\": {\"MatchOperator\": \"EQUALS\", "
                + "\"CategoryValue\": \"West\", \"NullOption\": \"NON_NULLS_ONLY\"}}}}")).containsExactly("3", "4");
        assertThat(idsUnder("{\"CategoryFilter\": {\"FilterId\": \"f\", \"Column\": " + column("region")
                + ", \"Configuration\": {\"FilterListConfiguration\": {\"MatchOperator\": \"EQUALS\", "
                + "\"SelectAllOptions\": \"FILTER_ALL_VALUES\"}}}}")).hasSize(8);
    }

    @Test
    void numericFilters() {
        assertThat(idsUnder("{\"NumericRangeFilter\": {\"FilterId\": \"f\", \"Column\": " + column("amount")
                + ", \"RangeMinimum\": {\"StaticValue\": 5}, \"RangeMaximum\": {\"StaticValue\": 20}, "
                + "\"IncludeMinimum\": false, \"IncludeMaximum\": true, \"NullOption\": \"NON_NULLS_ONLY\"}}"))
                .containsExactly("1", "2", "4");
        assertThat(idsUnder("{\"NumericEqualityFilter\": {\"FilterId\": \"f\", \"Column\": " + column("qty")
                + ", \"Value\": 1, \"MatchOperator\": \"EQUALS\", \"NullOption\": \"ALL_VALUES\"}}"))
                .containsExactly("1", "3", "5", "7");
        assertThat(idsUnder("{\"NumericEqualityFilter\": {\"FilterId\": \"f\", \"Column\": " + column("qty")
                + ", \"Value\": 1, \"MatchOperator\": \"DOES_NOT_EQUAL\", \"NullOption\": \"ALL_VALUES\"}}"))
                .containsExactly("2", "4", "6", "8");
    }

    @Test
    void aggregatedNumericFilterIsAHaving() {
        JsonNode d = definition(regionBar(), filterGroup("{\"NumericRangeFilter\": {\"FilterId\": \"f\", "
                + "\"Column\": " + column("amount") + ", \"RangeMinimum\": {\"StaticValue\": 20}, "
                + "\"AggregationFunction\": {\"NumericalAggregationFunction\": {\"SimpleNumericalAggregation\": "
                + "\"SUM\"}}, \"NullOption\": \"NON_NULLS_ONLY\"}}"));
        assertThat(query(d, "v1").sql()).contains(" HAVING ");
        assertThat(rows(d, "v1")).containsExactly(row("East", "34.00"), row("North", "30.00"));
        assertThat(refusal(() -> query(definition(idTable(), filterGroup("{\"NumericRangeFilter\": "
                + "{\"FilterId\": \"f\", \"Column\": " + column("amount") + ", \"RangeMinimum\": {\"StaticValue\": 20}"
                + ", \"AggregationFunction\": {\"NumericalAggregationFunction\": {\"SimpleNumericalAggregation\": "
                + "\"SUM\"}}, \"NullOption\": \"NON_NULLS_ONLY\"}}")), "ids")).getMessage())
                .contains("does not aggregate");
    }

    @Test
    void timeFilters() {
        assertThat(idsUnder("{\"TimeEqualityFilter\": {\"FilterId\": \"f\", \"Column\": " + column("order_date")
                + ", \"Value\": \"2024-02-01T00:00:00Z\", \"TimeGranularity\": \"MONTH\"}}"))
                .containsExactly("2", "3");
        // 2024-02-10 as epoch seconds, as the JSON wire format writes timestamps
        assertThat(idsUnder("{\"TimeEqualityFilter\": {\"FilterId\": \"f\", \"Column\": " + column("order_date")
                + ", \"Value\": 1707523200}}")).containsExactly("2");
        assertThat(idsUnder("{\"TimeRangeFilter\": {\"FilterId\": \"f\", \"Column\": " + column("order_date")
                + ", \"RangeMinimumValue\": {\"StaticValue\": \"2024-02-10\"}, \"RangeMaximumValue\": "
                + "{\"StaticValue\": \"2024-05-01\"}, \"IncludeMinimum\": true, \"IncludeMaximum\": false, "
                + "\"NullOption\": \"NON_NULLS_ONLY\"}}")).containsExactly("2", "3", "4");
        assertThat(idsUnder("{\"TimeRangeFilter\": {\"FilterId\": \"f\", \"Column\": " + column("order_date")
                + ", \"RangeMinimumValue\": {\"RollingDate\": {\"Expression\": \"addDateTime(-6, 'MM', "
                + "parseDate('2024-07-04', 'yyyy-MM-dd'))\"}}, \"TimeGranularity\": \"MONTH\", "
                + "\"NullOption\": \"NON_NULLS_ONLY\"}}")).containsExactly("1", "2", "3", "4", "5", "7", "8");
    }

    private List<String> relative(String type, Integer n, String granularity) {
        return idsUnder("{\"RelativeDatesFilter\": {\"FilterId\": \"f\", \"Column\": " + column("order_date")
                + ", \"AnchorDateConfiguration\": {\"AnchorOption\": \"NOW\"}, \"TimeGranularity\": \"" + granularity
                + "\", \"RelativeDateType\": \"" + type + "\"" + (n == null ? "" : ", \"RelativeDateValue\": " + n)
                + ", \"NullOption\": \"NON_NULLS_ONLY\"}}");
    }

    @Test
    void relativeDateFiltersCountFromTheClock() {
        assertThat(relative("THIS", null, "MONTH")).containsExactly("7", "8");
        assertThat(relative("PREVIOUS", null, "QUARTER")).containsExactly("4", "5");
        assertThat(relative("LAST", 3, "MONTH")).containsExactly("4", "5", "7", "8");
        assertThat(relative("NOW", null, "YEAR")).containsExactly("1", "2", "3", "4", "5", "7", "8");
        assertThat(relative("PREVIOUS", null, "YEAR")).containsExactly("6");
        assertThat(relative("NEXT", 1, "MONTH")).isEmpty();
    }

    @Test
    void topBottomFilterKeepsTheTopCategoriesByAggregate() {
        String filter = "{\"TopBottomFilter\": {\"FilterId\": \"f\", \"Column\": " + column("region") + ", \"Limit\": 2, "
                + "\"AggregationSortConfigurations\": [{\"Column\": " + column("amount") + ", \"SortDirection\": "
                + "\"DESC\", \"AggregationFunction\": {\"NumericalAggregationFunction\": "
                + "{\"SimpleNumericalAggregation\": \"SUM\"}}}]}}";
        assertThat(idsUnder(filter)).containsExactly("1", "2", "5", "8");
        JsonNode d = definition(bar("v1", category("product", "product"), numeric("q", "qty", "SUM"), null),
                filterGroup(filter));
        // products of the East and North rows, by quantity
        assertThat(rows(d, "v1")).containsExactly(row("B", "3"), row("C", "2"), row("A", "1"));
    }

    @Test
    void filterScopeAndStatus() {
        String filter = categoryFilter("EQUALS", "\"East\"", null);
        String scoped = "\"FilterGroups\": [{\"FilterGroupId\": \"fg\", \"CrossDataset\": \"SINGLE_DATASET\", "
                + "\"ScopeConfiguration\": {\"SelectedSheets\": {\"SheetVisualScopingConfigurations\": [{\"SheetId\": "
                + "\"s1\", \"Scope\": \"SELECTED_VISUALS\", \"VisualIds\": [\"v2\"]}]}}, \"Filters\": [" + filter
                + "]}, {\"FilterGroupId\": \"off\", \"CrossDataset\": \"SINGLE_DATASET\", \"Status\": \"DISABLED\", "
                + "\"ScopeConfiguration\": {\"AllSheets\": {}}, \"Filters\": [" + filter + "]}]";
        JsonNode d = definition(regionBar() + ", " + bar("v2", category("region", "region"),
                numeric("total", "amount", "SUM"), null), scoped);
        assertThat(rows(d, "v1")).hasSize(5);
        assertThat(rows(d, "v2")).containsExactly(row("East", "34.00"));
    }

    // ---- drill-down

    @Test
    void dateDrillDownGoesFromYearToQuarterToMonth() {
        JsonNode d = definition("{\"BarChartVisual\": {\"VisualId\": \"v\", \"ColumnHierarchies\": "
                + "[{\"DateTimeHierarchy\": {\"HierarchyId\": \"h\"}}], \"ChartConfiguration\": {\"FieldWells\": "
                + "{\"BarChartAggregatedFieldWells\": {\"Category\": [" + date("when", "order_date", "YEAR", "h")
                + "], \"Values\": [" + numeric("total", "amount", "SUM") + "]}}, \"SortConfiguration\": "
                + "{\"CategorySort\": [{\"FieldSort\": {\"FieldId\": \"when\", \"Direction\": \"ASC\"}}]}}}}");
        assertThat(rows(d, "v", Map.of(), List.of())).containsExactly(row("2023-01-01 00:00:00.000", "1.00"),
                row("2024-01-01 00:00:00.000", "78.50"));
        assertThat(rows(d, "v", Map.of(), List.of(new DrillStep("h", "2024")))).containsExactly(
                row("2024-01-01 00:00:00.000", "35.00"), row("2024-04-01 00:00:00.000", "37.50"),
                row("2024-07-01 00:00:00.000", "6.00"));
        assertThat(rows(d, "v", Map.of(), List.of(new DrillStep("h", "2024-01-01 00:00:00.000"),
                new DrillStep("h", "2024-04-01")))).containsExactly(row("2024-04-01 00:00:00.000", "7.50"),
                row("2024-05-01 00:00:00.000", "30.00"));
        assertThat(refusal(() -> query(d, "v", Map.of(), List.of(new DrillStep("h", "2024"),
                new DrillStep("h", "2024-02-01")))).getMessage()).contains("not the start of a QUARTER");
        assertThat(refusal(() -> query(d, "v", Map.of(), List.of(new DrillStep("other", "2024")))).getMessage())
                .contains("no field in hierarchy other");
    }

    @Test
    void explicitHierarchyDrillsFromRegionToProduct() {
        JsonNode d = definition("{\"BarChartVisual\": {\"VisualId\": \"v\", \"ColumnHierarchies\": "
                + "[{\"ExplicitHierarchy\": {\"HierarchyId\": \"geo\", \"Columns\": [" + column("region") + ", "
                + column("product") + "]}}], \"ChartConfiguration\": {\"FieldWells\": "
                + "{\"BarChartAggregatedFieldWells\": {\"Category\": [{\"CategoricalDimensionField\": {\"FieldId\": "
                + "\"place\", \"Column\": " + column("region") + ", \"HierarchyId\": \"geo\"}}], \"Values\": ["
                + numeric("total", "amount", "SUM") + "]}}}}}");
        assertThat(rows(d, "v", Map.of(), List.of(new DrillStep("geo", "East")))).containsExactly(
                row("B", "20.00"), row("A", "10.00"), row("C", "4.00"));
        assertThat(refusal(() -> query(d, "v", Map.of(), List.of(new DrillStep("geo", "East"),
                new DrillStep("geo", "A")))).getMessage()).contains("only 1 levels");
    }

    // ---- refusals

    @Test
    void refusals() {
        JsonNode d = definition(regionBar() + ", {\"ScatterPlotVisual\": {\"VisualId\": \"sc\"}}");
        QuickSightException missing = refusal(() -> query(d, "nope"));
        assertThat(missing.kind()).isEqualTo(QuickSightException.Kind.NOT_FOUND);
        QuickSightException scatter = refusal(() -> query(d, "sc"));
        assertThat(scatter.kind()).isEqualTo(QuickSightException.Kind.INVALID);
        assertThat(scatter.getMessage()).contains("ScatterPlotVisual");
        assertThat(refusal(() -> query(definition(regionBar(), filterGroup("{\"NestedFilter\": {\"FilterId\": "
                + "\"n\", \"Column\": " + column("region") + "}}")), "v1")).getMessage())
                .contains("NestedFilter filters are not supported");
        assertThat(refusal(() -> query(definition(bar("v1", category("region", "region"),
                numeric("total", "amount", "SUM"), "{\"CategoryItemsLimit\": {\"ItemsLimit\": 2, "
                        + "\"OtherCategories\": \"INCLUDE\"}}")), "v1")).getMessage()).contains("INCLUDE");
        assertThat(refusal(() -> query(definition(bar("v1", category("region", "nowhere"),
                numeric("total", "amount", "SUM"), null)), "v1")).getMessage()).contains("'nowhere'");
        assertThat(refusal(() -> query(definition(bar("v1", category("region", "region"),
                numeric("total", "region", "SUM"), null)), "v1")).getMessage()).contains("SUM does not apply");
        assertThat(refusal(() -> query(definition(bar("v1", category("x", "region"),
                numeric("x", "amount", "SUM"), null)), "v1")).getMessage()).contains("FieldId x twice");
        assertThat(refusal(() -> query(definition(regionBar(), "\"CalculatedFields\": [{\"DataSetIdentifier\": "
                + "\"sales\", \"Name\": \"region\", \"Expression\": \"{nothing}\"}]",
                filterGroup("{\"TimeEqualityFilter\": {\"FilterId\": \"f\", \"Column\": " + column("region")
                        + ", \"Value\": \"2024-01-01\"}}")), "v1")).getMessage()).contains("needs a date column");
    }
}
