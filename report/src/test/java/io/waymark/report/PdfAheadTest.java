package io.waymark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.waymark.engine.ValidationResult;
import io.waymark.report.pdf.FontChain;
import io.waymark.report.pdf.QbrPdf;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The QBR's PDF rendered on a thread of its own while the other templates render: the same bytes as
 * a render on the caller's thread, and a template's failure still reported as the failure.
 */
class PdfAheadTest {

  private static ValidationResult example;

  @TempDir Path repo;

  @BeforeAll
  static void validate() {
    example = Examples.example();
  }

  @Test
  void shouldGiveTheBytesOfARenderOnTheCallersThread() throws IOException {
    Map<String, byte[]> files = Reports.render(ReportInput.of(example)).files();

    String html = new String(files.get("qbr-2027-Q2.html"), StandardCharsets.UTF_8);
    byte[] alone =
        QbrPdf.render(
            html,
            Map.of(Reports.STYLESHEET, files.get(Reports.STYLESHEET)),
            Reports.pdfDate(example.asOf(), System.getenv(Reports.SOURCE_DATE_EPOCH)),
            FontChain.fromEnvironment());

    assertThat(files.get("qbr-2027-Q2.pdf")).isEqualTo(alone);
  }

  @Test
  void shouldReportATemplateThatFailsWhileThePdfRenders() throws IOException {
    Files.createDirectories(repo.resolve("templates"));
    Files.writeString(repo.resolve("templates/qbr.ftlmd"), "# QBR\n${noSuchValue}\n");

    Throwable t =
        catchThrowable(() -> Reports.render(ReportInput.of(example).withRepository(repo)));

    assertThat(t).isInstanceOf(ReportException.class);
    assertThat(t.getMessage()).contains("qbr.ftlmd").contains("line 2").doesNotContain("PDF");
  }
}
