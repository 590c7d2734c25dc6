package io.glaux.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.quicksight.api.AthenaQueries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import software.amazon.awssdk.services.quicksight.model.AnalysisDefinition;
import software.amazon.awssdk.services.quicksight.model.DataSetImportMode;
import software.amazon.awssdk.services.quicksight.model.FilterGroup;
import software.amazon.awssdk.services.quicksight.model.InputColumn;
import software.amazon.awssdk.services.quicksight.model.InputColumnDataType;
import software.amazon.awssdk.services.quicksight.model.PhysicalTable;
import software.amazon.awssdk.services.quicksight.model.SheetDefinition;
import software.amazon.awssdk.services.quicksight.model.Visual;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.glaux.quicksight.api.QuickSightClients.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysis editor in a real Chromium: an analysis over a SPICE dataset of shop.orders built through the page
 * (five visuals, a calculated field, a sheet filter, a parameter with a dropdown control read by a filter, a second
 * sheet), published twice; then its Definition read back through the SDK, and each visual's numbers from the
 * visual-data endpoint compared with the same SQL through Athena.
 */
class AnalysisEditorBrowserTest extends SampleDataBrowserTest {

    private static final String CHANNELS = "channel IN ('web', 'mobile_app')";

    @BeforeAll
    static void setUp() throws Exception {
        ui.createAthenaDataSource("athena", "Athena");
        String ingestion = quickSight.createDataSet(b -> b.awsAccountId(ACCOUNT).dataSetId("orders").name("Orders")
                .importMode(DataSetImportMode.SPICE).physicalTableMap(Map.of("orders", PhysicalTable.builder()
                        .relationalTable(r -> r.dataSourceArn("arn:aws:quicksight:us-east-1:000000000000:datasource/athena")
                                .catalog("AwsDataCatalog").schema("shop").name("orders").inputColumns(
                                        column("order_id", InputColumnDataType.INTEGER),
                                        column("quantity", InputColumnDataType.INTEGER),
                                        column("unit_price", InputColumnDataType.DECIMAL),
                                        column("status", InputColumnDataType.STRING),
                                        column("channel", InputColumnDataType.STRING),
                                        column("ordered_at", InputColumnDataType.DATETIME))).build())))
                .ingestionId();
        ui.awaitIngestion("orders", ingestion);
    }

    private static InputColumn column(String name, InputColumnDataType type) {
        return InputColumn.builder().name(name).type(type).build();
    }

