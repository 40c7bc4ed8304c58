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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
  private static CspServer xss;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(
        CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
        "chromium and chromedriver are not installed");
    Path exampleOut = work.resolve("example");
    Reports.render(ReportInput.of(Examples.example()).withPdf(false)).writeTo(exampleOut);
    example = new CspServer(exampleOut);

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
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (example != null) {
      example.close();
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

  /** The stylesheet loaded under the policy: the RAG chips have their colours. */
  private static void assertStylesheetApplied() {
    WebElement chip = driver.findElement(By.cssSelector(".health .rag"));
    assertThat(chip.getCssValue("background-color")).isEqualTo("rgba(194, 124, 0, 1)");
    assertThat(chip.getCssValue("color")).isEqualTo("rgba(255, 255, 255, 1)");
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
