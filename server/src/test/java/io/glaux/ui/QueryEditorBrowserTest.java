package io.glaux.ui;

import io.glaux.quicksight.api.AthenaQueries;
import io.glaux.quicksight.api.QuickSightClients;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The query editor in a real Chromium over the sample data, checked against the same SQL through Athena and S3. */
class QueryEditorBrowserTest extends SampleDataBrowserTest {

    private static final String BY_COUNTRY =
            "SELECT country, count(*) AS customers FROM shop.customers GROUP BY 1 ORDER BY 2 DESC, 1";

    @Test
    void runsAQueryWithCtrlEnterAndShowsEveryCellAthenaReturns() throws Exception {
        browser.consoleErrors(); // what earlier tests left (their refused calls) is not this one's
        browser.go("#/query");
        WebElement sql = typeSql(BY_COUNTRY);
        sql.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        waitForState("SUCCEEDED");
        browser.visible(By.cssSelector("#query-results table"));

        List<List<String>> expected = AthenaQueries.rows(athena, BY_COUNTRY);
        assertThat(expected).hasSizeGreaterThan(1);
        assertThat(headers()).containsExactly("#", "country", "customers");
        assertThat(shownRows()).isEqualTo(expected);
        assertThat(browser.visible(By.id("query-range")).getText()).isEqualTo("Rows 1–" + expected.size());
        String status = browser.visible(By.id("query-status")).getText();
        assertThat(status).contains("SUCCEEDED").containsPattern("Run time: \\d").contains("Data scanned: ")
                .contains("Query ID: " + shownExecutionId());
        assertThat(browser.all(By.id("query-cancel")).get(0).isEnabled()).isFalse();
        browser.script("document.getElementById('query-status').scrollIntoView()");
        browser.screenshot("query-editor-results");
        // The shell has no favicon (not this page's): any other console error is.
        assertThat(browser.consoleErrors()).filteredOn(e -> !e.contains("/favicon.ico")).isEmpty();
    }

    @Test
    void theDownloadLinkServesTheResultObject() throws Exception {
        browser.go("#/query");
        typeSql(BY_COUNTRY);
        run("SUCCEEDED");
        String href = browser.visible(By.id("query-download")).getAttribute("href");
        QueryExecution execution = athena.getQueryExecution(b -> b.queryExecutionId(shownExecutionId()))
                .queryExecution();
        Matcher location = Pattern.compile("s3://([^/]+)/(.+)")
                .matcher(execution.resultConfiguration().outputLocation());
        assertThat(location.matches()).isTrue();

        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        try (S3Client s3 = QuickSightClients.s3(server)) {
            byte[] object = s3.getObjectAsBytes(b -> b.bucket(location.group(1)).key(location.group(2)))
                    .asByteArray();
            assertThat(download.body()).isEqualTo(object);
            assertThat(new String(object)).startsWith("\"country\",\"customers\"");
        }
    }

    @Test
    void pagesThroughAResultLargerThanOnePage() throws Exception {
        String customers = "SELECT * FROM shop.customers ORDER BY 1 LIMIT 35";
        List<List<String>> expected = AthenaQueries.rows(athena, customers);
        assertThat(expected).hasSize(35);
        browser.go("#/query");
        new Select(browser.visible(By.id("query-page-size"))).selectByVisibleText("10");
        typeSql(customers);
        run("SUCCEEDED");
        browser.text(By.id("query-range"), "Rows 1–10");
        assertThat(shownRows()).isEqualTo(expected.subList(0, 10));
        assertThat(browser.visible(By.id("query-previous")).isEnabled()).isFalse();

        browser.visible(By.id("query-next")).click();
        browser.text(By.id("query-range"), "Rows 11–20");
        assertThat(shownRows()).isEqualTo(expected.subList(10, 20));
        assertThat(rowNumbers()).startsWith("11", "12").endsWith("20");

        browser.visible(By.id("query-next")).click();
        browser.text(By.id("query-range"), "Rows 21–30");
        assertThat(shownRows()).isEqualTo(expected.subList(20, 30));

        browser.visible(By.id("query-next")).click();
        browser.text(By.id("query-range"), "Rows 31–35");
        assertThat(shownRows()).isEqualTo(expected.subList(30, 35));
        assertThat(browser.visible(By.id("query-next")).isEnabled()).isFalse();

        browser.visible(By.id("query-previous")).click();
        browser.text(By.id("query-range"), "Rows 21–30");
        assertThat(shownRows()).isEqualTo(expected.subList(20, 30));
    }

    @Test
    void cancelsARunningQuery() throws Exception {
        server.faults().set("{\"rules\": [{\"id\": \"slow\", \"service\": \"athena\", \"sql\": \"AS slow_orders\","
                + " \"latency\": 20000}]}");
        try {
            browser.go("#/query");
            typeSql("SELECT count(*) AS slow_orders FROM shop.orders");
            browser.visible(By.id("query-run")).click();
            waitForState("RUNNING");
            WebElement cancel = browser.visible(By.id("query-cancel"));
            browser.until(d -> cancel.isEnabled());
            assertThat(browser.visible(By.id("query-run")).isEnabled()).isFalse();
            cancel.click();
            waitForState("CANCELLED");
            assertThat(athena.getQueryExecution(b -> b.queryExecutionId(shownExecutionId())).queryExecution()
                    .status().state()).isEqualTo(QueryExecutionState.CANCELLED);
            assertThat(cancel.isEnabled()).isFalse();
            assertThat(browser.visible(By.id("query-run")).isEnabled()).isTrue();
            assertThat(browser.all(By.cssSelector("#query-results table"))).isEmpty();
        } finally {
            server.faults().clear();
        }
    }

