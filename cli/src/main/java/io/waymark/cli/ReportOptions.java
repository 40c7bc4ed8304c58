package io.waymark.cli;

import io.waymark.report.view.Quarter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options of the commands that write the reports ({@code report}, {@code ci}). */
final class ReportOptions {

  @Option(
      names = "--out",
      required = true,
      paramLabel = "OUT",
      description = "The folder to write the results into (created when missing).")
  Path out;

  @Option(
      names = "--quarter",
      paramLabel = "YYYY-Qn",
      description =
          "The quarter to review, e.g. 2027-Q2, a year from 1000 to 9999 (default: the quarter"
              + " of the as-of date).")
  String quarter;

  @Option(names = "--no-pdf", description = "Skip the PDF report (the slow part).")
  boolean noPdf;

  @Option(
      names = "--dashboard-pdf",
      description =
          "Also write dashboard.pdf: the executive dashboard on one landscape A4 page (with or"
              + " without --no-pdf).")
  boolean dashboardPdf;

  /** The quarter asked for with --quarter; empty for the quarter of the as-of date. */
  Optional<Quarter> asked() {
    return Optional.ofNullable(quarter).map(DateArguments::quarter);
  }

  /** Whether to render the QBR's PDF. */
  boolean pdf() {
    return !noPdf;
  }
}
