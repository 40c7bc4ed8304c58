package io.waymark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.report.view.Quarter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The reports in a real browser (Debian Chromium, headless) under Jenkins' Content-Security-Policy
 * for archived artifacts: no violation, no console error, the stylesheet applied, charts drawn; and
 * the payloads of the XSS fixture shown as text. Skipped when chromium or chromedriver is not
 * installed ({@code apt-get install -y chromium chromium-driver}).
 */
class BrowserTest {

  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

  @TempDir static Path work;

  private static ChromeDriver driver;
  private static CspServer example;
  private static CspServer exampleWithoutPolicy;
  private static CspServer xss;
  private static AxeCore.Loaded axe;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(
        CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
        "chromium and chromedriver are not installed");
    Path exampleOut = work.resolve("example");
    Reports.render(ReportInput.of(Examples.example()).withPdf(false)).writeTo(exampleOut);
    example = new CspServer(exampleOut);
    exampleWithoutPolicy = new CspServer(exampleOut, false);

    Path repo = XssFixture.create(Files.createDirectories(work.resolve("xss-repo")));
    Path xssOut = work.resolve("xss");
    Reports.render(
            ReportInput.of(Examples.validate(repo, "xss"))
                .withQuarter(Quarter.parse("2027-Q1"))
                .withPdf(false))
        .writeTo(xssOut);
    xss = new CspServer(xssOut);

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,900",
        "--user-data-dir=" + Files.createDirectories(work.resolve("chromium-profile")));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
    axe = AxeCore.load();
  }

  @AfterEach
  void desktopAgain() {
    if (driver != null) {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (example != null) {
      example.close();
    }
    if (exampleWithoutPolicy != null) {
      exampleWithoutPolicy.close();
    }
    if (xss != null) {
      xss.close();
    }
  }

  @Test
  void shouldShowTheQbrUnderJenkinsCspWithoutErrors() throws IOException {
    open(example.url("qbr-2027-Q2.html"));

    assertThat(driver.getTitle())
        .isEqualTo("Northwind Logistics: quarterly business review Q2 2027");
    assertNoConsoleErrors();
    assertStylesheetApplied();
    assertThat(driver.findElements(By.cssSelector("svg.trend"))).hasSize(7);
    assertThat(driver.findElements(By.cssSelector("svg.timeline, svg.matrix, svg.budget-split")))
        .hasSize(3);
    // Issue 10: the burn chart, a tornado chart per major business case, commentary, reasons.
    assertThat(driver.findElements(By.cssSelector("#spend ~ .chart-block svg.burn"))).hasSize(1);
    assertThat(driver.findElements(By.cssSelector("svg.tornado"))).hasSize(6);
    assertThat(
            driver.findElements(By.cssSelector("svg.burn desc")).get(0).getAttribute("textContent"))
        .contains("Month 4 (to 3 May 2027): planned EUR 501,667, actual EUR 487,000");
    assertThat(driver.findElements(By.cssSelector(".tile .commentary"))).hasSize(2);
    assertThat(driver.findElement(By.cssSelector("ul.robustness")).getText())
        .contains("StreamForge stays first with its band");
    assertNotBlank(screenshot("qbr"));
  }

  @Test
  void shouldShowTheDashboardUnderJenkinsCspWithoutErrors() throws IOException {
    open(example.url("dashboard.html"));

    assertNoConsoleErrors();
    assertStylesheetApplied();
    assertThat(driver.findElements(By.cssSelector(".tile"))).hasSize(7);
    assertThat(driver.findElements(By.cssSelector(".tile .commentary")))
        .extracting(WebElement::getText)
        .anyMatch(t -> t.startsWith("Commentary: Behind pace: two engineers of cohort 1"));
    assertThat(driver.findElements(By.cssSelector("svg.burn"))).hasSize(1);
    assertThat(driver.findElement(By.id("spend")).isDisplayed()).isTrue();
    assertNotBlank(screenshot("dashboard"));
  }

  @Test
  void shouldShowEveryPayloadAsText() {
    for (String page : List.of("qbr-2027-Q1.html", "dashboard.html")) {
      open(xss.url(page));

      assertThatThrownBy(() -> driver.switchTo().alert())
          .isInstanceOf(NoAlertPresentException.class);
      assertThat(driver.findElements(By.tagName("script"))).as(page).isEmpty();
      assertThat(driver.findElements(By.tagName("img"))).as(page).isEmpty();
      assertThat(driver.findElements(By.cssSelector("[onerror], [onmouseover]")))
          .as(page)
          .isEmpty();
      String text = driver.findElement(By.tagName("body")).getText();
      assertThat(text).as(page).contains("Northwind <b onmouseover=alert(1)>Logistics</b>");
      assertNoConsoleErrors();
    }
    open(xss.url("qbr-2027-Q1.html"));
    String text = driver.findElement(By.tagName("body")).getText();
    assertThat(text).contains(XssFixture.PAYLOADS);
    for (WebElement a : driver.findElements(By.tagName("a"))) {
      String href = a.getDomAttribute("href");
      assertThat(href)
          .as("link %s", a.getText())
          .matches("(https?://|#|[a-z0-9-]+\\.(html|pdf|md)$).*");
    }
    assertThat(
            driver
                .findElement(By.linkText("https://example.com/gate?a=1&b=2"))
                .getDomAttribute("href"))
        .isEqualTo("https://example.com/gate?a=1&b=2");
  }

  /**
   * Issue 15: axe-core finds no serious or critical violation on either report, on a desktop and on
   * a phone; the violations it finds are listed in the failure message.
   */
  @ParameterizedTest(name = "{0} at {1} px")
  @CsvSource({
    "qbr-2027-Q2.html, 1440",
    "qbr-2027-Q2.html, 390",
    "dashboard.html, 1440",
    "dashboard.html, 390"
  })
  void shouldHaveNoSeriousOrCriticalAccessibilityViolations(String page, int width) {
    Assumptions.assumeTrue(axe.script().isPresent(), axe.problem());
    viewport(width);
    // The same files without the policy: its sandbox runs no script timers, which axe-core needs.
    open(exampleWithoutPolicy.url(page));

    List<String> serious = axeViolations(axe.script().get());

    assertThat(serious)
        .as(
            "axe-core %s: serious or critical violations on %s at %d px",
            AxeCore.VERSION, page, width)
        .isEmpty();
  }

  /**
   * Issue 15: at 390 px the page does not scroll sideways, and no chart text is drawn smaller than
   * 10 px, on a phone or on a desktop.
   */
  @ParameterizedTest(name = "{0} at {1} px")
  @CsvSource({
    "qbr-2027-Q2.html, 1440",
    "qbr-2027-Q2.html, 390",
    "dashboard.html, 1440",
    "dashboard.html, 390"
  })
  void shouldFitTheScreenWithReadableChartText(String page, int width) {
    viewport(width);
    open(example.url(page));

    Number scrollWidth =
        (Number) driver.executeScript("return document.documentElement.scrollWidth;");
    assertThat(scrollWidth.intValue())
        .as("page width of %s at %d px", page, width)
        .isLessThanOrEqualTo(width);
    @SuppressWarnings("unchecked")
    List<String> small =
        (List<String>)
            driver.executeScript(
                "const out = [];"
                    + "for (const t of document.querySelectorAll('svg text')) {"
                    + "  const r = t.getBoundingClientRect();"
                    + "  if (r.width === 0 && r.height === 0) continue;"
                    + "  const m = t.getScreenCTM();"
                    + "  const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);"
                    + "  if (px < 9.95) out.push(px.toFixed(1) + ' px: '"
                    + "    + t.closest('svg').getAttribute('class') + ': ' + t.textContent);"
                    + "}"
                    + "return out;");
    assertThat(small).as("chart text below 10 px on %s at %d px", page, width).isEmpty();
  }

  /** A viewport of the given width: 390 px is a phone (a mobile viewport), else a desktop. */
  private static void viewport(int width) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of(
            "width",
            width,
            "height",
            width < 600 ? 844 : 900,
            "deviceScaleFactor",
            1,
            "mobile",
            width < 600));
  }

  /** Runs axe-core on the open page: its serious and critical violations, one line per node. */
  private static List<String> axeViolations(String script) {
    driver.executeScript(script);
    Object result =
        driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                // target-size (WCAG 2.2 AA) is off by default; Lighthouse runs it (issue 15).
                + "axe.run(document, {resultTypes: ['violations'],"
                + "  rules: {'target-size': {enabled: true}}})"
                + "  .then(r => done({version: axe.version, violations: r.violations.map(v => ({"
                + "    id: v.id, impact: v.impact, help: v.help,"
                + "    nodes: v.nodes.map(n => n.target.join(' ') + ' | ' + (n.failureSummary || '')"
                + "      + ' | ' + n.html.slice(0, 160))}))}))"
                + "  .catch(e => done({error: String(e)}));");
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) result;
    assertThat(map).as("axe.run").doesNotContainKey("error");
    assertThat(map.get("version")).isEqualTo(AxeCore.VERSION);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> violations = (List<Map<String, Object>>) map.get("violations");
    List<String> out = new java.util.ArrayList<>();
    for (Map<String, Object> v : violations) {
      String impact = String.valueOf(v.get("impact"));
      if (!impact.equals("serious") && !impact.equals("critical")) {
        continue;
      }
      @SuppressWarnings("unchecked")
      List<String> nodes = (List<String>) v.get("nodes");
      for (String n : nodes) {
        out.add(impact + " " + v.get("id") + " (" + v.get("help") + "): " + n.replace('\n', ' '));
      }
    }
    return out;
  }

  private static void open(String url) {
    driver.manage().logs().get(LogType.BROWSER); // drop what earlier pages logged
    driver.get(url);
  }

  private static void assertNoConsoleErrors() {
    List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
    for (LogEntry e : entries) {
      assertThat(e.getMessage())
          .as("browser log: %s %s", e.getLevel(), e.getMessage())
          .doesNotContainIgnoringCase("Content Security Policy")
          .doesNotContainIgnoringCase("Refused to");
      if (!e.getMessage().contains("favicon.ico")) {
        assertThat(e.getLevel().intValue())
            .as("browser log: %s %s", e.getLevel(), e.getMessage())
            .isLessThan(Level.SEVERE.intValue());
      }
    }
  }

  /** The stylesheet loaded under the policy: the RAG chips have their colours (ink on amber). */
  private static void assertStylesheetApplied() {
    WebElement chip = driver.findElement(By.cssSelector(".health .rag"));
    assertThat(chip.getCssValue("background-color")).isEqualTo("rgba(194, 124, 0, 1)");
    assertThat(chip.getCssValue("color")).isEqualTo("rgba(31, 35, 40, 1)");
  }

  private static BufferedImage screenshot(String name) throws IOException {
    byte[] png = driver.getScreenshotAs(OutputType.BYTES);
    Files.write(Path.of("target", "browser-" + name + ".png"), png);
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  private static void assertNotBlank(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertThat(colours.size()).as("distinct colours in the screenshot").isGreaterThan(200);
  }
}
