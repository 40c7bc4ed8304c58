package io.waymark.cli;

import io.waymark.cli.format.Format;
import io.waymark.cli.format.FormatOptions;
import io.waymark.cli.format.Formats;
import io.waymark.engine.Checkout;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.Waymark;
import io.waymark.engine.history.Commit;
import io.waymark.report.OutputFolder;
import io.waymark.report.RenderedReport;
import io.waymark.report.Reports;
import io.waymark.report.text.TerminalText;
import io.waymark.report.view.Quarter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code waymark ci [DIR] --out OUT}: what a pipeline calls. */
@Command(
    header = "What a pipeline calls: validate once, write every CI format and the reports.",
    name = "ci",
    mixinStandardHelpOptions = true,
    description = {
      "Validate the roadmap repository DIR once, then write every machine format and",
      "the reports into OUT under stable names:",
      "  waymark.json             the JSON of 'validate --format json'",
      "  waymark-junit.xml        JUnit XML, one test case per rule per file",
      "  waymark.sarif            SARIF 2.1.0",
      "  waymark-checkstyle.xml   Checkstyle XML",
      "  waymark-gitlab.json      GitLab Code Quality",
      "  waymark.txt              the text output, without colour",
      "  report/                  the QBR and dashboard of 'waymark report'",
      "The files are written also when there are findings; then one summary line is",
      "printed."
    },
    footer = {
      "",
      "Examples:",
      "  waymark ci . --out target/waymark",
      "  waymark ci plan --out build/waymark --base origin/main --no-pdf",
      "  waymark ci plan --out build/waymark --base origin/main --annotate github",
      "  waymark ci plan --out build/waymark --paths roadmap   (relative to plan/)",
      "",
      "Exit codes (as 'validate'): 0 no finding at or above --fail-on, 1 findings at or",
      "above it, 2 usage error, unreadable folder or internal failure. See",
      "docs/ci-formats.md."
    })
final class CiCommand implements Callable<Integer> {

  /** The machine formats and the stable file names they are written to. */
  static final Map<String, Format> FILES = files();

  /** The folder under OUT that holds the reports. */
  static final String REPORT_FOLDER = "report";

  /** The text format's file under OUT: every finding, where the log points for the rest. */
  static final String TEXT_FILE = "waymark.txt";

  /** How many of the findings that fail the run the log shows before pointing at the file. */
  static final int FAILING_SHOWN = 20;

