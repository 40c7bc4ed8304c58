package io.waymark.cli;

import io.waymark.engine.Checkout;
import io.waymark.engine.ValidationOptions;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.history.Commit;
import io.waymark.report.RenderedReport;
import io.waymark.report.text.TerminalText;
import io.waymark.report.view.Quarter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code waymark report [DIR] --out OUT [--quarter YYYY-Qn]}. */
@Command(
    header = "Render the quarterly business review (HTML, PDF, Markdown) and the dashboard.",
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Render the quarterly business review (HTML, PDF, Markdown) and the executive dashboard of the roadmap repository DIR into OUT: qbr-<quarter>.html, qbr-<quarter>.pdf, qbr-<quarter>.md, dashboard.html and waymark.css. A templates/ folder in DIR overrides the bundled templates file by file.",
    footer = {
      "",
      "Examples:",
      "  waymark report example-roadmap --out build/qbr",
      "  waymark report . --out target/reports --quarter 2027-Q1",
      "  waymark report . --out target/reports --rev v2027.1",
      "",
      "A closed quarter (one that ended before the date of the state reported on) is",
      "reported from the last commit on or before its last day, unless --rev names",
      "another revision; the report says which commit it reflects, so it can be",
      "regenerated exactly later.",
      "",
      "Environment: WAYMARK_FONT_DIRS, folders (separated by ':') of TrueType fonts for",
      "the PDF's names that the bundled DejaVu Sans lacks (Chinese, emoji; Debian's",
      "fonts-droid-fallback and fonts-symbola are found without it); SOURCE_DATE_EPOCH,",
      "the PDF's creation date in seconds since 1970 (default: the status date, so that",
      "the same input gives the same PDF).",
      "",
      "Exit codes: 0 reports written; 2 usage error, unreadable folder or a template",
      "that fails (nothing is written then)."
    })
final class ReportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "The roadmap repository folder (default: the current folder).")
  Path dir;

  @Option(names = "--quiet", description = "Print nothing when the reports are written.")
  boolean quiet;

  @Mixin ReportOptions reportOptions;
  @Mixin DateAndConfigOptions dateAndConfig;
  @Mixin DebugOption debug;
  @Mixin GitOptions git;
  @Mixin TemplateTimeout templateTimeout;

  @Override
  public Integer call() throws IOException {
    templateTimeout.limits(); // a usage error before anything is read or written
    Optional<Quarter> asked = reportOptions.asked();
    ValidationOptions options = dateAndConfig.toOptions(dir);
    Checkout target = git.open(GitOptions.waymark(), dir, options);
    try {
      Optional<Commit> closed =
          QuarterlyReports.closedQuarterCommit(
              target,
              QuarterlyReports.named(asked, options.asOf()),
              git.rev != null,
              Clock.systemUTC());
      if (closed.isPresent()) {
        QuarterlyReports.noteLaterCommits(
            spec.commandLine(),
            target,
            QuarterlyReports.named(asked, options.asOf()),
            closed.get(),
            quiet);
        Checkout past = target.reopenAt(closed.get().id(), options);
        target.close();
        target = past;
      }
      ValidationResult result = target.validate();
      RenderedReport report =
          QuarterlyReports.render(
              target,
              result,
              asked,
              dir,
              reportOptions.pdf(),
              reportOptions.dashboardPdf,
              templateTimeout.limits());
      QuarterlyReports.warnAboutCoverage(spec.commandLine(), result, quiet);
      report.writeTo(reportOptions.out);
      QuarterlyReports.printNotes(spec.commandLine(), report, quiet);
      if (!quiet) {
        PrintWriter o = spec.commandLine().getOut();
        o.println(
            "waymark: wrote "
                + String.join(", ", List.copyOf(report.files().keySet()))
                + " to "
                + TerminalText.escape(Repositories.display(reportOptions.out))
                + " (as of "
                + result.asOf()
                + (GitOptions.text(target.state()).isEmpty()
                    ? ""
                    : ", " + GitOptions.text(target.state()))
                + ")");
        o.flush();
      }
    } finally {
      target.close();
    }
    return ExitCode.OK;
  }
}
