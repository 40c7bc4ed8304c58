package io.waymark.cli;

import io.waymark.engine.ValidationOptions;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.Validator;
import io.waymark.engine.history.History;
import io.waymark.engine.load.RepositorySource;
import io.waymark.engine.rules.RuleRegistry;
import io.waymark.report.RenderedReport;
import io.waymark.report.view.Quarter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
      "",
      "Exit codes: 0 reports written; 2 usage error, unreadable folder or a template that fails",
      "(nothing is written then)."
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

  @Option(
      names = "--out",
      required = true,
      paramLabel = "OUT",
      description = "The folder to write the reports into (created when missing).")
  Path out;

  @Option(
      names = "--quarter",
      paramLabel = "YYYY-Qn",
      description = "The quarter to review, e.g. 2027-Q2 (default: the quarter of the as-of date).")
  String quarter;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description =
          "Report as of this date (YYYY-MM-DD). Default: Config spec.asOf, else the date of the"
              + " last commit, else today (UTC).")
  String asOf;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Use this Config file instead of the repository's waymark.yaml.")
  Path config;

  @Option(names = "--no-pdf", description = "Skip the PDF (the slow part).")
  boolean noPdf;

  @Option(names = "--quiet", description = "Print nothing when the reports are written.")
  boolean quiet;

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;

  @Override
  public Integer call() throws IOException {
    Optional<Quarter> asked = Optional.ofNullable(quarter).map(QuarterlyReports::quarter);
    RepositorySource source = Repositories.folder(dir);
    if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(out)) {
      throw new UserError("--out '" + out + "' is not a folder");
    }
    Validator validator = new Validator(RuleRegistry.discover());
    try (History git = history(dir)) {
      ValidationOptions options = options();
      ValidationResult result = validator.validate(source, options.withHistory(git));
      RenderedReport report =
          QuarterlyReports.render(validator, git, result, asked, dir, options.config(), !noPdf);
      try {
        report.writeTo(out);
      } catch (IOException e) {
        throw new UserError("cannot write the reports to '" + out + "': " + e.getMessage());
      }
      if (!quiet) {
        PrintWriter o = spec.commandLine().getOut();
        o.println(
            "waymark: wrote "
                + String.join(", ", List.copyOf(report.files().keySet()))
                + " to "
                + Repositories.display(out));
        o.flush();
      }
    }
    return ExitCode.OK;
  }

  private ValidationOptions options() {
    return ValidationOptionsMixin.dateAndConfig(asOf, config);
  }

  /** The Git history of DIR; a report without Git simply says so. */
  private static History history(Path dir) throws IOException {
    return GitOptions.Target.history(dir, "HEAD", false, "");
  }
}
