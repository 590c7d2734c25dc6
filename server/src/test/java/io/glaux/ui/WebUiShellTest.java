package io.glaux.ui;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/** The UI shell in a real Chromium: served unsigned on the API port, it connects to the account and loads ECharts. */
class WebUiShellTest extends SampleDataBrowserTest {

    @Test
    void pageShowsTheAccountItPlaysAndLoadsEchartsFromTheServer() {
        browser.go("#/");
        browser.text(By.id("account"), "account 000000000000 · us-east-1");
        Object init = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
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

    @Test
    void aPageLeftBeforeItsAnswerArrivesLeavesThePageShownSinceInPlace() {
        browser.go("#/");
        browser.text(By.cssSelector("#page h1"), "Start");
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        // The security page's request is held until the test lets it through; release() answers once the page has
        // read the answer and what it does with it has run.
        js.executeScript("const original = window.fetch; const held = [];"
                + "window.fetch = (url, init) => !String(url).includes('/security/aws-resources')"
                + "  ? original(url, init)"
                + "  : new Promise((resolve, reject) => held.push(() => original(url, init).then((response) => {"
                + "      const text = response.text.bind(response); let read;"
                + "      const settled = new Promise((r) => { read = r; });"
                + "      response.text = () => text().then((t) => { setTimeout(read, 0); return t; });"
                + "      resolve(response); return settled; }, reject)));"
                + "window.heldRequests = () => held.length;"
                + "window.release = () => Promise.all(held.splice(0).map((go) => go()));");
        js.executeScript("location.hash = '#/security';");
        browser.until(d -> ((Number) js.executeScript("return window.heldRequests();")).intValue() == 1);
        js.executeScript("location.hash = '#/alerts';");
        browser.text(By.cssSelector("#page h1"), "Alerts");

        js.executeAsyncScript("const done = arguments[0]; window.release().then(() => done());");
        assertThat(browser.all(By.cssSelector("#page h1"))).extracting(e -> e.getText()).containsExactly("Alerts");
        assertThat(browser.all(By.id("save-security"))).isEmpty();
    }
}
