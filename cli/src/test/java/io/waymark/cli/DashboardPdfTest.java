package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 5: {@code --dashboard-pdf} writes the executive dashboard as one landscape A4 page,
 * the same bytes on every run, next to {@code dashboard.html} (the report module's {@code
 * DashboardSheetTest} measures its printed text and the cut lists).
 */
class DashboardPdfTest {

  @TempDir Path tmp;

  private Path render(String name) {
    Path out = tmp.resolve(name);
    Cli cli =
        Cli.run(
            "report",
            ReportCommandTest.EXAMPLE.toString(),
            "--out",
            out.toString(),
            "--no-pdf",
            "--dashboard-pdf");
    assertThat(cli.code()).as(cli.err()).isZero();
    assertThat(cli.out()).contains("dashboard.pdf");
    return out;
  }

  @Test
  void shouldWriteTheDashboardOnOneLandscapePageTheSameOnEveryRun() throws IOException {
    Path first = render("first");
    Path second = render("second");

    byte[] pdf = Files.readAllBytes(first.resolve("dashboard.pdf"));
    assertThat(pdf).isEqualTo(Files.readAllBytes(second.resolve("dashboard.pdf")));
    assertThat(first.resolve("dashboard.html")).exists();
    assertThat(first.resolve("qbr-2027-Q2.pdf")).as("--no-pdf still skips the QBR").doesNotExist();

    assumeTrue(
        new File("/usr/bin/pdfinfo").canExecute(),
        "pdfinfo is missing: apt-get install poppler-utils");
    String info = run("/usr/bin/pdfinfo", first.resolve("dashboard.pdf").toString());
    assertThat(info)
        .containsPattern("Pages:\\s+1\\n")
        .containsPattern("Page size:\\s+841\\.\\d+ x 595\\.\\d+ pts");
    String text =
        run("/usr/bin/pdftotext", "-enc", "UTF-8", first.resolve("dashboard.pdf").toString(), "-");
    assertThat(text)
        .contains(
            "AI Infrastructure Modernisation 2027-2028",
            "Decisions needed",
            "Key metrics",
            "Needs attention",
            "Timeline");
  }

  @Test
  void shouldWriteNoDashboardPdfUnlessAsked() {
    Path out = tmp.resolve("plain");
    Cli cli =
        Cli.run(
            "report", ReportCommandTest.EXAMPLE.toString(), "--out", out.toString(), "--no-pdf");
    assertThat(cli.code()).as(cli.err()).isZero();
    assertThat(out.resolve("dashboard.pdf")).doesNotExist();
  }

  private static String run(String... command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = p.getInputStream().readAllBytes();
    try {
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return new String(output, StandardCharsets.UTF_8);
  }
}