  /** In OUT while a run writes its results: whatever else is there is not a complete result. */
  static final String INCOMPLETE = "INCOMPLETE";

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "The roadmap repository folder (default: the current folder).")
  Path dir;

  @Option(names = "--quiet", description = "Print nothing; the exit code tells the result.")
  boolean quiet;

  @Option(names = "--no-color", description = "Accepted for symmetry: ci never prints colour.")
  boolean noColor;

  @Mixin ReportOptions reportOptions;
  @Mixin DebugOption debug;
  @Mixin ValidationOptionsMixin validation;
  @Mixin GitOptions git;
  @Mixin TemplateTimeout templateTimeout;
  @Mixin PathsOption paths;
  @Mixin CacheOptions cache;

  /** The values of --annotate. */
  enum Annotate {
    github,
    text,
    none
  }

  @Option(
      names = "--annotate",
      paramLabel = "KIND",
      description =
          "How the log shows the findings: github (every finding as a workflow command, which"
              + " GitHub Actions shows on the files of the pull request, pull-request rules of"
              + " --base included), text (the findings that fail the run, the first 20, before"
              + " the summary line) or none (the summary line only). Default: github when"
              + " GITHUB_ACTIONS=true (in GitHub Actions), else text.")
  Annotate annotate;

  /** Reads the environment; tests replace it. */
  static Function<String, String> environment = System::getenv;

  /** How the log shows the findings: as asked, else github in GitHub Actions, else text. */
  Annotate annotation() {
    if (annotate != null) {
      return annotate;
    }
    return "true".equals(environment.apply("GITHUB_ACTIONS")) ? Annotate.github : Annotate.text;
  }

  @Override
  public Integer call() throws IOException {
    templateTimeout.limits(); // a usage error before anything is read or written
    Optional<Quarter> asked = reportOptions.asked();
    // Yesterday's results go first, so that nothing below can fail with them still in place;
    // a folder that is not there yet is created only once the run is judged (the repository
    // opened, a pull request's base resolved beside the load): a failed run leaves no new folder.
    OutputFolder existing = null;
    if (Files.exists(reportOptions.out, LinkOption.NOFOLLOW_LINKS)) {
      existing = OutputFolder.open(reportOptions.out);
      clearPreviousRun(existing);
    }
    Waymark waymark = GitOptions.waymark();
    ValidationResult result;
    try (Checkout target =
        git.open(waymark, dir, git.rev, validation.toOptions(dir), cache, null)) {
      result = GitOptions.validate(target, spec.commandLine().getErr(), quiet);
      OutputFolder folder = existing;
      if (folder == null) {
        folder = OutputFolder.open(reportOptions.out);
        clearPreviousRun(folder);
      }
      FormatOptions options =
          new FormatOptions(
              false,
              false,
              Repositories.display(dir),
              validation.threshold(),
              paths.sourceRoot(dir));
      // The machine formats first: a report template that fails must not cost the pipeline its
      // test results. Each written as soon as it is made, not all held at once (at 100,000
      // documents they are 110 MB, the JSON 61 MB of it).
      for (Map.Entry<String, Format> e : FILES.entrySet()) {
        folder.write(
            e.getKey(), Formats.renderUtf8(e.getValue(), result, waymark.rules(), options).exact());
      }
      if (annotation() == Annotate.github) {
        // Before the reports: a repository template that fails must not cost the annotations.
        FormatOptions annotations =
            new FormatOptions(
                false,
                true,
                Repositories.display(dir),
                validation.threshold(),
                options.sourceRoot());
        PrintWriter o = spec.commandLine().getOut();
        o.print(Formats.render(Format.github, result, waymark.rules(), annotations));
        o.flush();
      }
      Optional<String> config = result.configUnreadable();
      if (config.isPresent()) {
        // Nothing was judged; the machine formats say why, and a review would be misdated.
        PrintWriter err = spec.commandLine().getErr();
        err.println(
            "waymark: no report written: "
                + TerminalText.escape(config.get())
                + " could not be read (see its yaml-syntax finding)");
        err.flush();
      } else {
        RenderedReport report = report(target, result, asked);
        report.writeTo(folder, REPORT_FOLDER);
        QuarterlyReports.printNotes(spec.commandLine(), report, quiet);
      }
      folder.remove(INCOMPLETE);
    }
    QuarterlyReports.warnAboutCoverage(spec.commandLine(), result, quiet);
    if (!quiet) {
      PrintWriter o = spec.commandLine().getOut();
      if (annotation() == Annotate.text) {
        // A Jenkins or GitLab log shows why the run failed.
        o.print(
            Formats.failing(
                result,
                new FormatOptions(false, true, Repositories.display(dir), validation.threshold()),
                FAILING_SHOWN,
                TerminalText.escape(Repositories.display(reportOptions.out.resolve(TEXT_FILE)))));
      }
      o.println(
          Formats.summaryLine(result, validation.threshold())
              + " — results in "
              + TerminalText.escape(Repositories.display(reportOptions.out)));
      o.flush();
    }
    return validation.fails(result) ? ExitCode.FINDINGS : ExitCode.OK;
  }

  /**
   * The reports: of this validation, or, for a closed quarter, of the last commit on or before its
   * end (as {@code waymark report} does), so that a pipeline's board pack of a past quarter is the
   * one of that quarter.
   */
  private RenderedReport report(Checkout target, ValidationResult result, Optional<Quarter> asked)
      throws IOException {
    Optional<Commit> closed =
        QuarterlyReports.closedQuarterCommit(
            target,
            QuarterlyReports.named(asked, target.explicitAsOf()),
            git.rev != null,
            Clock.systemUTC());
    if (closed.isEmpty()) {
      return QuarterlyReports.render(
          target,
          result,
          asked,
          dir,
          reportOptions.pdf(),
          reportOptions.dashboardPdf,
          templateTimeout.limits());
    }
    QuarterlyReports.noteLaterCommits(
        spec.commandLine(),
        target,
        QuarterlyReports.named(asked, target.explicitAsOf()),
        closed.get(),
        quiet);
    try (Checkout past = target.reopenAt(closed.get().id(), validation.toOptions(dir))) {
      return QuarterlyReports.render(
          past,
          past.validate(),
          asked,
          dir,
          reportOptions.pdf(),
          reportOptions.dashboardPdf,
          templateTimeout.limits());
    }
  }

  /**
   * Removes what an earlier run wrote into OUT (the result files and the reports; a link among them
   * is refused, never followed) and leaves the {@link #INCOMPLETE} marker until this run has
   * written everything: a run that fails or is killed can never leave yesterday's results looking
   * current.
   */
  static void clearPreviousRun(OutputFolder folder) throws IOException {
    folder.write(
        INCOMPLETE,
        ("waymark ci started writing into this folder and did not finish: the results here are"
                + " incomplete. See the log of the run that failed.\n")
            .getBytes(StandardCharsets.UTF_8));
    for (String file : FILES.keySet()) {
      folder.remove(file);
    }
    folder.removeAll(REPORT_FOLDER, CiCommand::isReportFile);
  }

  /** The names of the files {@code waymark report} writes. */
  static boolean isReportFile(String name) {
    return name.equals(Reports.STYLESHEET)
        || name.equals(Reports.DASHBOARD)
        || name.matches("qbr-[0-9]{4}-Q[1-4]\\.(html|pdf|md)");
  }

  private static Map<String, Format> files() {
    Map<String, Format> files = new LinkedHashMap<>();
    files.put("waymark.json", Format.json);
    files.put("waymark-junit.xml", Format.junit);
    files.put("waymark.sarif", Format.sarif);
    files.put("waymark-checkstyle.xml", Format.checkstyle);
    files.put("waymark-gitlab.json", Format.gitlab);
    files.put(TEXT_FILE, Format.text);
    return java.util.Collections.unmodifiableMap(files);
  }
}
