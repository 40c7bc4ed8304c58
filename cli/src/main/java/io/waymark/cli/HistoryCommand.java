package io.waymark.cli;

import io.waymark.cli.format.Formats;
import io.waymark.cli.format.Version;
import io.waymark.engine.Checkout;
import io.waymark.engine.ValidationOptions;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.Waymark;
import io.waymark.engine.diff.HistoryReport;
import io.waymark.report.OutputException;
import io.waymark.report.diff.HistoryFormat;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code waymark history [DIR]}: the roadmap's story from its Git history. */
@Command(
    header = "Re-plans, roadmap churn, gate decisions and metric series from Git.",
    name = "history",
    mixinStandardHelpOptions = true,
    description =
        "The roadmap's story from Git history: re-plans, churn, gates, metric series. Reads the commits that changed the roadmap and metrics files (renames followed, first-parent line) and prints, per milestone, its first-planned and current due date, the re-plans and the total slip; the plan changes and the months of churn outside the semi-annual update windows; when each gate's status changed; and each metric's series as it was recorded. Commits that could not be read are listed as notes; a shallow clone or a folder outside Git is said, never an error. Exit code 0, or 2 for a usage error.",
    footer = {
      "",
      "Examples:",
      "  waymark history example-roadmap",
      "  waymark history . --format json --output target/waymark-history.json",
      "  waymark history --rev v1.0"
    })
final class HistoryCommand implements Callable<Integer> {

  /** Output formats of history. */
  enum HistoryOutput {
    text,
    json,
    markdown
  }

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "The roadmap repository folder (default: the current folder).")
  Path dir;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  HistoryOutput format = HistoryOutput.text;

  @Option(
      names = "--rev",
      paramLabel = "REV",
      description = "Tell the history up to this revision instead of the working tree.")
  String rev;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description =
          "The date the churn months are counted back from (YYYY-MM-DD). Default: Config"
              + " spec.asOf, else the commit date of the revision (--rev, or HEAD for a working"
              + " tree without uncommitted changes), else today (UTC).")
  String asOf;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Use this Config file instead of the repository's waymark.yaml.")
  Path config;

  @Mixin OutputOptions output;

  @Override
  public Integer call() throws Exception {
    output.refuseToReplaceInput(dir);
    String display = Repositories.display(dir);
    HistoryReport report;
    Optional<LocalDate> end;
    try (Checkout target =
        GitOptions.waymark().open(Waymark.Request.folder(dir, display).at(rev), options())) {
      // The current plan is the final state of every series; its own findings are not needed.
      // Its history is the one the history rules read (read once).
      ValidationResult current = target.validate();
      report = current.analyses().historyReport();
      end = current.plan().roadmap().map(r -> r.start().plusMonths(r.horizonMonths()));
    }
    String text =
        switch (format) {
          case text -> HistoryFormat.text(report, display, end);
          case json -> HistoryFormat.json(report, display, Version.current());
          case markdown -> HistoryFormat.markdown(report, display, end);
        };
    write(text, report);
    return ExitCode.OK;
  }

  private ValidationOptions options() {
    return ValidationOptionsMixin.dateAndConfig(asOf, config, dir);
  }

  private void write(String text, HistoryReport report) throws OutputException {
    Formats.deliver(
        spec.commandLine().getOut(),
        output.output,
        output.quiet,
        text,
        () ->
            "history of "
                + report.commits()
                + (report.commits() == 1 ? " commit" : " commits")
                + " written to "
                + output.output);
  }
}