    @Test
    void buildsAnAnalysisPublishesItAndItsVisualsComputeWhatAthenaDoes() throws Exception {
        browser.go("#/analyses/new");
        browser.visible(By.name("analysis-name")).sendKeys("Shop analysis");
        assertThat(browser.driver().findElement(By.name("analysis-id")).getAttribute("value")).isEqualTo("shop-analysis");
        browser.visible(By.cssSelector("input[name=dataset][value=orders]")).click();
        submit();
        browser.visible(By.id("save-status"));
        browser.text(By.cssSelector(".sheet-tabs .tab.current"), "Sheet 1");

        addCalculatedField("revenue", "{quantity} * {unit_price}");
        // one that does not parse: UpdateAnalysis refuses it, the editor keeps it with the error and a caret under its
        // position, and the stored definition does not change until it is fixed or removed
        clickButton("Add calculated field");
        browser.visible(By.name("calc-name")).sendKeys("broken");
        browser.driver().findElement(By.name("calc-expression")).sendKeys("{quantity} * * 2");
        submit();
        WebElement caret = browser.visible(By.cssSelector("pre.caret"));
        assertThat(caret.getText()).startsWith("{quantity} * * 2\n").endsWith("^");
        browser.text(By.id("save-status"), "Not saved");
        browser.visible(By.cssSelector(".error-mark"));
        assertThat(quickSight.describeAnalysisDefinition(b -> b.awsAccountId(ACCOUNT).analysisId("shop-analysis"))
                .definition().calculatedFields()).extracting(c -> c.name()).containsExactly("revenue");
        browser.visible(By.cssSelector("button[aria-label='Remove calculated field broken']")).click();
        saved();

        addVisual("bar", "Quantity by channel", Map.of("Category", List.of("channel")),
                List.<String[]>of(new String[] {"quantity", "SUM"}), "quantity-sum", "DESC", "5");
        addVisual("line", "Quantity by month", Map.of("Category", List.of("ordered_at")),
                List.<String[]>of(new String[] {"quantity", "SUM"}), null, null, null);
        addVisual("pie", "Orders by status", Map.of("Category", List.of("status")),
                List.<String[]>of(new String[] {"order_id", "COUNT"}), null, null, null);
        addVisual("table", "Channel and status", Map.of("GroupBy", List.of("channel", "status")),
                List.<String[]>of(new String[] {"quantity", "SUM"}, new String[] {"revenue", "SUM"}), null, null, null);
        addVisual("kpi", "Total quantity", Map.of(), List.<String[]>of(new String[] {"quantity", "SUM"}), null, null, null);

        // a sheet filter: channel in a list picked from the column's distinct values, found with the search box
        clickButton("Add filter");
        new Select(browser.visible(By.name("filter-column"))).selectByVisibleText("channel");
        WebElement search = browser.visible(By.name("value-search"));
        search.sendKeys("web");
        browser.visible(By.cssSelector("input[name=category-value][value=web]")).click();
        assertThat(browser.all(By.name("category-value"))).hasSize(1);
        search.clear();
        search.sendKeys("mobile");
        browser.visible(By.cssSelector("input[name=category-value][value=mobile_app]")).click();
        submit();
        saved();

        // a parameter, its dropdown control, and a filter on the table reading it
        clickButton("Add parameter");
        browser.visible(By.name("parameter-name")).sendKeys("Status");
        browser.driver().findElement(By.name("parameter-defaults")).sendKeys("completed");
        submit();
        saved();
        clickButton("Add control");
        new Select(browser.visible(By.name("control-values-column"))).selectByVisibleText("status");
        submit();
        saved();
        clickButton("Add filter");
        new Select(browser.visible(By.name("filter-column"))).selectByVisibleText("status");
        new Select(browser.visible(By.name("category-source"))).selectByValue("parameter");
        new Select(browser.visible(By.name("category-parameter"))).selectByValue("Status");
        browser.driver().findElement(By.cssSelector("input[name=scope][value=selected]")).click();
        browser.visible(By.cssSelector("input[name=scope-visual][value=channel-and-status]")).click();
        submit();
        saved();

        // a numeric range on the KPI only, and a date range (whole days) on the line chart only
        // an Integer parameter with a text field, bounding a numeric range on the KPI
        clickButton("Add parameter");
        browser.visible(By.name("parameter-name")).sendKeys("MinQuantity");
        new Select(browser.driver().findElement(By.name("parameter-type"))).selectByValue("Integer");
        browser.driver().findElement(By.name("parameter-defaults")).sendKeys("2");
        submit();
        saved();
        clickButton("Add control");
        new Select(browser.visible(By.name("control-parameter"))).selectByValue("MinQuantity");
        new Select(browser.driver().findElement(By.name("control-kind"))).selectByValue("text");
        submit();
        saved();
        addScopedFilter("quantity", "numeric-range", Map.of("range-min-parameter", "MinQuantity"), "total-quantity");
        addScopedFilter("ordered_at", "time-range", Map.of("time-from", "2024-02-01", "time-to", "2024-02-29"),
                "quantity-by-month");

        // a second sheet
        browser.driver().findElement(By.name("new-sheet-name")).sendKeys("Details");
        clickButton("Add sheet");
        saved();
        browser.text(By.cssSelector(".sheet-tabs .tab.current"), "Details");
        browser.driver().findElement(By.cssSelector(".sheet-tabs .tab[data-sheet-id=sheet-1]")).click();
        browser.text(By.cssSelector(".sheet-tabs .tab.current"), "Sheet 1");

        clickButton("Publish");
        browser.text(By.cssSelector(".published-version"), "1");
        assertThat(browser.driver().findElement(By.cssSelector("a.dashboard-link")).getAttribute("href"))
                .endsWith("#/dashboards/shop-analysis");
        browser.screenshot("analysis-editor");

        checkDefinition();
        assertThat(quickSight.describeDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("shop-analysis"))
                .dashboard().version().versionNumber()).isEqualTo(1L);

        clickButton("Publish");
        browser.text(By.cssSelector(".published-version"), "2");
        var summary = quickSight.listDashboards(b -> b.awsAccountId(ACCOUNT)).dashboardSummaryList().get(0);
        assertThat(summary.publishedVersionNumber()).isEqualTo(2L);
        assertThat(quickSight.listDashboardVersions(b -> b.awsAccountId(ACCOUNT).dashboardId("shop-analysis"))
                .dashboardVersionSummaryList()).hasSize(2);

