package io.glaux.ui;

import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The UI shell in a real Chromium: served unsigned on the API port, it connects to the account and loads ECharts. */
@Tag("browser")
class WebUiShellTest {

    @TempDir
    static Path data;
    static UiFixture ui;
    static GlauxServer server;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        ui = UiFixture.start(data);
        server = ui.server;
        browser = ui.browser;
    }

    @AfterAll
    static void stop() {
        if (ui != null) {
            ui.close();
        }
    }

    @Test
    void pageShowsTheAccountItPlaysAndLoadsEchartsFromTheServer() {
        browser.go("#/");
        browser.text(By.id("account"), "account 000000000000 · us-east-1");
        Object init = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[0];"
                        + "import('/lib/echarts/echarts.esm.min.js').then(m => done(typeof m.init + ' ' + m.version),"
                        + " e => done(String(e)));");
        assertThat(String.valueOf(init)).startsWith("function 5.");
    }

    @Test
    void unknownRouteShowsAnErrorInsteadOfABlankPage() {
        browser.go("#/no-such-page");
        assertThat(browser.visible(By.cssSelector("[role=alert]")).getText()).contains("No page at #/no-such-page");
    }
}
