package io.glaux.ui;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** The UI shell in a real Chromium: served unsigned on the API port, it connects to the account and loads ECharts. */
class WebUiShellTest extends SampleDataBrowserTest {

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