        String orders = "shop.orders WHERE " + CHANNELS;
        checkVisual("quantity-by-channel", "SELECT channel, sum(quantity) FROM " + orders
                + " GROUP BY channel ORDER BY 2 DESC, 1 LIMIT 5");
        checkVisual("quantity-by-month", "SELECT date_trunc('month', ordered_at), sum(quantity) FROM " + orders
                + " AND ordered_at >= TIMESTAMP '2024-02-01 00:00:00' AND ordered_at < TIMESTAMP '2024-03-01 00:00:00'"
                + " GROUP BY 1 ORDER BY 1");
        checkVisual("orders-by-status", "SELECT status, count(order_id) FROM " + orders
                + " GROUP BY status ORDER BY 2 DESC, 1");
        checkVisual("channel-and-status", "SELECT channel, status, sum(quantity), sum(quantity * unit_price) FROM "
                + orders + " AND status = 'completed' GROUP BY 1, 2 ORDER BY 1, 2");
        checkVisual("total-quantity", "SELECT sum(quantity) FROM " + orders + " AND quantity >= 2");

        // on the published dashboard, the text field sets the parameter and the KPI follows
        browser.go("#/dashboards/shop-analysis");
        browser.driver().navigate().refresh();
        WebElement statuses = browser.visible(By.cssSelector("select[data-parameter='Status']"));
        List<String> expectedStatuses = new java.util.ArrayList<>(List.of("(all)"));
        AthenaQueries.rows(athena, "SELECT DISTINCT status FROM shop.orders WHERE status IS NOT NULL ORDER BY 1")
                .forEach(row -> expectedStatuses.add(row.get(0)));
        browser.until(d -> statuses.getAttribute("aria-busy") == null);
        assertThat(new Select(statuses).getOptions()).extracting(WebElement::getText)
                .as("the dropdown lists the dataset's status column").containsExactlyElementsOf(expectedStatuses);
        WebElement minimum = browser.visible(By.cssSelector("input[data-parameter='MinQuantity']"));
        assertThat(minimum.getAttribute("value")).isEqualTo("2");
        String atLeastThree = AthenaQueries.rows(athena, "SELECT sum(quantity) FROM " + orders + " AND quantity >= 3")
                .get(0).get(0);
        browser.script("const input = arguments[0]; input.value = '3';"
                + "input.dispatchEvent(new Event('change', {bubbles: true}));", minimum);
        browser.until(d -> {
            var kpi = d.findElements(By.cssSelector(".visual[data-visual-id='total-quantity'][data-state='ready']"
                    + " .kpi-value"));
            return !kpi.isEmpty() && kpi.get(0).getText().replace(",", "").equals(atLeastThree);
        });
    }

    private void checkDefinition() {
        AnalysisDefinition definition = quickSight.describeAnalysisDefinition(b -> b.awsAccountId(ACCOUNT)
                .analysisId("shop-analysis")).definition();
        assertThat(definition.sheets()).extracting(SheetDefinition::name).containsExactly("Sheet 1", "Details");
        SheetDefinition sheet = definition.sheets().get(0);
        List<Visual> visuals = sheet.visuals();
        assertThat(visuals).hasSize(5);
        var bar = visuals.get(0).barChartVisual();
        assertThat(bar.visualId()).isEqualTo("quantity-by-channel");
        var barWells = bar.chartConfiguration().fieldWells().barChartAggregatedFieldWells();
        assertThat(barWells.category().get(0).categoricalDimensionField().column().columnName()).isEqualTo("channel");
        assertThat(barWells.values().get(0).numericalMeasureField().aggregationFunction().simpleNumericalAggregation())
                .hasToString("SUM");
        var barSort = bar.chartConfiguration().sortConfiguration();
        assertThat(barSort.categorySort().get(0).fieldSort().fieldId()).isEqualTo("quantity-sum");
        assertThat(barSort.categorySort().get(0).fieldSort().direction()).hasToString("DESC");
        assertThat(barSort.categoryItemsLimit().itemsLimit()).isEqualTo(5L);
        var line = visuals.get(1).lineChartVisual();
        var date = line.chartConfiguration().fieldWells().lineChartAggregatedFieldWells().category().get(0)
                .dateDimensionField();
        assertThat(date.column().columnName()).isEqualTo("ordered_at");
        assertThat(date.dateGranularity()).hasToString("MONTH");
        assertThat(line.columnHierarchies().get(0).dateTimeHierarchy().hierarchyId()).isEqualTo(date.hierarchyId());
        assertThat(visuals.get(2).pieChartVisual().chartConfiguration().fieldWells().pieChartAggregatedFieldWells()
                .values().get(0).numericalMeasureField().aggregationFunction().simpleNumericalAggregation())
                .hasToString("COUNT");
        assertThat(visuals.get(3).tableVisual().chartConfiguration().fieldWells().tableAggregatedFieldWells()
                .values().get(1).numericalMeasureField().column().columnName()).isEqualTo("revenue");
        assertThat(visuals.get(4).kpiVisual().chartConfiguration().fieldWells().values()).hasSize(1);
        assertThat(definition.calculatedFields().get(0).expression()).isEqualTo("{quantity} * {unit_price}");

        List<FilterGroup> groups = definition.filterGroups();
        assertThat(groups).hasSize(4);
        var range = groups.get(2).filters().get(0).numericRangeFilter();
        assertThat(range.column().columnName()).isEqualTo("quantity");
        assertThat(range.rangeMinimum().parameter()).isEqualTo("MinQuantity");
        assertThat(range.includeMinimum()).isTrue();
        assertThat(groups.get(2).scopeConfiguration().selectedSheets().sheetVisualScopingConfigurations().get(0)
                .visualIds()).containsExactly("total-quantity");
        var dates = groups.get(3).filters().get(0).timeRangeFilter();
        assertThat(dates.rangeMinimumValue().staticValue()).isEqualTo(java.time.Instant.parse("2024-02-01T00:00:00Z"));
        assertThat(dates.rangeMaximumValue().staticValue()).isEqualTo(java.time.Instant.parse("2024-02-29T00:00:00Z"));
        assertThat(dates.timeGranularityAsString()).isEqualTo("DAY");
        var list = groups.get(0).filters().get(0).categoryFilter().configuration().filterListConfiguration();
        assertThat(list.categoryValues()).containsExactly("web", "mobile_app");
        assertThat(groups.get(0).scopeConfiguration().selectedSheets().sheetVisualScopingConfigurations().get(0)
                .scope()).hasToString("ALL_VISUALS");
        assertThat(groups.get(1).filters().get(0).categoryFilter().configuration().customFilterConfiguration()
                .parameterName()).isEqualTo("Status");
        assertThat(groups.get(1).scopeConfiguration().selectedSheets().sheetVisualScopingConfigurations().get(0)
                .visualIds()).containsExactly("channel-and-status");
        var parameter = definition.parameterDeclarations().get(0).stringParameterDeclaration();
        assertThat(parameter.name()).isEqualTo("Status");
        assertThat(parameter.defaultValues().staticValues()).containsExactly("completed");
        var dropdown = sheet.parameterControls().get(0).dropdown();
        assertThat(dropdown.sourceParameterName()).isEqualTo("Status");
        assertThat(dropdown.selectableValues().linkToDataSetColumn().dataSetIdentifier())
                .isEqualTo(definition.dataSetIdentifierDeclarations().get(0).identifier());
        assertThat(dropdown.selectableValues().linkToDataSetColumn().columnName()).isEqualTo("status");
        var minimum = definition.parameterDeclarations().get(1).integerParameterDeclaration();
        assertThat(minimum.name()).isEqualTo("MinQuantity");
        assertThat(minimum.defaultValues().staticValues()).containsExactly(2L);
        var text = sheet.parameterControls().get(1).textField();
        assertThat(text.sourceParameterName()).isEqualTo("MinQuantity");
    }

    // ---- the page

    /** Adds a filter of a kind on a field, its inputs set by name, applying to one visual of the sheet. */
    private void addScopedFilter(String column, String kind, Map<String, String> inputs, String visualId) {
        clickButton("Add filter");
        new Select(browser.visible(By.name("filter-column"))).selectByVisibleText(column);
        new Select(browser.visible(By.name("filter-kind"))).selectByValue(kind);
        inputs.forEach((name, value) -> browser.script("const input = arguments[0]; input.value = arguments[1];"
                + "input.dispatchEvent(new Event('input', {bubbles: true}));"
                + "input.dispatchEvent(new Event('change', {bubbles: true}));", browser.visible(By.name(name)), value));
        browser.driver().findElement(By.cssSelector("input[name=scope][value=selected]")).click();
        browser.visible(By.cssSelector("input[name=scope-visual][value=" + visualId + "]")).click();
        submit();
        saved();
    }

    private void addCalculatedField(String name, String expression) {
        clickButton("Add calculated field");
        browser.visible(By.name("calc-name")).sendKeys(name);
        browser.driver().findElement(By.name("calc-expression")).sendKeys(expression);
        submit();
        saved();
    }

    private void addVisual(String type, String title, Map<String, List<String>> dimensions, List<String[]> measures,
                           String sortField, String direction, String limit) {
        clickButton("Add visual");
        new Select(browser.visible(By.name("visual-type"))).selectByValue(type);
        browser.driver().findElement(By.name("visual-title")).sendKeys(title);
        for (var well : dimensions.entrySet()) {
            for (String column : well.getValue()) {
                addField(well.getKey(), column, null);
            }
        }
        for (String[] measure : measures) {
            addField("Values", measure[0], measure[1]);
        }
        if (sortField != null) {
            new Select(browser.driver().findElement(By.name("sort-field"))).selectByValue(sortField);
            new Select(browser.driver().findElement(By.name("sort-direction"))).selectByValue(direction);
        }
        if (limit != null) {
            browser.driver().findElement(By.name("limit")).sendKeys(limit);
        }
        submit();
        saved();
    }

    private void addField(String well, String column, String aggregation) {
        String in = "form.visual-form [data-well=" + well + "] ";
        int before = browser.all(By.cssSelector(in + "select[name=column]")).size();
        browser.driver().findElement(By.xpath("//form[contains(@class,'visual-form')]//fieldset[@data-well='" + well
                + "']/button")).click();
        browser.until(d -> browser.all(By.cssSelector(in + "select[name=column]")).size() == before + 1);
        new Select(last(in + "select[name=column]")).selectByValue(column);
        if (aggregation != null) {
            new Select(last(in + "select[name=aggregation]")).selectByValue(aggregation);
        }
    }

    private WebElement last(String css) {
        List<WebElement> all = browser.all(By.cssSelector(css));
        return all.get(all.size() - 1);
    }

    private void clickButton(String text) {
        browser.visible(By.xpath("//button[normalize-space()='" + text + "' and not(@type='submit')]")).click();
    }

    private void submit() {
        browser.visible(By.cssSelector("form button[type=submit]")).click();
    }

    /** Waits until the last change is saved (the status says so and no form is left open with an error). */
    private void saved() {
        browser.until(d -> {
            String state = d.findElement(By.id("save-status")).getAttribute("data-state");
            assertThat(state).as(d.findElement(By.cssSelector(".save-problems")).getText()).isNotEqualTo("error");
            assertThat(d.findElements(By.cssSelector(".form-message [role=alert]")).stream().map(WebElement::getText))
                    .as("form errors").isEmpty();
            return "saved".equals(state) && d.findElements(By.cssSelector(".form-area form")).isEmpty();
        });
    }

    // ---- the numbers

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private void checkVisual(String visualId, String sql) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.endpoint()
                        + "/glaux/quicksight/accounts/000000000000/analyses/shop-analysis/visuals/" + visualId + "/data"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode rows = JSON.readTree(response.body()).get("Rows");
        List<List<String>> actual = new ArrayList<>();
        rows.forEach(row -> {
            List<String> values = new ArrayList<>();
            row.forEach(v -> values.add(v.isNull() ? null : v.asText()));
            actual.add(values);
        });
        List<List<String>> expected = AthenaQueries.rows(athena, sql);
        assertThat(actual).as(visualId).isNotEmpty().hasSameSizeAs(expected);
        for (int r = 0; r < expected.size(); r++) {
            for (int c = 0; c < expected.get(r).size(); c++) {
                assertThat(same(actual.get(r).get(c), expected.get(r).get(c)))
                        .as(visualId + " row " + r + ": " + actual.get(r) + " vs " + expected.get(r)).isTrue();
            }
        }
    }

    /** Equal values: numbers within a millionth, date-times by their instant text, else the same text. */
    private static boolean same(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        try {
            BigDecimal x = new BigDecimal(a);
            BigDecimal y = new BigDecimal(b);
            return x.subtract(y).abs().compareTo(y.abs().max(BigDecimal.ONE).multiply(new BigDecimal("1e-9"))) <= 0;
        } catch (NumberFormatException e) {
            return dateTime(a).equals(dateTime(b));
        }
    }

    private static String dateTime(String s) {
        return s.replace('T', ' ').replaceAll("Z$", "").replaceAll("(:\\d{2})\\.0+$", "$1")
                .replaceAll("^(\\d{4}-\\d{2}-\\d{2}) 00:00:00$", "$1");
    }
}
