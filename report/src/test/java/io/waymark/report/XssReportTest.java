package io.waymark.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.ValidationResult;
import io.waymark.report.view.Quarter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A roadmap text never becomes markup (SPEC §8), in the HTML and in the Markdown. */
class XssReportTest {

  @TempDir static Path repository;

  private static RenderedReport report;

  @BeforeAll
  static void render() throws Exception {
    XssFixture.create(repository);
    ValidationResult result = Examples.validate(repository, "xss");
    report =
        Reports.render(ReportInput.of(result).withQuarter(Quarter.parse("2027-Q1")).withPdf(false));
  }

  @Test
  void shouldEscapeEveryPayloadInTheHtml() {
    for (String name : new String[] {"qbr-2027-Q1.html", "dashboard.html"}) {
      String html = report.text(name);
      assertThat(html).as(name).doesNotContain("<script", "<img", "<b ", "href=\"javascript");
      assertThat(html).as(name).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
    String qbr = report.text("qbr-2027-Q1.html");
    assertThat(qbr).contains("&lt;img src=x onerror=alert(1)&gt;");
    assertThat(qbr).contains("javascript:alert(1)").doesNotContain("href=\"javascript:");
    assertThat(qbr)
        .contains("<a href=\"https://example.com/gate?a=1&amp;b=2\" rel=\"noopener noreferrer\">");
  }

  /** A bidirectional-text control in a roadmap text cannot reorder the words after it. */
  @Test
  void shouldShowBidirectionalControlsInsteadOfApplyingThem() {
    for (String name : new String[] {"qbr-2027-Q1.html", "dashboard.html", "qbr-2027-Q1.md"}) {
      String text = report.text(name);
      assertThat(text).as(name).doesNotContain("\u202E").contains("invoice-\uFFFDfdp.exe");
    }
  }

  @Test
  void shouldEscapeEveryPayloadInTheMarkdown() {
    String md = report.text("qbr-2027-Q1.md");
    assertThat(md).doesNotContain("<script", "<img", "<b ");
    // A link needs an unescaped "](": every "]" of a roadmap text is escaped.
    assertThat(md).doesNotContainPattern("(?<!\\\\)\\]\\(javascript");
    assertThat(md).contains("&lt;script>alert(1)&lt;/script>", "&lt;img src=x onerror=alert(1)>");
    assertThat(md).contains("\\[x\\](javascript:alert(1))");
    assertThat(md)
        .contains("[https://example.com/gate?a=1&amp;b=2](https://example.com/gate?a=1&amp;b=2)");
  }
}
