package io.glaux.ui;

import io.glaux.quicksight.api.AthenaQueries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.quicksight.model.DataSet;
import software.amazon.awssdk.services.quicksight.model.Ingestion;
import software.amazon.awssdk.services.quicksight.model.IngestionStatus;
import software.amazon.awssdk.services.quicksight.model.LookbackWindow;
import software.amazon.awssdk.services.quicksight.model.RefreshSchedule;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.glaux.quicksight.api.QuickSightClients.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dataset page in Chromium over the sample shop: a SPICE dataset from a browsed table with renamed, hidden and
 * calculated columns and a filter, previewed and refreshed; a direct-query dataset from custom SQL; errors that keep
 * the form and the stored dataset; a failed ingestion; a refresh schedule and an incremental window; the start page.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataSetPageTest extends SampleDataBrowserTest {

    static final String SOURCE_ARN = "arn:aws:quicksight:us-east-1:000000000000:datasource/shop";
    static final String ORDERS_SQL = "SELECT order_id, quantity, quantity * unit_price FROM shop.orders"
            + " WHERE order_id <= 100040";
    static final String CHANNELS_SQL = "SELECT channel, count(*) AS orders FROM shop.orders GROUP BY channel";

    @BeforeAll
    static void setUp() throws Exception {
        ui.createAthenaDataSource("shop", "Shop");
    }

    static void pick(WebElement select, String value) {
        browser.until(d -> select.findElements(By.cssSelector("option[value='" + value + "']")).size() == 1);
        new Select(select).selectByValue(value);
    }

    static WebElement form() {
        return browser.visible(By.id("data-set-form"));
    }

    static WebElement columnInput(String column, String name) {
        return form().findElement(By.cssSelector("#columns tr[data-column='" + column + "'] [name=" + name + "]"));
    }

    static void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    static DataSet describe(String id) {
        return quickSight.describeDataSet(b -> b.awsAccountId(ACCOUNT).dataSetId(id)).dataSet();
    }

    /** The rows of the table with this id as the page shows them (cell texts). */
    static List<List<String>> tableRows(String id) {
        return browser.all(By.cssSelector("#" + id + " tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
    }

    static List<String> tableHeader(String id) {
        return browser.all(By.cssSelector("#" + id + " thead th")).stream().map(WebElement::getText).toList();
    }

    /** Waits longer than Browser.WAIT, for queries and ingestions on a busy machine. */
    static <T> T slowly(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
        return new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofMinutes(3))
                .until(condition::apply);
    }

    /** Waits for a preview's rows, failing with the page's error if one shows instead. */
    static void awaitPreview() {
        try {
            slowly(d -> !d.findElements(By.cssSelector("#preview tbody tr")).isEmpty()
                    || !d.findElements(By.cssSelector("#data-set-messages [role=alert]")).isEmpty());
        } catch (RuntimeException e) {
            throw new AssertionError("no preview; the page shows: " + browser.visible(By.id("page")).getText()
                    + "\nconsole: " + browser.consoleErrors(), e);
        }
        assertThat(browser.all(By.cssSelector("#data-set-messages [role=alert]"))).extracting(WebElement::getText)
                .isEmpty();
    }

    static void addCalculated(String name, String expression) {
        form().findElement(By.xpath(".//button[text()='Add calculated column']")).click();
        List<WebElement> rows = browser.all(By.cssSelector("#calculated-columns .expression-row"));
        WebElement row = rows.get(rows.size() - 1);
        row.findElement(By.name("name")).sendKeys(name);
        row.findElement(By.name("expression")).sendKeys(expression);
    }

    @Test
    @Order(1)
    void spiceDatasetFromABrowsedTableIsPreviewedSavedAndRefreshed() throws Exception {
        browser.go("#/data-sets/new?dataSource=shop");
        type(form().findElement(By.name("dataSetId")), "orders-spice");
        assertThat(new Select(form().findElement(By.name("dataSource"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo(SOURCE_ARN);
        browser.until(d -> "AwsDataCatalog".equals(new Select(form().findElement(By.name("catalog")))
                .getFirstSelectedOption().getAttribute("value")));
        pick(form().findElement(By.name("database")), "shop");
        pick(form().findElement(By.name("table")), "orders");
        browser.visible(By.cssSelector("#columns tr[data-column='order_date']"));
        type(form().findElement(By.name("dataSetName")), "Orders SPICE");
        type(columnInput("quantity", "rename"), "qty");
        columnInput("discount", "included").click();
        addCalculated("revenue", "{qty} * {unit_price}");
        form().findElement(By.xpath(".//button[text()='Add filter']")).click();
        browser.visible(By.cssSelector("#filters .expression-row [name=expression]")).sendKeys("{order_id} <= 100040");

        browser.visible(By.id("preview-button")).click();
        awaitPreview();
        List<String> header = tableHeader("preview");
        assertThat(header).containsExactly("order_id", "customer_id", "product_id", "qty", "unit_price", "status",
                "channel", "ordered_at", "order_date", "revenue");
        Map<String, List<BigDecimal>> shown = new HashMap<>();
        for (List<String> row : tableRows("preview")) {
            shown.put(row.get(0), List.of(new BigDecimal(row.get(3)), new BigDecimal(row.get(9))));
        }
        List<List<String>> expected = AthenaQueries.rows(athena, ORDERS_SQL);
        assertThat(expected).isNotEmpty();
        assertThat(shown).hasSameSizeAs(expected);
        for (List<String> row : expected) {
            assertThat(shown).containsKey(row.get(0));
            assertThat(shown.get(row.get(0)).get(0)).isEqualByComparingTo(row.get(1));
            assertThat(shown.get(row.get(0)).get(1)).isEqualByComparingTo(row.get(2));
        }
        browser.script("arguments[0].scrollIntoView({block: 'center'})", browser.visible(By.id("preview")));
        browser.screenshot("dataset-editor");

        form().findElement(By.id("save-button")).click();
        slowly(d -> d.getCurrentUrl().endsWith("#/data-sets/orders-spice"));
        DataSet saved = describe("orders-spice");
        assertThat(saved.importModeAsString()).isEqualTo("SPICE");
        assertThat(saved.outputColumns()).extracting(c -> c.name()).containsExactlyElementsOf(header);
        assertThat(saved.physicalTableMap().values().iterator().next().relationalTable().name()).isEqualTo("orders");

        browser.visible(By.id("refresh-now")).click();
        slowly(d -> {
            String status = d.findElement(By.id("ingestion-status")).getText();
            return status.equals("COMPLETED") || status.equals("FAILED");
        });
        assertThat(browser.visible(By.id("ingestion-status")).getText()).isEqualTo("COMPLETED");
        String count = AthenaQueries.rows(athena, "SELECT count(*) FROM shop.orders WHERE order_id <= 100040")
                .get(0).get(0);
        assertThat(browser.visible(By.id("ingestion-rows")).getText()).isEqualTo(count);
        browser.until(d -> tableRows("ingestions").size() == 2);
        List<List<String>> history = tableRows("ingestions");
        assertThat(history.get(0).get(1)).isEqualTo("COMPLETED");
        assertThat(history.get(0).get(2)).isEqualTo("FULL_REFRESH");
        assertThat(history.get(0).get(6)).isEqualTo(count);
        assertThat(history.get(0).get(8)).isEqualTo(count);
        Ingestion latest = quickSight.describeIngestion(b -> b.awsAccountId(ACCOUNT).dataSetId("orders-spice")
                .ingestionId(history.get(0).get(0))).ingestion();
        assertThat(latest.rowInfo().rowsIngested()).isEqualTo(Long.parseLong(count));
        browser.script("arguments[0].scrollIntoView({block: 'start'})", browser.visible(By.id("refresh")));
        browser.screenshot("dataset-ingestion");
    }

    @Test
    @Order(2)
    void aBadCalculatedExpressionIsShownAtItsPositionAndTheFormAndDatasetStay() {
        DataSet before = describe("orders-spice");
        browser.go("#/data-sets/orders-spice");
        browser.visible(By.cssSelector("#calculated-columns .expression-row"));
        type(form().findElement(By.name("dataSetName")), "Orders renamed");
        addCalculated("broken", "{qty} * * {unit_price}");
        form().findElement(By.id("save-button")).click();
        WebElement note = slowly(d -> d.findElements(By.cssSelector("#calculated-columns .expression-error"))
                .stream().findFirst().orElse(null));
        WebElement row = note.findElement(By.xpath(".."));
        assertThat(row.findElement(By.name("name")).getAttribute("value")).isEqualTo("broken");
        WebElement input = row.findElement(By.name("expression"));
        assertThat(input.getAttribute("value")).isEqualTo("{qty} * * {unit_price}");
        assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(note.getText()).contains("expression '{qty} * * {unit_price}'").contains("at position 8");
        assertThat(note.findElement(By.tagName("mark")).getText()).isEqualTo("*");
        assertThat(note.findElement(By.tagName("code")).getText()).isEqualTo("{qty} * * {unit_price}");
        assertThat(form().findElement(By.name("dataSetName")).getAttribute("value")).isEqualTo("Orders renamed");
        assertThat(browser.all(By.cssSelector("#calculated-columns .expression-row"))).hasSize(2);
        DataSet after = describe("orders-spice");
        assertThat(after.name()).isEqualTo("Orders SPICE");
        assertThat(after.logicalTableMap()).isEqualTo(before.logicalTableMap());
        assertThat(after.lastUpdatedTime()).isEqualTo(before.lastUpdatedTime());
    }

    @Test
    @Order(3)
    void directQueryDatasetFromCustomSqlAndABadSqlShowsAthenasErrorAndLeavesItUnchanged() throws Exception {
        browser.go("#/data-sets/new");
        type(form().findElement(By.name("dataSetId")), "channels-dq");
        type(form().findElement(By.name("dataSetName")), "Channels");
        new Select(form().findElement(By.name("importMode"))).selectByValue("DIRECT_QUERY");
        form().findElement(By.cssSelector("input[name=sourceKind][value=sql]")).click();
        type(form().findElement(By.name("sql")), CHANNELS_SQL);
        browser.visible(By.id("preview-button")).click();
        awaitPreview();
        assertThat(tableHeader("preview")).containsExactly("channel", "orders");
        assertThat(new HashSet<>(tableRows("preview"))).isEqualTo(new HashSet<>(AthenaQueries.rows(athena,
                CHANNELS_SQL).stream().map(r -> r.stream().map(v -> v == null ? "" : v).toList()).toList()));
        assertThat(browser.visible(By.id("preview-meta")).getText()).contains("query ");
        form().findElement(By.id("save-button")).click();
        slowly(d -> d.getCurrentUrl().endsWith("#/data-sets/channels-dq"));
        DataSet saved = describe("channels-dq");
        assertThat(saved.importModeAsString()).isEqualTo("DIRECT_QUERY");
        var sql = saved.physicalTableMap().values().iterator().next().customSql();
        assertThat(sql.sqlQuery()).isEqualTo(CHANNELS_SQL);
        assertThat(sql.columns()).extracting(c -> c.name() + ":" + c.typeAsString())
                .containsExactly("channel:STRING", "orders:INTEGER");

        String bad = "SELECT channel, count(*) AS orders FROM shop.no_such_table GROUP BY channel";
        WebElement textarea = browser.visible(By.name("sql"));
        type(textarea, bad);
        form().findElement(By.id("save-button")).click();
        WebElement error = slowly(d -> d.findElements(By.cssSelector("#data-set-messages [role=alert]")).stream()
                .findFirst().orElse(null));
        String athenaError = athenaFailure("SELECT * FROM (" + bad + ") LIMIT 0");
        assertThat(error.getText()).contains(athenaError);
        assertThat(browser.visible(By.name("sql")).getAttribute("value")).isEqualTo(bad);
        DataSet after = describe("channels-dq");
        assertThat(after.physicalTableMap()).isEqualTo(saved.physicalTableMap());
        assertThat(after.lastUpdatedTime()).isEqualTo(saved.lastUpdatedTime());
    }

    /** Athena's reason for a failing query. */
    static String athenaFailure(String sql) throws InterruptedException {
        String id = athena.startQueryExecution(b -> b.queryString(sql)).queryExecutionId();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            var status = athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution().status();
            if (status.state() == QueryExecutionState.FAILED) {
                assertThat(status.stateChangeReason()).isNotBlank();
                return status.stateChangeReason();
            }
            assertThat(status.state()).isNotEqualTo(QueryExecutionState.SUCCEEDED);
            Thread.sleep(20);
        }
        throw new AssertionError("still running: " + sql);
    }

    @Test
    @Order(4)
    void aFailedIngestionShowsItsErrorInfoInTheHistory() throws Exception {
        AthenaQueries.run(athena, "CREATE TABLE shop.ui_doomed AS SELECT order_id, status FROM shop.orders"
                + " WHERE order_id <= 10");
        quickSight.createDataSet(b -> b.awsAccountId(ACCOUNT).dataSetId("doomed").name("Doomed").importMode("SPICE")
                .physicalTableMap(Map.of("t", software.amazon.awssdk.services.quicksight.model.PhysicalTable.builder()
                        .relationalTable(r -> r.dataSourceArn(SOURCE_ARN).catalog("AwsDataCatalog").schema("shop")
                                .name("ui_doomed").inputColumns(c -> c.name("order_id").type("INTEGER"),
                                        c -> c.name("status").type("STRING"))).build())));
        slowly(d -> quickSight.listIngestions(b -> b.awsAccountId(ACCOUNT).dataSetId("doomed")).ingestions()
                .stream().allMatch(i -> i.ingestionStatus() == IngestionStatus.COMPLETED));
        AthenaQueries.run(athena, "DROP TABLE shop.ui_doomed");

        browser.go("#/data-sets/doomed");
        browser.visible(By.id("refresh-now")).click();
        slowly(d -> d.findElement(By.id("ingestion-status")).getText().equals("FAILED"));
        browser.until(d -> tableRows("ingestions").size() == 2);
        List<String> failed = tableRows("ingestions").get(0);
        Ingestion ingestion = quickSight.describeIngestion(b -> b.awsAccountId(ACCOUNT).dataSetId("doomed")
                .ingestionId(failed.get(0))).ingestion();
        assertThat(ingestion.ingestionStatus()).isEqualTo(IngestionStatus.FAILED);
        assertThat(failed.get(1)).isEqualTo("FAILED");
        assertThat(failed.get(9)).isEqualTo(ingestion.errorInfo().typeAsString() + ": "
                + ingestion.errorInfo().message()).startsWith("SQL_TABLE_NOT_FOUND: ");
    }

    @Test
    @Order(5)
    void anIncrementalWindowAndARefreshScheduleAreSavedThroughTheApi() {
        browser.go("#/data-sets/orders-spice");
        WebElement window = browser.visible(By.id("incremental-form"));
        pick(window.findElement(By.name("lookbackColumn")), "ordered_at");
        type(window.findElement(By.name("lookbackSize")), "3");
        new Select(window.findElement(By.name("lookbackUnit"))).selectByValue("DAY");
        window.findElement(By.cssSelector("button[type=submit]")).click();
        browser.containing(By.id("incremental-window"), "last 3 DAY(s) of ordered_at");
        LookbackWindow lookback = quickSight.describeDataSetRefreshProperties(b -> b.awsAccountId(ACCOUNT)
                .dataSetId("orders-spice")).dataSetRefreshProperties().refreshConfiguration().incrementalRefresh()
                .lookbackWindow();
        assertThat(lookback.columnName()).isEqualTo("ordered_at");
        assertThat(lookback.size()).isEqualTo(3L);
        assertThat(lookback.sizeUnitAsString()).isEqualTo("DAY");

        WebElement schedule = browser.visible(By.id("schedule-form"));
        type(schedule.findElement(By.name("scheduleId")), "weekly-friday");
        new Select(schedule.findElement(By.name("interval"))).selectByValue("WEEKLY");
        new Select(schedule.findElement(By.name("dayOfWeek"))).selectByValue("FRIDAY");
        browser.script("const t = arguments[0]; t.value = '02:30'; t.dispatchEvent(new Event('input'));",
                schedule.findElement(By.name("timeOfDay")));
        type(schedule.findElement(By.name("timezone")), "Europe/Paris");
        new Select(schedule.findElement(By.name("refreshType"))).selectByValue("INCREMENTAL_REFRESH");
        schedule.findElement(By.cssSelector("button[type=submit]")).click();
        browser.containing(By.id("refresh-schedules"), "WEEKLY on FRIDAY at 02:30 (Europe/Paris), INCREMENTAL_REFRESH");
        List<RefreshSchedule> schedules = quickSight.listRefreshSchedules(b -> b.awsAccountId(ACCOUNT)
                .dataSetId("orders-spice")).refreshSchedules();
        assertThat(schedules).hasSize(1);
        RefreshSchedule saved = schedules.get(0);
        assertThat(saved.scheduleId()).isEqualTo("weekly-friday");
        assertThat(saved.refreshTypeAsString()).isEqualTo("INCREMENTAL_REFRESH");
        assertThat(saved.scheduleFrequency().intervalAsString()).isEqualTo("WEEKLY");
        assertThat(saved.scheduleFrequency().timeOfTheDay()).isEqualTo("02:30");
        assertThat(saved.scheduleFrequency().timezone()).isEqualTo("Europe/Paris");
        assertThat(saved.scheduleFrequency().refreshOnDay().dayOfWeekAsString()).isEqualTo("FRIDAY");

        browser.visible(By.xpath("//button[text()='Edit weekly-friday']")).click();
        new Select(schedule.findElement(By.name("interval"))).selectByValue("DAILY");
        schedule.findElement(By.cssSelector("button[type=submit]")).click();
        browser.containing(By.id("refresh-schedules"), "DAILY at 02:30 (Europe/Paris), INCREMENTAL_REFRESH");
        assertThat(quickSight.listRefreshSchedules(b -> b.awsAccountId(ACCOUNT).dataSetId("orders-spice"))
                .refreshSchedules()).singleElement().satisfies(s -> assertThat(s.scheduleFrequency()
                        .intervalAsString()).isEqualTo("DAILY"));
    }

    @Test
    @Order(6)
    void theStartPageListsEverythingWithItsStatus() {
        browser.go("#/");
        browser.visible(By.cssSelector("#data-sets tbody tr"));
        browser.visible(By.cssSelector("#data-sources tbody tr"));
        Map<String, List<String>> sets = new HashMap<>();
        for (List<String> row : tableRows("data-sets")) {
            sets.put(row.get(1), row);
        }
        Set<String> ids = new HashSet<>();
        quickSight.listDataSets(b -> b.awsAccountId(ACCOUNT)).dataSetSummaries().forEach(s -> ids.add(s.dataSetId()));
        assertThat(sets.keySet()).isEqualTo(ids).contains("orders-spice", "channels-dq", "doomed");
        assertThat(sets.get("orders-spice").subList(0, 4)).containsExactly("Orders SPICE", "orders-spice", "SPICE",
                "COMPLETED");
        String count = String.valueOf(quickSight.listIngestions(b -> b.awsAccountId(ACCOUNT)
                .dataSetId("orders-spice")).ingestions().stream().filter(i -> i.ingestionStatus()
                        == IngestionStatus.COMPLETED).findFirst().orElseThrow().rowInfo().rowsIngested());
        assertThat(sets.get("orders-spice").get(5)).isEqualTo(count);
        assertThat(sets.get("channels-dq").subList(0, 4)).containsExactly("Channels", "channels-dq", "DIRECT_QUERY",
                "");
        assertThat(sets.get("doomed").get(3)).isEqualTo("FAILED");
        assertThat(tableRows("data-sources")).contains(List.of("Shop", "shop", "ATHENA", "CREATION_SUCCESSFUL", ""));
        assertThat(browser.visible(By.cssSelector("#data-sets a[href='#/data-sets/orders-spice']")).getText())
                .isEqualTo("Orders SPICE");
        browser.visible(By.xpath("//button[text()='New dataset']"));
        browser.visible(By.xpath("//button[text()='New data source']"));
        browser.visible(By.xpath("//button[text()='New analysis']"));
        browser.screenshot("start-page");
        assertThat(browser.consoleErrors()).filteredOn(e -> !e.contains("Failed to load resource")).isEmpty();
    }
}