    @Test
    void aBadQueryShowsAthenasErrorAndKeepsTheSql() throws Exception {
        String bad = "SELECT nope FROM shop.customers";
        browser.go("#/query");
        typeSql(bad);
        run("FAILED");
        String id = shownExecutionId();
        var status = athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution().status();
        assertThat(status.stateChangeReason()).isNotBlank();
        WebElement error = browser.visible(By.cssSelector("#query-error[role=alert]"));
        assertThat(error.getText()).contains(status.stateChangeReason())
                .contains("ErrorCategory " + status.athenaError().errorCategory())
                .contains("ErrorType " + status.athenaError().errorType());
        assertThat(sqlText()).isEqualTo(bad);
        browser.screenshot("query-editor-error");
    }

    @Test
    void anApiErrorShowsItsCodeAndMessageAndKeepsTheSql() {
        athena.createWorkGroup(b -> b.name("no-output"));
        String sql = "SELECT count(*) FROM shop.orders";
        browser.go("#/query");
        new Select(browser.visible(By.id("query-workgroup"))).selectByVisibleText("no-output");
        typeSql(sql);
        browser.visible(By.id("query-run")).click();
        var refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> athena.startQueryExecution(b -> b.workGroup("no-output").queryString(sql)),
                software.amazon.awssdk.services.athena.model.AthenaException.class);
        WebElement alert = browser.visible(By.cssSelector("#query-problems [role=alert]"));
        assertThat(alert.getText()).isEqualTo(refused.awsErrorDetails().errorCode() + ": "
                + refused.awsErrorDetails().errorMessage());
        assertThat(sqlText()).isEqualTo(sql);
        assertThat(browser.visible(By.id("query-run")).isEnabled()).isTrue();
    }

    @Test
    void anExecutionsUrlOpensItsSqlAndResults() throws Exception {
        String sql = "SELECT status, count(*) AS orders FROM shop.orders GROUP BY 1 ORDER BY 1";
        String id = AthenaQueries.run(athena, sql);
        browser.go("#/query?id=" + id);
        waitForState("SUCCEEDED");
        browser.visible(By.cssSelector("#query-results table"));
        assertThat(sqlText()).isEqualTo(sql);
        assertThat(shownRows()).isEqualTo(AthenaQueries.rows(athena, sql));

        browser.go("#/query?id=no-such-execution");
        assertThat(browser.visible(By.cssSelector("#query-problems [role=alert]")).getText())
                .isEqualTo("InvalidRequestException: QueryExecution no-such-execution was not found");
        browser.until(d -> new Select(d.findElement(By.id("query-database"))).getOptions().size() > 0);
    }

    @Test
    void historyListsTheWorkgroupsQueriesNewestFirstAndOpensOne() throws Exception {
        createWorkGroup("history-check");
        String good = "SELECT count(*) AS n FROM shop.products";
        String bad = "SELECT nope FROM shop.products";
        browser.go("#/query");
        new Select(browser.visible(By.id("query-workgroup"))).selectByVisibleText("history-check");
        typeSql(good);
        run("SUCCEEDED");
        String goodId = shownExecutionId();
        typeSql(bad);
        run("FAILED");

        browser.visible(By.id("query-tab-history")).click();
        browser.until(d -> historyRows().size() == 2);
        List<List<String>> rows = historyRows();
        assertThat(rows.get(0).subList(0, 2)).containsExactly(bad, "FAILED");
        assertThat(rows.get(1).subList(0, 2)).containsExactly(good, "SUCCEEDED");
        assertThat(rows.get(1).get(2)).isNotBlank();
        assertThat(rows.get(1).get(4)).matches("[\\d.]+ (B|KB|MB)");

        browser.visible(By.cssSelector("#query-history tr[data-id='" + goodId + "'] button")).click();
        waitForState("SUCCEEDED");
        browser.until(d -> shownExecutionId().equals(goodId));
        assertThat(sqlText()).isEqualTo(good);
        browser.visible(By.cssSelector("#query-results table"));
        assertThat(shownRows()).isEqualTo(AthenaQueries.rows(athena, good));
        assertThat(new Select(browser.visible(By.id("query-workgroup"))).getFirstSelectedOption().getText())
                .isEqualTo("history-check");
    }

    @Test
    void savesANamedQueryAndOpensItAfterAReload() {
        String sql = "SELECT category, count(*) AS products FROM shop.products GROUP BY 1";
        browser.go("#/query");
        typeSql(sql);
        browser.visible(By.id("query-tab-saved")).click();
        browser.visible(By.id("saved-name")).sendKeys("Products per category");
        browser.visible(By.id("saved-description")).sendKeys("How many products each category has");
        browser.visible(By.id("saved-save")).click();
        browser.containing(By.id("saved-list"), "Products per category");
        var named = athena.listNamedQueries(b -> b.workGroup("primary")).namedQueryIds().stream()
                .map(id -> athena.getNamedQuery(b -> b.namedQueryId(id)).namedQuery())
                .filter(q -> q.name().equals("Products per category")).toList();
        assertThat(named).hasSize(1);
        assertThat(named.get(0).queryString()).isEqualTo(sql);
        assertThat(named.get(0).database()).isEqualTo("shop");
        assertThat(named.get(0).description()).isEqualTo("How many products each category has");

        browser.driver().navigate().refresh();
        browser.visible(By.id("query-sql"));
        assertThat(sqlText()).isEmpty();
        browser.visible(By.id("query-tab-saved")).click();
        By open = By.xpath("//div[@id='saved-list']//button[normalize-space()='Products per category']");
        browser.visible(open).click();
        browser.until(d -> sqlText().equals(sql));

        browser.visible(By.cssSelector("#saved-list button[aria-label='Delete Products per category']")).click();
        browser.until(d -> d.findElements(open).isEmpty());
        assertThat(athena.listNamedQueries(b -> b.workGroup("primary")).namedQueryIds())
                .doesNotContain(named.get(0).namedQueryId());
    }

    @Test
    void switchingWorkgroupShowsItsOwnEmptyHistory() throws Exception {
        AthenaQueries.run(athena, "SELECT 1");
        createWorkGroup("analysts");
        browser.go("#/query");
        browser.visible(By.id("query-tab-history")).click();
        browser.until(d -> !historyRows().isEmpty());

        new Select(browser.visible(By.id("query-workgroup"))).selectByVisibleText("analysts");
        browser.text(By.id("query-history-empty"), "No queries in analysts yet.");
        assertThat(historyRows()).isEmpty();
        assertThat(browser.driver().getCurrentUrl()).contains("workgroup=analysts");

        new Select(browser.visible(By.id("query-workgroup"))).selectByVisibleText("primary");
        browser.until(d -> !historyRows().isEmpty());
    }

    @Test
    void clickingATableNamePutsItInTheEditor() {
        browser.go("#/query");
        assertThat(new Select(browser.visible(By.id("query-database"))).getFirstSelectedOption().getText())
                .isEqualTo("shop");
        WebElement sql = typeSql("SELECT * FROM ");
        browser.visible(By.xpath("//ul[@id='query-tables']//button[normalize-space()='customers']")).click();
        assertThat(sqlText()).isEqualTo("SELECT * FROM shop.customers");
        assertThat(browser.driver().switchTo().activeElement()).isEqualTo(sql);
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private static void createWorkGroup(String name) {
        String primaryOutput = athena.getWorkGroup(b -> b.workGroup("primary")).workGroup().configuration()
                .resultConfiguration().outputLocation();
        athena.createWorkGroup(b -> b.name(name).configuration(c -> c.resultConfiguration(
                r -> r.outputLocation(primaryOutput.replaceAll("/?$", "/") + name + "/"))));
    }

    private static WebElement typeSql(String sql) {
        WebElement area = browser.visible(By.id("query-sql"));
        area.clear();
        area.sendKeys(sql);
        return area;
    }

    private static String sqlText() {
        return (String) browser.script("return document.getElementById('query-sql').value");
    }

    private static void run(String finalState) {
        browser.until(d -> d.findElement(By.id("query-run")).isEnabled());
        browser.visible(By.id("query-run")).click();
        waitForState(finalState);
    }

    private static void waitForState(String state) {
        browser.visible(By.cssSelector("#query-status[data-state='" + state + "']"));
    }

    /** The execution the page shows, from its URL (#/query?id=...). */
    private static String shownExecutionId() {
        Matcher id = Pattern.compile("[?&]id=([^&]+)").matcher(browser.driver().getCurrentUrl());
        assertThat(id.find()).as(browser.driver().getCurrentUrl()).isTrue();
        return id.group(1);
    }

    private static List<String> headers() {
        return browser.all(By.cssSelector("#query-results thead th")).stream().map(WebElement::getText).toList();
    }

    private static List<String> rowNumbers() {
        return browser.all(By.cssSelector("#query-results tbody th")).stream().map(WebElement::getText).toList();
    }

    /** The result cells shown, a list per row; an empty cell is null (SQL NULL) as in GetQueryResults. */
    @SuppressWarnings("unchecked")
    private static List<List<String>> shownRows() {
        return (List<List<String>>) browser.script("return [...document.querySelectorAll('#query-results tbody tr')]"
                + ".map(tr => [...tr.querySelectorAll('td')].map(td => td.textContent === '' ? null : td.textContent))");
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> historyRows() {
        return (List<List<String>>) browser.script("return [...document.querySelectorAll('#query-history tbody tr')]"
                + ".map(tr => [...tr.querySelectorAll('td')].map(td => td.textContent))");
    }
}
