package io.glaux.ui;

import io.glaux.quicksight.api.AthenaQueries;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.glaux.quicksight.api.QuickSightClients.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's five-minute walkthrough, step by step in a real Chromium: from the sample data to a data source, a SPICE
 * dataset with a calculated column, an analysis with four visuals, a published dashboard whose numbers are Athena's,
 * and the compare action. Its last screenshot is the README's picture of a dashboard.
 */
@Tag("browser")
class WalkthroughBrowserTest {

    private static final Duration SLOW = Duration.ofMinutes(3);

    @TempDir
    Path data;

    @Test
    void fromTheSampleDataToAPublishedDashboard() throws Exception {
        try (UiFixture ui = UiFixture.start(data)) {
            Browser browser = ui.browser;
            // 1. Start → New data source: Athena on the primary workgroup.
            browser.go("#/");
            button(browser, "New data source").click();
            WebElement source = browser.visible(By.id("data-source-form"));
            source.findElement(By.name("id")).sendKeys("athena");
            source.findElement(By.name("name")).sendKeys("Athena");
            pick(browser, source.findElement(By.name("workGroup")), "primary");
            assertEveryControlIsLabelled(browser);
            source.findElement(By.cssSelector("button[type=submit]")).click();

            // 2. New dataset from this source: shop.orders, a calculated revenue column, SPICE, Refresh now.
            browser.visible(By.linkText("New dataset from this source")).click();
            WebElement form = browser.visible(By.id("data-set-form"));
            form.findElement(By.name("dataSetId")).sendKeys("orders");
            WebElement name = form.findElement(By.name("dataSetName"));
            name.clear();
            name.sendKeys("Orders");
            pick(browser, form.findElement(By.name("database")), "shop");
            pick(browser, form.findElement(By.name("table")), "orders");
            browser.visible(By.cssSelector("#columns tr[data-column='order_date']"));
            form.findElement(By.xpath(".//button[text()='Add calculated column']")).click();
            WebElement calculated = browser.visible(By.cssSelector("#calculated-columns .expression-row"));
            calculated.findElement(By.name("name")).sendKeys("revenue");
            calculated.findElement(By.name("expression")).sendKeys("{quantity} * {unit_price}");
            new Select(form.findElement(By.name("importMode"))).selectByValue("SPICE");
            assertEveryControlIsLabelled(browser);
            form.findElement(By.id("save-button")).click();
            slowly(browser, d -> d.getCurrentUrl().endsWith("#/data-sets/orders"));
            browser.visible(By.id("refresh-now")).click();
            slowly(browser, d -> List.of("COMPLETED", "FAILED").contains(d.findElement(By.id("ingestion-status"))
                    .getText()));
            assertThat(browser.visible(By.id("ingestion-status")).getText()).isEqualTo("COMPLETED");

            // 3. New analysis over it, four visuals, Publish.
            browser.go("#/");
            button(browser, "New analysis").click();
            browser.visible(By.name("analysis-name")).sendKeys("Shop");
            browser.visible(By.cssSelector("input[name=dataset][value=orders]")).click();
            browser.visible(By.cssSelector("form button[type=submit]")).click();
            browser.visible(By.id("save-status"));
            addVisual(browser, "bar", "Revenue by channel", "Category", "channel", "revenue", "SUM");
            addVisual(browser, "line", "Revenue by month", "Category", "ordered_at", "revenue", "SUM");
            addVisual(browser, "pie", "Orders by status", "Category", "status", "order_id", "COUNT");
            addVisual(browser, "kpi", "Revenue", null, null, "revenue", "SUM");
            assertEveryControlIsLabelled(browser);
            button(browser, "Publish").click();
            browser.text(By.cssSelector(".published-version"), "1");

            // 4. The dashboard: its numbers are Athena's; compare SPICE with a direct query.
            browser.visible(By.cssSelector("a.dashboard-link")).click();
            browser.until(d -> d.findElements(By.cssSelector(".visual[data-state='ready']")).size() == 4);
            String total = AthenaQueries.rows(ui.athena, "SELECT sum(quantity * unit_price) FROM shop.orders")
                    .get(0).get(0);
            assertThat(new BigDecimal(browser.visible(By.cssSelector(".visual[data-visual-id='revenue'] .kpi-value"))
                    .getText().replace(",", ""))).isEqualByComparingTo(total);
            WebElement bar = browser.visible(By.cssSelector(".visual[data-visual-id='revenue-by-channel']"));
            bar.findElement(By.xpath(".//button[normalize-space()='Compare SPICE / direct query']")).click();
            slowly(browser, d -> bar.findElement(By.cssSelector(".compare")).getText().contains("faster")
                    || bar.findElement(By.cssSelector(".compare")).getText().contains("slower"));
            assertThat(bar.findElement(By.cssSelector(".provenance")).getText()).startsWith("Source: SPICE");
            assertThat(ui.quickSight.describeDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("shop")).dashboard()
                    .version().versionNumber()).isEqualTo(1L);
            browser.screenshot("walkthrough-dashboard");
            assertEveryControlIsLabelled(browser);

            // 5. The start page lists what was made, with its status.
            browser.go("#/");
            browser.containing(By.id("analyses"), "UPDATE_SUCCESSFUL");
            assertThat(browser.visible(By.id("analyses")).getText()).contains("Shop");
            assertThat(browser.visible(By.id("dashboards")).getText()).contains("Shop");
            assertThat(browser.visible(By.id("data-sets")).getText()).contains("Orders").contains("COMPLETED");
            assertThat(browser.visible(By.id("data-sources")).getText()).contains("Athena")
                    .contains("CREATION_SUCCESSFUL");
            assertEveryControlIsLabelled(browser);
            browser.go("#/query");
            browser.visible(By.tagName("textarea"));
            assertEveryControlIsLabelled(browser);
        }
    }

    /**
     * Every visible form control has a label (a label element, aria-label or aria-labelledby) and every button a name,
     * so the page can be used with a screen reader and the keyboard.
     */
    private static void assertEveryControlIsLabelled(Browser browser) {
        Object unlabelled = browser.script("""
                const visible = (e) => e.offsetParent !== null;
                const named = (e) => (e.labels && e.labels.length > 0) || e.getAttribute('aria-label')
                    || e.getAttribute('aria-labelledby') || e.getAttribute('title');
                const controls = [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                    .filter(visible).filter((e) => !named(e)).map((e) => e.outerHTML.slice(0, 120));
                const buttons = [...document.querySelectorAll('button')].filter(visible)
                    .filter((b) => !b.textContent.trim() && !b.getAttribute('aria-label'))
                    .map((b) => b.outerHTML.slice(0, 120));
                return controls.concat(buttons);""");
        assertThat((List<?>) unlabelled).as("controls without a label on " + browser.driver().getCurrentUrl())
                .isEmpty();
    }

    private static void addVisual(Browser browser, String type, String title, String well, String dimension,
            String measure, String aggregation) {
        button(browser, "Add visual").click();
        new Select(browser.visible(By.name("visual-type"))).selectByValue(type);
        browser.driver().findElement(By.name("visual-title")).sendKeys(title);
        if (dimension != null) {
            addField(browser, well, dimension, null);
        }
        addField(browser, "Values", measure, aggregation);
        browser.visible(By.cssSelector("form button[type=submit]")).click();
        browser.until(d -> "saved".equals(d.findElement(By.id("save-status")).getAttribute("data-state"))
                && d.findElements(By.cssSelector(".form-area form")).isEmpty());
    }

    private static void addField(Browser browser, String well, String column, String aggregation) {
        String in = "form.visual-form [data-well=" + well + "] ";
        int before = browser.all(By.cssSelector(in + "select[name=column]")).size();
        browser.driver().findElement(By.xpath("//form[contains(@class,'visual-form')]//fieldset[@data-well='" + well
                + "']/button")).click();
        browser.until(d -> d.findElements(By.cssSelector(in + "select[name=column]")).size() == before + 1);
        List<WebElement> columns = browser.all(By.cssSelector(in + "select[name=column]"));
        new Select(columns.get(columns.size() - 1)).selectByValue(column);
        if (aggregation != null) {
            List<WebElement> aggregations = browser.all(By.cssSelector(in + "select[name=aggregation]"));
            new Select(aggregations.get(aggregations.size() - 1)).selectByValue(aggregation);
        }
    }

    private static WebElement button(Browser browser, String text) {
        return browser.visible(By.xpath("//button[normalize-space()='" + text + "' and not(@type='submit')]"));
    }

    private static void pick(Browser browser, WebElement select, String value) {
        browser.until(d -> select.findElements(By.cssSelector("option[value='" + value + "']")).size() == 1);
        new Select(select).selectByValue(value);
    }

    private static void slowly(Browser browser, java.util.function.Function<org.openqa.selenium.WebDriver, Boolean>
            condition) {
        new WebDriverWait(browser.driver(), SLOW).until(condition::apply);
    }
}
