package io.glaux.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.quicksight.api.AthenaQueries;
import io.glaux.server.faults.FaultRule;
import io.glaux.server.faults.FaultRule.QueryFailure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import software.amazon.awssdk.services.quicksight.model.AnalysisDefinition;
import software.amazon.awssdk.services.quicksight.model.CategoricalDimensionField;
import software.amazon.awssdk.services.quicksight.model.CategoryFilterMatchOperator;
import software.amazon.awssdk.services.quicksight.model.ColumnHierarchy;
import software.amazon.awssdk.services.quicksight.model.ColumnIdentifier;
import software.amazon.awssdk.services.quicksight.model.CrossDatasetTypes;
import software.amazon.awssdk.services.quicksight.model.CustomSql;
import software.amazon.awssdk.services.quicksight.model.DashboardVersionDefinition;
import software.amazon.awssdk.services.quicksight.model.DataSetIdentifierDeclaration;
import software.amazon.awssdk.services.quicksight.model.DataSetImportMode;
import software.amazon.awssdk.services.quicksight.model.DimensionField;
import software.amazon.awssdk.services.quicksight.model.Filter;
import software.amazon.awssdk.services.quicksight.model.FilterGroup;
import software.amazon.awssdk.services.quicksight.model.FilterNullOption;
import software.amazon.awssdk.services.quicksight.model.FilterVisualScope;
import software.amazon.awssdk.services.quicksight.model.InputColumn;
import software.amazon.awssdk.services.quicksight.model.InputColumnDataType;
import software.amazon.awssdk.services.quicksight.model.MeasureField;
import software.amazon.awssdk.services.quicksight.model.ParameterControl;
import software.amazon.awssdk.services.quicksight.model.ParameterDeclaration;
import software.amazon.awssdk.services.quicksight.model.ParameterValueType;
import software.amazon.awssdk.services.quicksight.model.PhysicalTable;
import software.amazon.awssdk.services.quicksight.model.SheetControlListType;
import software.amazon.awssdk.services.quicksight.model.SheetDefinition;
import software.amazon.awssdk.services.quicksight.model.SimpleNumericalAggregationFunction;
import software.amazon.awssdk.services.quicksight.model.TimeGranularity;
import software.amazon.awssdk.services.quicksight.model.Visual;
import software.amazon.awssdk.services.quicksight.model.WidgetStatus;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static io.glaux.quicksight.api.QuickSightClients.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dashboard in a real Chromium: every number its visuals show equals the same SQL through Athena, a line chart
 * drills from years to months and back, a parameter dropdown filters, the provenance tells SPICE from direct query
 * (with Athena's cost), Export CSV gives what the table shows, and a visual whose query fails shows its error alone.
 */
class DashboardBrowserTest extends SampleDataBrowserTest {

    private static final String SOURCE_ARN = "arn:aws:quicksight:us-east-1:000000000000:datasource/athena";
    private static final String ROWS = "SELECT o.channel, o.status, c.country, o.quantity,"
            + " o.quantity * o.unit_price AS revenue, CAST(o.order_date AS timestamp) AS ordered_at"
            + " FROM shop.orders o JOIN shop.customers c ON o.customer_id = c.customer_id";
    private static final String FROM = " FROM (" + ROWS + ")";

    static List<String> channels;

    @BeforeAll
    static void setUp() throws Exception {
        ui.createAthenaDataSource("athena", "Athena");
        String ingestion = dataSet("orders", DataSetImportMode.SPICE);
        dataSet("orders-live", DataSetImportMode.DIRECT_QUERY);
        ui.awaitIngestion("orders", ingestion);
        channels = AthenaQueries.rows(athena, "SELECT DISTINCT channel" + FROM + " ORDER BY 1").stream()
                .map(r -> r.get(0)).filter(Objects::nonNull).toList();
        Definition parts = definition();
        quickSight.createAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("shop").name("Shop")
                .definition(AnalysisDefinition.builder().dataSetIdentifierDeclarations(parts.declarations)
                        .sheets(parts.sheets).parameterDeclarations(parts.parameters)
                        .filterGroups(parts.filterGroups).build()));
        quickSight.createDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("shop").name("Shop dashboard")
                .definition(DashboardVersionDefinition.builder().dataSetIdentifierDeclarations(parts.declarations)
                        .sheets(parts.sheets).parameterDeclarations(parts.parameters)
                        .filterGroups(parts.filterGroups).build()));
        server.faults().set(FaultRule.failQueries("\"broken-f\"", new QueryFailure(2, 1001, false,
                "HIVE_BAD_DATA: Error parsing field value '' for field 3")));
    }

    @Test
    void everyVisualShowsWhatTheSameSqlGivesThroughAthena() throws Exception {
        open();
        assertThat(chart("by-channel")).isEqualTo(athena("SELECT channel, sum(quantity)" + FROM
                + " GROUP BY channel ORDER BY 2 DESC, 1"));
        assertThat(chart("by-date")).isEqualTo(athena("SELECT date_trunc('year', ordered_at), sum(revenue)" + FROM
                + " GROUP BY 1 ORDER BY 1"));
        assertThat(sorted(chart("by-status"))).isEqualTo(sorted(athena("SELECT status, sum(revenue)" + FROM
                + " GROUP BY status")));
        assertThat(sorted(tableCells("by-country"))).isEqualTo(sorted(athena("SELECT country, sum(quantity),"
                + " sum(revenue)" + FROM + " GROUP BY country")));
        assertThat(number(kpi("total"))).isEqualTo(athena("SELECT sum(revenue)" + FROM).get(0).get(0));
        assertThat(browser.all(By.cssSelector(".visual .kpi-value"))).hasSize(1);
        browser.screenshot("dashboard");

        WebElement details = browser.visible(By.xpath("//button[@role='tab'][normalize-space()='Details']"));
        details.click();
        browser.until(d -> state("channel-status").equals("ready"));
        List<List<String>> pivot = tableCells("channel-status").stream().map(line -> line.stream()
                .map(c -> "(empty)".equals(c) ? null : c).toList()).toList();
        List<String> statuses = browser.all(By.cssSelector("[data-visual-id='channel-status'] thead th")).stream()
                .skip(1).map(WebElement::getText).toList();
        List<List<String>> cells = new ArrayList<>();
        for (List<String> line : pivot) {
            for (int i = 1; i < line.size(); i++) {
                if (!line.get(i).isEmpty()) {
                    cells.add(Arrays.asList(line.get(0), statuses.get(i - 1), line.get(i)));
                }
            }
        }
        assertThat(sorted(cells)).isEqualTo(sorted(athena("SELECT channel, status, sum(quantity)" + FROM
                + " GROUP BY channel, status")));
        assertThat(browser.consoleErrors()).as("only the failing visual's answers (and no favicon) may be logged")
                .allMatch(e -> e.contains("Failed to load resource"));
    }

    @Test
    void theLineChartDrillsFromYearsToMonthsAndTheBreadcrumbGoesBackUp() throws Exception {
        open();
        List<List<String>> years = chart("by-date");
        String year = years.get(0).get(0);
        clickCategory("by-date", 0);
        drilledTo("Quarter");
        String yearStart = "timestamp '" + year + "'";
        assertThat(chart("by-date")).isEqualTo(athena("SELECT date_trunc('quarter', ordered_at), sum(revenue)"
                + FROM + " WHERE date_trunc('year', ordered_at) = " + yearStart + " GROUP BY 1 ORDER BY 1"));
        List<List<String>> quarters = chart("by-date");
        String quarter = quarters.get(quarters.size() - 1).get(0);

        WebElement visual = visual("by-date");
        new Select(visual.findElement(By.cssSelector(".drill-bar select"))).selectByIndex(quarters.size());
        visual.findElement(By.xpath(".//button[normalize-space()='Drill down']")).click();
        drilledTo("Month");
        assertThat(chart("by-date")).isEqualTo(athena("SELECT date_trunc('month', ordered_at), sum(revenue)"
                + FROM + " WHERE date_trunc('year', ordered_at) = " + yearStart
                + " AND date_trunc('quarter', ordered_at) = timestamp '" + quarter + "' GROUP BY 1 ORDER BY 1"));
        List<String> crumbs = visual.findElements(By.cssSelector(".breadcrumb li")).stream()
                .map(WebElement::getText).toList();
        assertThat(crumbs).containsExactly("All (Year)", year.substring(0, 4) + " (Quarter)",
                year.substring(0, 4) + " Q" + (Integer.parseInt(quarter.substring(5, 7)) + 2) / 3 + " (Month)");
        browser.screenshot("dashboard-drill");

        WebElement top = visual.findElement(By.xpath(".//nav[contains(@class,'breadcrumb')]//button[1]"));
        assertThat(top.getText()).isEqualTo("All (Year)");
        top.click();
        browser.until(d -> state("by-date").equals("ready") && chart("by-date").equals(years));
        assertThat(visual.findElement(By.cssSelector(".breadcrumb")).isDisplayed()).isFalse();
    }

    @Test
    void theChannelDropdownFiltersTheVisualsOfItsDataset() throws Exception {
        open();
        String channel = channels.get(channels.size() - 1);
        WebElement dropdown = browser.visible(By.cssSelector("select[data-parameter='Channel']"));
        assertThat(browser.driver().findElement(By.cssSelector("label[for='" + dropdown.getAttribute("id") + "']"))
                .getText()).isEqualTo("Channel");
        // The control links to the dataset's channel column: its values are the column's, as Athena lists them.
        browser.until(d -> dropdown.getAttribute("aria-busy") == null);
        assertThat(new Select(dropdown).getOptions()).extracting(WebElement::getText)
                .containsExactlyElementsOf(java.util.stream.Stream.concat(java.util.stream.Stream.of("(all)"),
                        channels.stream()).toList());
        new Select(dropdown).selectByValue(channel);
        String where = " WHERE channel = '" + channel + "'";
        List<List<String>> expected = athena("SELECT channel, sum(quantity)" + FROM + where + " GROUP BY channel");
        browser.until(d -> chart("by-channel").equals(expected));
        browser.until(d -> state("total").equals("ready"));
        assertThat(number(kpi("total"))).isEqualTo(athena("SELECT sum(revenue)" + FROM + where).get(0).get(0));
        assertThat(sorted(tableCells("by-country"))).isEqualTo(sorted(athena("SELECT country, sum(quantity),"
                + " sum(revenue)" + FROM + where + " GROUP BY country")));
        assertThat(sorted(chart("by-status"))).as("the direct-query visual reads another dataset")
                .isEqualTo(sorted(athena("SELECT status, sum(revenue)" + FROM + " GROUP BY status")));

        new Select(dropdown).selectByVisibleText("(all)");
        List<List<String>> all = athena("SELECT channel, sum(quantity)" + FROM
                + " GROUP BY channel ORDER BY 2 DESC, 1");
        browser.until(d -> chart("by-channel").equals(all));
    }

    @Test
    void provenanceTellsSpiceFromDirectQueryWithAthenasBill() throws Exception {
        open();
        WebElement spice = visual("by-channel").findElement(By.cssSelector(".provenance"));
        assertThat(spice.getText()).startsWith("Source: SPICE")
                .contains(athena("SELECT count(DISTINCT coalesce(channel, '')) " + FROM).get(0).get(0) + " rows")
                .doesNotContain("$");
        WebElement direct = visual("by-status").findElement(By.cssSelector(".provenance"));
        assertThat(direct.getText()).startsWith("Source: Direct query");
        WebElement link = direct.findElement(By.cssSelector("a.query-id"));
        String queryId = link.getText();
        assertThat(link.getAttribute("href")).endsWith("#/query?id=" + queryId);
        var statistics = athena.getQueryExecution(b -> b.queryExecutionId(queryId)).queryExecution().statistics();
        long scanned = statistics.dataScannedInBytes();
        assertThat(scanned).isPositive();
        assertThat(direct.findElement(By.cssSelector(".scanned")).getAttribute("data-bytes"))
                .isEqualTo(String.valueOf(scanned));
        assertThat(direct.findElement(By.cssSelector(".cost")).getText()).isEqualTo(dollars(scanned));
    }

    @Test
    void compareRunsTheVisualBothWays() {
        open();
        WebElement visual = visual("by-channel");
        visual.findElement(By.xpath(".//button[normalize-space()='Compare SPICE / direct query']")).click();
        WebElement result = browser.until(d -> {
            WebElement compare = visual.findElement(By.cssSelector(".compare"));
            return compare.getText().startsWith("SPICE ") && compare.getText().contains("direct query")
                    && !compare.getText().contains("Running") ? compare : null;
        });
        assertThat(result.getText()).matches("SPICE (\\d+ ms|[\\d.]+ s).*· direct query .*");
    }

    @Test
    void exportCsvGivesTheTableAsShown() throws Exception {
        open();
        ((JavascriptExecutor) browser.driver()).executeScript("window.glauxBlobs = [];"
                + "const create = URL.createObjectURL;"
                + "URL.createObjectURL = (blob) => { window.glauxBlobs.push(blob); return create.call(URL, blob); };");
        visual("by-country").findElement(By.xpath(".//button[normalize-space()='Export CSV']")).click();
        String csv = new ObjectMapper().readValue(String.valueOf(((JavascriptExecutor) browser.driver())
                .executeAsyncScript("const done = arguments[0];"
                        + "window.glauxBlobs[0].text().then(t => done(JSON.stringify(t)), e => done(String(e)));")),
                String.class);
        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("country-f,quantity-f,revenue-f");
        List<List<String>> rows = lines.stream().skip(1).map(l -> List.of(l.split(",", -1)).stream()
                .map(DashboardBrowserTest::number).toList()).toList();
        assertThat(rows).isEqualTo(tableCells("by-country"));
    }

    @Test
    void aFailingDirectQueryShowsItsErrorOnItsVisualOnly() {
        open();
        browser.until(d -> state("broken").equals("error"));
        assertThat(visual("broken").findElement(By.cssSelector("[role=alert]")).getText())
                .contains("HIVE_BAD_DATA: Error parsing field value");
        for (String id : List.of("by-channel", "by-date", "by-status", "by-country", "total")) {
            assertThat(state(id)).as(id).isEqualTo("ready");
            assertThat(visual(id).findElements(By.cssSelector("[role=alert]"))).as(id).isEmpty();
        }
    }

    @Test
    void shareShowsTheDashboardUrl() {
        open();
        browser.visible(By.xpath("//button[normalize-space()='Share']")).click();
        WebElement url = browser.visible(By.cssSelector("input.share-url"));
        assertThat(url.getAttribute("value")).isEqualTo(server.endpoint() + "/#/dashboards/shop");
        assertThat(browser.all(By.cssSelector("[role=tab]"))).extracting(WebElement::getText)
                .containsExactly("Overview", "Details");
    }

    @Test
    void anEmbedUrlShowsTheDashboardAloneWithItsData() throws Exception {
        String url = quickSight.generateEmbedUrlForAnonymousUser(b -> b.awsAccountId(ACCOUNT).namespace("default")
                .authorizedResourceArns("arn:aws:quicksight:us-east-1:000000000000:dashboard/shop")
                .experienceConfiguration(e -> e.dashboard(d -> d.initialDashboardId("shop")))).embedUrl();
        browser.load(url);
        browser.awaitVisuals(6, Browser.WAIT);
        assertThat(browser.all(By.cssSelector("header nav"))).as("no Glaux navigation").isEmpty();
        assertThat(browser.all(By.xpath("//button[normalize-space()='Share']"))).isEmpty();
        assertThat(number(kpi("total"))).isEqualTo(athena("SELECT sum(revenue)" + FROM).get(0).get(0));
        browser.screenshot("dashboard-embedded");
        browser.driver().navigate().refresh();
        browser.until(d -> browser.all(By.cssSelector(".visual[data-state='ready']")).size() >= 5);
        assertThat(browser.all(By.cssSelector(".visual"))).as("the browser that opened it keeps its session")
                .hasSize(6);
    }

    // --- the page ---

    private static void open() {
        browser.go("#/dashboards/shop");
        browser.driver().navigate().refresh();
        try {
            browser.awaitVisuals(6, Browser.WAIT);
        } catch (RuntimeException e) {
            throw new AssertionError("still loading: " + browser.all(By.cssSelector(".visual[data-state='loading']"))
                    .stream().map(v -> v.getAttribute("data-visual-id")).toList() + browser.consoleErrors(), e);
        }
    }

    /** Waits until the line chart shows this level. */
    private static void drilledTo(String level) {
        browser.until(d -> state("by-date").equals("ready") && visual("by-date").findElements(By.cssSelector(
                ".breadcrumb [aria-current]")).stream().anyMatch(e -> e.getText().endsWith("(" + level + ")")));
    }

    private static WebElement visual(String id) {
        return browser.driver().findElement(By.cssSelector(".visual[data-visual-id='" + id + "']"));
    }

    private static String state(String id) {
        return visual(id).getAttribute("data-state");
    }

    /** A chart's [category, value] pairs, read from its ECharts instance's option. */
    @SuppressWarnings("unchecked")
    private static List<List<String>> chart(String id) {
        Object pairs = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const [id, done] = arguments;"
                        + "import('/lib/echarts/echarts.esm.min.js').then((echarts) => {"
                        + "  const el = document.querySelector(`.visual[data-visual-id='${id}'] .chart`);"
                        + "  const chart = el && echarts.getInstanceByDom(el);"
                        + "  if (!chart) return done([]);"
                        + "  const o = chart.getOption(); const s = o.series[0];"
                        + "  const text = (v) => (v === null || v === undefined ? null : String(v));"
                        + "  if (s.type === 'pie') return done(s.data.map(d => [text(d.name), text(d.value)]));"
                        + "  const axis = o.xAxis[0].type === 'category' ? o.xAxis[0] : o.yAxis[0];"
                        + "  done(axis.data.map((c, i) => [text(c), text(s.data[i])]));"
                        + "}, (e) => done(String(e)));", id);
        return ((List<List<String>>) pairs).stream().map(p -> Arrays.asList(p.get(0), number(p.get(1)))).toList();
    }

    /** Clicks a category of a bar or line chart where ECharts draws it. */
    private static void clickCategory(String id, int index) {
        WebElement canvas = visual(id).findElement(By.cssSelector(".chart"));
        @SuppressWarnings("unchecked")
        List<Number> pixel = (List<Number>) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const [el, index, done] = arguments;"
                        + "import('/lib/echarts/echarts.esm.min.js').then((echarts) => {"
                        + "  const chart = echarts.getInstanceByDom(el);"
                        + "  done(chart.convertToPixel({seriesIndex: 0}, [index, chart.getOption().series[0]"
                        + "    .data[index]]));});", canvas, index);
        int x = (int) Math.round(pixel.get(0).doubleValue() - canvas.getSize().getWidth() / 2.0);
        int y = (int) Math.round(pixel.get(1).doubleValue() - canvas.getSize().getHeight() / 2.0);
        new Actions(browser.driver()).moveToElement(canvas, x, y).click().perform();
    }

    /** A table's body cells (a pivot's row headers too), numbers without their thousands separators. */
    private static List<List<String>> tableCells(String id) {
        List<List<String>> rows = new ArrayList<>();
        for (WebElement row : visual(id).findElements(By.cssSelector("tbody tr"))) {
            rows.add(row.findElements(By.cssSelector("th, td")).stream().map(c -> number(c.getText())).toList());
        }
        return rows;
    }

    private static String kpi(String id) {
        return visual(id).findElement(By.cssSelector(".kpi-value")).getText();
    }

    // --- expectations ---

    private static List<List<String>> athena(String sql) throws InterruptedException {
        return AthenaQueries.rows(athena, sql).stream().map(r -> r.stream().map(DashboardBrowserTest::number)
                .toList()).toList();
    }

    /** A number's text normalised (12.50 and 12.5 are equal, 1,234 is 1234); other text as it is. */
    private static String number(String text) {
        if (text == null) {
            return null;
        }
        String plain = text.replace(",", "");
        return plain.matches("-?\\d+(\\.\\d+)?(E-?\\d+)?")
                ? new BigDecimal(plain).stripTrailingZeros().toPlainString() : text;
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Object::toString));
        return copy;
    }

    /** Athena's bill: $5 per TB (2^40 bytes), bytes rounded up to the MB, 10 MB at least; two significant digits. */
    private static String dollars(long scanned) {
        long mb = 1L << 20;
        long billed = Math.max((scanned + mb - 1) / mb * mb, 10 * mb);
        BigDecimal dollars = BigDecimal.valueOf(billed).multiply(BigDecimal.valueOf(5))
                .divide(BigDecimal.valueOf(1L << 40), MathContext.DECIMAL64);
        return "$" + dollars.round(new MathContext(2, RoundingMode.HALF_EVEN)).toPlainString();
    }

    // --- the dashboard ---

    private static String dataSet(String id, DataSetImportMode mode) {
        return quickSight.createDataSet(b -> b.awsAccountId(ACCOUNT).dataSetId(id).name(id).importMode(mode)
                .physicalTableMap(Map.of("orders", PhysicalTable.builder().customSql(CustomSql.builder()
                        .dataSourceArn(SOURCE_ARN).name("orders").sqlQuery(ROWS).columns(
                                input("channel", InputColumnDataType.STRING),
                                input("status", InputColumnDataType.STRING),
                                input("country", InputColumnDataType.STRING),
                                input("quantity", InputColumnDataType.INTEGER),
                                InputColumn.builder().name("revenue").type(InputColumnDataType.DECIMAL)
                                        .subType("FIXED").build(),
                                input("ordered_at", InputColumnDataType.DATETIME)).build()).build())))
                .ingestionId();
    }

    private record Definition(List<DataSetIdentifierDeclaration> declarations, List<SheetDefinition> sheets,
                              List<ParameterDeclaration> parameters, List<FilterGroup> filterGroups) {
    }

    /**
     * Overview: a bar (SPICE), a line over order years drilling to days (SPICE), a donut (direct query), a table and
     * a KPI (SPICE), a bar whose direct query fails; Details: a pivot table. A Channel dropdown filters the SPICE
     * dataset's visuals of the overview.
     */
    private static Definition definition() {
        Visual bar = Visual.builder().barChartVisual(v -> v.visualId("by-channel")
                .title(t -> t.formatText(f -> f.plainText("Quantity by channel")))
                .chartConfiguration(c -> c.fieldWells(w -> w.barChartAggregatedFieldWells(a -> a
                        .category(category("channel-f", "orders", "channel"))
                        .values(sum("quantity-f", "orders", "quantity")))))).build();
        Visual line = Visual.builder().lineChartVisual(v -> v.visualId("by-date")
                .title(t -> t.formatText(f -> f.plainText("Revenue by order date")))
                .columnHierarchies(ColumnHierarchy.builder().dateTimeHierarchy(h -> h.hierarchyId("dates")).build())
                .chartConfiguration(c -> c.fieldWells(w -> w.lineChartAggregatedFieldWells(a -> a
                        .category(DimensionField.builder().dateDimensionField(d -> d.fieldId("date-f")
                                .column(column("orders", "ordered_at")).dateGranularity(TimeGranularity.YEAR)
                                .hierarchyId("dates")).build())
                        .values(sum("revenue-f", "orders", "revenue")))))).build();
        Visual donut = Visual.builder().pieChartVisual(v -> v.visualId("by-status")
                .title(t -> t.formatText(f -> f.plainText("Revenue by status (direct query)")))
                .chartConfiguration(c -> c.donutOptions(d -> d.arcOptions(a -> a.arcThickness("MEDIUM")))
                        .fieldWells(w -> w.pieChartAggregatedFieldWells(a -> a
                                .category(category("status-f", "live", "status"))
                                .values(sum("revenue-f", "live", "revenue")))))).build();
        Visual table = Visual.builder().tableVisual(v -> v.visualId("by-country")
                .chartConfiguration(c -> c.fieldWells(w -> w.tableAggregatedFieldWells(a -> a
                        .groupBy(category("country-f", "orders", "country"))
                        .values(sum("quantity-f", "orders", "quantity"), sum("revenue-f", "orders", "revenue"))))))
                .build();
        Visual kpi = Visual.builder().kpiVisual(v -> v.visualId("total")
                .chartConfiguration(c -> c.fieldWells(w -> w.values(sum("revenue-f", "orders", "revenue")))))
                .build();
        Visual broken = Visual.builder().barChartVisual(v -> v.visualId("broken")
                .chartConfiguration(c -> c.fieldWells(w -> w.barChartAggregatedFieldWells(a -> a
                        .category(category("broken-f", "live", "channel"))
                        .values(sum("quantity-f", "live", "quantity")))))).build();
        Visual pivot = Visual.builder().pivotTableVisual(v -> v.visualId("channel-status")
                .chartConfiguration(c -> c.fieldWells(w -> w.pivotTableAggregatedFieldWells(a -> a
                        .rows(category("channel-f", "orders", "channel"))
                        .columns(category("status-f", "orders", "status"))
                        .values(sum("quantity-f", "orders", "quantity")))))).build();
        ParameterControl dropdown = ParameterControl.builder().dropdown(d -> d.parameterControlId("channel-control")
                .title("Channel").sourceParameterName("Channel").type(SheetControlListType.SINGLE_SELECT)
                .selectableValues(s -> s.linkToDataSetColumn(c -> c.dataSetIdentifier("orders")
                        .columnName("channel")))).build();
        ParameterDeclaration parameter = ParameterDeclaration.builder().stringParameterDeclaration(p -> p
                .name("Channel").parameterValueType(ParameterValueType.SINGLE_VALUED)).build();
        FilterGroup filter = FilterGroup.builder().filterGroupId("channel")
                .crossDataset(CrossDatasetTypes.SINGLE_DATASET).status(WidgetStatus.ENABLED)
                .scopeConfiguration(s -> s.selectedSheets(sel -> sel.sheetVisualScopingConfigurations(v -> v
                        .sheetId("overview").scope(FilterVisualScope.ALL_VISUALS))))
                .filters(Filter.builder().categoryFilter(f -> f.filterId("channel-filter")
                        .column(column("orders", "channel"))
                        .configuration(c -> c.customFilterConfiguration(cc -> cc
                                .matchOperator(CategoryFilterMatchOperator.EQUALS).parameterName("Channel")
                                .nullOption(FilterNullOption.NON_NULLS_ONLY)))).build())
                .build();
        return new Definition(
                List.of(declaration("orders", "orders"), declaration("live", "orders-live")),
                List.of(SheetDefinition.builder().sheetId("overview").name("Overview").parameterControls(dropdown)
                                .visuals(bar, line, donut, table, kpi, broken).build(),
                        SheetDefinition.builder().sheetId("details").name("Details").visuals(pivot).build()),
                List.of(parameter), List.of(filter));
    }

    private static DataSetIdentifierDeclaration declaration(String identifier, String dataSetId) {
        return DataSetIdentifierDeclaration.builder().identifier(identifier)
                .dataSetArn("arn:aws:quicksight:us-east-1:000000000000:dataset/" + dataSetId).build();
    }

    private static InputColumn input(String name, InputColumnDataType type) {
        return InputColumn.builder().name(name).type(type).build();
    }

    private static ColumnIdentifier column(String identifier, String name) {
        return ColumnIdentifier.builder().dataSetIdentifier(identifier).columnName(name).build();
    }

    private static DimensionField category(String fieldId, String identifier, String columnName) {
        return DimensionField.builder().categoricalDimensionField(CategoricalDimensionField.builder()
                .fieldId(fieldId).column(column(identifier, columnName)).build()).build();
    }

    private static MeasureField sum(String fieldId, String identifier, String columnName) {
        return MeasureField.builder().numericalMeasureField(n -> n.fieldId(fieldId).column(column(identifier,
                columnName)).aggregationFunction(f -> f.simpleNumericalAggregation(
                SimpleNumericalAggregationFunction.SUM))).build();
    }
}
