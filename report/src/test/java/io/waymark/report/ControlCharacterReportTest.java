package io.waymark.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.ValidationResult;
import io.waymark.report.view.Quarter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A control character in a roadmap text (escape, vertical tab, U+FFFE, a lone surrogate) is
 * replaced in the HTML, the Markdown and the PDF, and every report file is still written.
 */
class ControlCharacterReportTest {

  @TempDir Path repository;

  private void replace(String file, String from, String to) throws Exception {
    Path path = repository.resolve(file);
    String text = Files.readString(path, StandardCharsets.UTF_8);
    assertThat(text).as("fixture anchor").contains(from);
    Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
  }

  @Test
  void shouldRenderEveryReportWithControlCharactersReplaced() throws Exception {
    Examples.copyExample(repository);
    // YAML escapes: \e is U+001B, \v U+000B; \uFFFE and \uD800 as written.
    replace(
        "roadmap.yaml",
        "  title: AI Infrastructure Modernisation 2027-2028",
        "  title: \"AI \\e[31mInfrastructure\\v Modernisation \\uFFFE 2027 \\uD800 2028\"");
    replace(
        "roadmap.yaml",
        "          title: Readiness scorecard and top-three constraint plan published",
        "          title: \"Readiness\\e[2J scorecard \\uD800\\v\\uFFFE\"");
    ValidationResult result = Examples.validate(repository, "control");

    RenderedReport report =
        Reports.render(ReportInput.of(result).withQuarter(Quarter.parse("2027-Q1")));

    assertThat(report.files())
        .containsKeys("qbr-2027-Q1.html", "qbr-2027-Q1.md", "qbr-2027-Q1.pdf", "dashboard.html");
    for (String name : new String[] {"qbr-2027-Q1.html", "qbr-2027-Q1.md", "dashboard.html"}) {
      String text = report.text(name);
      assertThat(text)
          .as(name)
          .doesNotContain("\u001b", "\u000b", "\uFFFE", "\uD800")
          .contains("Infrastructure");
    }
    assertThat(report.text("qbr-2027-Q1.html")).contains("AI \uFFFD[31mInfrastructure\uFFFD");
    assertThat(report.files().get("qbr-2027-Q1.pdf")).startsWith("%PDF".getBytes());
  }
}
