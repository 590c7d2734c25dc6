package io.glaux.ui;

import io.glaux.events.AlertRules;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The alerts page in Chromium: a failed query's event, its error and the delivery its rule made. */
class AlertsPageBrowserTest extends SampleDataBrowserTest {

    @Test
    void aFailedQueryShowsWithItsErrorAndTheAlertItsRuleTriedToDeliver() throws Exception {
        // The target is down: the delivery stays PENDING while it is retried.
        server.alerts().rules(AlertRules.parse("""
                {"Rules": [{"Name": "failed-queries", "EventPattern": {"source": ["aws.athena"],
                  "detail": {"currentState": ["FAILED"]}},
                  "Targets": [{"Id": "hook", "HttpEndpoint": "http://127.0.0.1:9/alerts"}]}]}"""));
        String id = athena.startQueryExecution(b -> b.queryString("SELECT * FROM shop.no_such_table"))
                .queryExecutionId();
        long deadline = System.nanoTime() + Browser.WAIT.toNanos();
        while (athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution().status().state()
                != QueryExecutionState.FAILED && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        String error = athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution().status()
                .athenaError().errorMessage();

        browser.go("#/alerts");
        new org.openqa.selenium.support.ui.Select(browser.visible(By.id("event-state"))).selectByValue("FAILED");
        WebElement row = browser.until(d -> d.findElements(By.cssSelector("#events tbody tr")).stream()
                .filter(r -> r.getText().contains(id)).findFirst().orElse(null));
        List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        assertThat(cells.get(1)).isEqualTo("Athena Query State Change");
        assertThat(cells.get(2)).isEqualTo("RUNNING → FAILED");
        assertThat(cells.get(3)).isEqualTo(id);
        assertThat(cells.get(4)).isEqualTo("primary");
        assertThat(cells.get(5)).isEqualTo(error);
        assertThat(cells.get(6)).startsWith("failed-queries/hook PENDING");
        assertThat(browser.all(By.cssSelector("#events tbody tr"))).allSatisfy(r -> assertThat(r.getText())
                .contains("FAILED"));
        assertThat(browser.visible(By.id("alert-rules")).getText()).contains("failed-queries")
                .contains("http://127.0.0.1:9/alerts");

        row.findElement(By.linkText(id)).click();
        browser.until(d -> d.getCurrentUrl().endsWith("#/query?id=" + id));
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
