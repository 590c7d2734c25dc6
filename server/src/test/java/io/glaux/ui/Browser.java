package io.glaux.ui;

import io.glaux.athena.api.ExternalClient;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven by Selenium, at 1280×800,
 * on a Glaux server's UI. A missing browser skips the test on a developer machine and fails it under CI, where
 * .ci/run installs it. Screenshots go to {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    /** How long a page may take to show what a test waits for. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String baseUrl;

    private Browser(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /** Opens Chromium on {@code baseUrl} (e.g. a GlauxServer's endpoint). */
    public static Browser open(String baseUrl) {
        Path chromium = ExternalClient.require(Path.of("/usr/bin/chromium"), "apt-get install chromium");
        Path chromeDriver = ExternalClient.require(Path.of("/usr/bin/chromedriver"), "apt-get install chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,800", "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromeDriver.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 800));
        return new Browser(driver, baseUrl);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Loads a page of the UI by its hash route, e.g. {@code go("#/query")}; earlier console errors are dropped. */
    public Browser go(String hash) {
        consoleErrors();
        driver.get(baseUrl + "/" + hash);
        return this;
    }

    /** Loads a URL as it is (an embed URL). */
    public Browser load(String url) {
        driver.get(url);
        return this;
    }

    /** The first element matching, once it is visible. */
    public WebElement visible(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until an element matching has exactly this text (trimmed); returns it. */
    public WebElement text(By by, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textMatches(by,
                java.util.regex.Pattern.compile("^\\s*" + java.util.regex.Pattern.quote(text) + "\\s*$")));
        return driver.findElement(by);
    }

    /** Waits until an element matching contains this text; returns it. */
    public WebElement containing(By by, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return driver.findElement(by);
    }

    /**
     * Waits until {@code count} dashboard visuals have answered, each {@code ready} or {@code error} (a visual that has
     * not yet been marked {@code loading} has not answered), for at most {@code timeout}.
     */
    public void awaitVisuals(int count, Duration timeout) {
        new WebDriverWait(driver, timeout).withMessage(() -> count + " visuals answered; the page at "
                + driver.getCurrentUrl() + " shows visuals in states " + driver.findElements(By.cssSelector(".visual"))
                .stream().map(v -> v.getAttribute("data-state")).toList() + " under the heading "
                + driver.findElements(By.cssSelector("#page h1")).stream().map(WebElement::getText).toList())
                .until(d -> d.findElements(By.cssSelector(
                        ".visual[data-state='ready'], .visual[data-state='error']")).size() == count);
    }

    /** Waits until a condition on the driver holds. */
    public <T> T until(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition::apply);
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Runs JavaScript in the page (e.g. to read an ECharts instance's option). */
    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Saves a PNG of the viewport as target/screenshots/{name}.png; its path. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The browser console's errors since the last call (uncaught exceptions, failed module loads). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
