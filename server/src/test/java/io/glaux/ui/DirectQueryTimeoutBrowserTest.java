package io.glaux.ui;

import io.glaux.quicksight.api.ShopDashboard;
import io.glaux.server.GlauxServer;
import io.glaux.server.faults.FaultRules;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import software.amazon.awssdk.services.quicksight.model.DataSetImportMode;

import java.nio.file.Path;
import java.time.Duration;

import static io.glaux.quicksight.api.QuickSightClients.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

/** A direct query that runs past the visual's time limit shows QuickSight's timeout on that visual only. */
@Tag("browser")
class DirectQueryTimeoutBrowserTest {

    @TempDir
    Path data;

    @Test
    void aDirectQueryPastItsTimeLimitShowsQuickSightsTimeoutOnItsVisualOnly() throws Exception {
        // The donut's query (the one grouped by status alone) stays RUNNING for a minute; a visual may take 20 s. The six visuals'
        // queries run side by side (as Athena runs them), so none waits behind the slow one.
        FaultRules slowDonut = FaultRules.parse("""
                {"rules": [{"service": "athena", "sql": "GROUP BY \\"status\\"[)]", "latency": 60000}]}""");
        try (UiFixture ui = UiFixture.start(GlauxServer.builder().dataFolder(data).faults(slowDonut)
                .maxConcurrentQueries(ShopDashboard.visualIds().size()).directQueryTimeout(Duration.ofSeconds(20)))) {
            ShopDashboard.createDataSet(ui.quickSight, "orders", DataSetImportMode.DIRECT_QUERY);
            ui.quickSight.createDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("shop").name("Shop")
                    .definition(ShopDashboard.definition("arn:aws:quicksight:us-east-1:000000000000:dataset/orders")));
            ui.browser.go("#/dashboards/shop");
            ui.browser.awaitVisuals(ShopDashboard.visualIds().size(), Duration.ofMinutes(2));

            WebElement donut = ui.browser.visible(By.cssSelector(".visual[data-visual-id='by-status']"));
            assertThat(donut.getAttribute("data-state")).isEqualTo("error");
            assertThat(donut.findElement(By.cssSelector("[role=alert]")).getText())
                    .startsWith("QueryTimeoutException: Query timeout").contains("ran for more than 20 seconds");
            for (String visual : ShopDashboard.visualIds()) {
                if (!visual.equals("by-status")) {
                    WebElement other = ui.browser.visible(By.cssSelector(".visual[data-visual-id='" + visual + "']"));
                    assertThat(other.getAttribute("data-state")).as(visual + ": " + other.getText()).isEqualTo("ready");
                    assertThat(other.findElements(By.cssSelector("[role=alert]"))).as(visual).isEmpty();
                }
            }
            ui.browser.screenshot("dashboard-direct-query-timeout");
        }
    }
}
