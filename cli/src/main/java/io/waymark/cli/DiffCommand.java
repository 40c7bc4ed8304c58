package io.waymark.cli;

import io.waymark.cli.format.Formats;
import io.waymark.cli.format.Version;
import io.waymark.engine.Comparison;
import io.waymark.report.OutputException;
import io.waymark.report.diff.DiffFormat;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code waymark diff BASE [HEAD]}: what a change does to the plan, and what it breaks. */
@Command(
    header = "What a change does to the plan, and its new and fixed findings.",
    name = "diff",
    mixinStandardHelpOptions = true,
    description =
        "What a change does to the plan: BASE compared with HEAD (default: work tree). Reads the Git repository that contains --dir (default: the current folder) and lists milestones moved (with the reason recorded in 'replanned', else the commit message), phase status and months, use-case status, gates, budgets, business-case figures with the computed NPV before and after, vendor bands, and the findings the change adds, changes or fixes. The pull-request rules (gate-transition, approved-case-edited, history-rewritten) run on HEAD against BASE. HEAD is judged as of --as-of, else its Config asOf, else its commit date (today for a changed working tree); the base as of the same date for the findings the change adds, and as of its own date (its Config asOf, else its commit date) for the findings it fixes. Exit code: 1 when the change adds a finding at or above --fail-on, or makes a finding the base already had more severe; findings the base already had (even with another message) do not count. Else 0; 2 for a usage error, an unknown revision or a folder outside Git.",
    footer = {
      "",
      "Examples:",
      "  waymark diff origin/main          (a pull request: base vs the working tree)",
      "  waymark diff origin/main HEAD --format json --output target/waymark-diff.json",
      "  waymark diff v1.0 v1.1 --dir roadmap",
      "  waymark diff origin/main --format markdown --output target/waymark-diff.md",
      "                                    (a pull-request comment or job summary)"
    })
final class DiffCommand implements Callable<Integer> {

  /** Output formats of diff. */
  enum DiffOutput {
    text,
    json,
    markdown
  }

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "BASE",
      description =
          "The base revision (origin/main). HEAD is compared with the merge-base of HEAD and BASE"
              + " (what the change branched from), so changes made on BASE since then are not"
              + " shown as the change's; see --tip.")
  String base;

  @Option(
      names = "--tip",
      description = "Compare with the tip of BASE instead of the merge-base of BASE and HEAD.")
  boolean tip;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "HEAD",
      description = "The revision to compare (default: the working tree).")
  String head;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "The roadmap folder inside the repository (default: the current folder).")
  Path dir;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  DiffOutput format = DiffOutput.text;

  @Mixin ValidationOptionsMixin validation;
  @Mixin OutputOptions output;

  @Override
  public Integer call() throws Exception {
    output.refuseToReplaceInput(dir);
    String display = Repositories.display(dir);
    Comparison comparison =
        GitOptions.waymark()
            .compare(dir, display, base, Optional.ofNullable(head), tip, validation.toOptions(dir));
    String text =
        switch (format) {
          case text -> DiffFormat.text(comparison, display);
          case json -> DiffFormat.json(comparison, Version.current());
          case markdown -> DiffFormat.markdown(comparison, display);
        };
    write(text, DiffFormat.summary(comparison.diff()));
    return comparison.fails(validation.threshold()) ? ExitCode.FINDINGS : ExitCode.OK;
  }

  private void write(String text, String summary) throws OutputException {
    Formats.deliver(
        spec.commandLine().getOut(),
        output.output,
        output.quiet,
        text,
        () -> summary + " (written to " + output.output + ")");
  }
}
