package io.waymark.cli;

import io.waymark.cli.format.Format;
import io.waymark.cli.format.FormatOptions;
import io.waymark.cli.format.Formats;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.Validator;
import io.waymark.engine.history.Commit;
import io.waymark.engine.rules.RuleRegistry;
import io.waymark.report.RenderedReport;
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
    description =
        "Validate the roadmap repository DIR once, then write every machine format and the reports into OUT under stable names: waymark.json the JSON of 'validate --format json' waymark-junit.xml JUnit XML, one test case per rule per file waymark.sarif SARIF 2.1.0 waymark-checkstyle.xml Checkstyle XML waymark-gitlab.json GitLab Code Quality waymark.txt the text output, without colour report/ the QBR and dashboard of 'waymark report' The files are written also when there are findings; then one summary line is printed.",
    footer = {
      "",
      "Examples:",
      "  waymark ci . --out target/waymark",
      "  waymark ci plan --out build/waymark --base origin/main --no-pdf",
      "",
      "Exit codes (as 'validate'): 0 no finding at or above --fail-on, 1 findings at or above it,",
      "2 usage error, unreadable folder or internal failure. See docs/ci-formats.md."
    })
final class CiCommand implements Callable<Integer> {

  /** The machine formats and the stable file names they are written to. */
  static final Map<String, Format> FILES = files();

  /** The folder under OUT that holds the reports. */
  static final String REPORT_FOLDER = "report";

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
      description = "The folder to write the results into (created when missing).")
  Path out;

  @Option(
      names = "--quarter",
      paramLabel = "YYYY-Qn",
      description = "The quarter the report reviews (default: the quarter of the as-of date).")
  String quarter;

  @Option(names = "--no-pdf", description = "Skip the PDF report (the slow part).")
  boolean noPdf;

  @Option(names = "--quiet", description = "Print nothing; the exit code tells the result.")
  boolean quiet;

  @Option(names = "--no-color", description = "Accepted for symmetry: ci never prints colour.")
  boolean noColor;

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;

  @Mixin ValidationOptionsMixin validation;
  @Mixin GitOptions git;

  @Override
  public Integer call() throws IOException {
    Optional<Quarter> asked = Optional.ofNullable(quarter).map(QuarterlyReports::quarter);
    if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(out)) {
      throw new UserError("--out '" + out + "' is not a folder");
    }
    Validator validator = new Validator(RuleRegistry.discover());
    ValidationResult result;
    try (GitOptions.Target target = git.open(dir, validation.toOptions())) {
      target.tell(spec.commandLine(), quiet);
      result = validator.validate(target.source(), target.options());
      FormatOptions options =
          new FormatOptions(false, false, Repositories.display(dir), validation.threshold());
      Map<String, byte[]> files = new LinkedHashMap<>();
      for (Map.Entry<String, Format> e : FILES.entrySet()) {
        String text = Formats.render(e.getValue(), result, validator.registry(), options);
        files.put(e.getKey(), text.getBytes(StandardCharsets.UTF_8));
      }
      // The machine formats first: a report template that fails must not cost the pipeline its
      // test results.
      write(out, files);
      RenderedReport report = report(validator, target, result, asked);
      try {
        report.writeTo(out.resolve(REPORT_FOLDER));
      } catch (IOException e) {
        throw new UserError(
            "cannot write the reports to '"
                + Repositories.display(out.resolve(REPORT_FOLDER))
                + "': "
                + e.getMessage());
      }
    }
    if (!quiet) {
      PrintWriter o = spec.commandLine().getOut();
      o.println(
          Formats.summaryLine(result, validation.threshold())
              + " — results in "
              + Repositories.display(out));
      o.flush();
    }
    return validation.fails(result) ? ExitCode.FINDINGS : ExitCode.OK;
  }

  /**
   * The reports: of this validation, or, for a closed quarter, of the last commit on or before its
   * end (as {@code waymark report} does), so that a pipeline's board pack of a past quarter is the
   * one of that quarter.
   */
  private RenderedReport report(
      Validator validator,
      GitOptions.Target target,
      ValidationResult result,
      Optional<Quarter> asked)
      throws IOException {
    Optional<Commit> closed =
        QuarterlyReports.closedQuarterCommit(
            target,
            QuarterlyReports.named(asked, target.options().asOf()),
            git.rev != null,
            Clock.systemUTC());
    if (closed.isEmpty()) {
      return QuarterlyReports.render(
          validator,
          target.options().history(),
          result,
          asked,
          dir,
          target.options().config(),
          !noPdf,
          target.reflects().text());
    }
    try (GitOptions.Target past = git.open(dir, closed.get().id(), validation.toOptions())) {
      return QuarterlyReports.render(
          validator,
          past.options().history(),
          validator.validate(past.source(), past.options()),
          asked,
          dir,
          past.options().config(),
          !noPdf,
          past.reflects().text());
    }
  }

  /** Writes each file into {@code folder} by an atomic rename of a temporary file beside it. */
  private static void write(Path folder, Map<String, byte[]> files) {
    try {
      RenderedReport.writeAtomically(folder, files);
    } catch (IOException e) {
      throw new UserError(
          "cannot write the results to '" + Repositories.display(folder) + "': " + e.getMessage());
    }
  }

  private static Map<String, Format> files() {
    Map<String, Format> files = new LinkedHashMap<>();
    files.put("waymark.json", Format.json);
    files.put("waymark-junit.xml", Format.junit);
    files.put("waymark.sarif", Format.sarif);
    files.put("waymark-checkstyle.xml", Format.checkstyle);
    files.put("waymark-gitlab.json", Format.gitlab);
    files.put("waymark.txt", Format.text);
    return java.util.Collections.unmodifiableMap(files);
  }
}
