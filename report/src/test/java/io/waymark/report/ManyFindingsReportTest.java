package io.waymark.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.ValidationResult;
import io.waymark.report.view.QuarterlyReview;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository with more findings than the QBR's appendix lists ({@link
 * QuarterlyReview.Appendix#MAX_ROWS}) still gets its whole report. The appendix then ends with an
 * italic note that names the JSON output in code type; the PDF renderer found no italic monospace
 * font for it, and no report at all was written for any repository with more than 200 findings.
 */
class ManyFindingsReportTest {

  /** More documents than the appendix lists, each failing its schema once. */
  private static final int BROKEN = QuarterlyReview.Appendix.MAX_ROWS + 15;

  @TempDir static Path work;

  private static ValidationResult result;
  private static Path out;

  @BeforeAll
  static void render() throws IOException {
    Path repo = Examples.copyExample(work.resolve("many"));
    for (int n = 1; n <= BROKEN; n++) {
      Files.writeString(repo.resolve("use-cases/broken-" + n + ".yaml"), brokenUseCase(n));
    }
    result = Examples.validate(repo, "many");
    out = work.resolve("out");
    Reports.render(ReportInput.of(result)).writeTo(out);
  }

  /** A use case without its spec: one schema error. */
  private static String brokenUseCase(int n) {
    return "apiVersion: waymark/v1\nkind: UseCase\nmetadata:\n  id: uc-broken-" + n + "\n";
  }

  @Test
  void shouldHaveMoreFindingsThanTheAppendixLists() {
    assertThat(result.findings()).hasSizeGreaterThan(QuarterlyReview.Appendix.MAX_ROWS);
  }

  @Test
  void shouldWriteThePdfWithTheNoteOnTheFindingsNotListed() throws IOException {
    Path pdf = out.resolve("qbr-2027-Q2.pdf");
    assertThat(pdf).exists();
    String text;
    try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
      text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
    int more = result.findings().size() - QuarterlyReview.Appendix.MAX_ROWS;
    assertThat(text)
        .contains("and " + more + " more findings not listed here")
        .contains("waymark validate --format json");
  }

  @Test
  void shouldSayTheSameInTheHtmlAndTheMarkdown() throws IOException {
    int more = result.findings().size() - QuarterlyReview.Appendix.MAX_ROWS;
    assertThat(Files.readString(out.resolve("qbr-2027-Q2.html"), StandardCharsets.UTF_8))
        .contains("and " + more + " more findings not listed here");
    assertThat(Files.readString(out.resolve("qbr-2027-Q2.md"), StandardCharsets.UTF_8))
        .contains(more + " more findings");
  }
}
