package io.waymark.cli;

import io.waymark.engine.Checkout;
import io.waymark.engine.ValidationResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code waymark baseline [DIR]}: record today's findings so that only new ones fail. */
@Command(
    header = "Record today's findings so that only new ones fail the build.",
    name = "baseline",
    mixinStandardHelpOptions = true,
    modelTransformer = BaselineCommand.ExitsZero.class,
    description =
        "Record the current findings in DIR/.waymark-baseline.json. Then 'waymark validate --baseline DIR/.waymark-baseline.json' reports them as info and fails only on new ones, so a team can adopt Waymark on an existing roadmap and tighten it over time.")
final class BaselineCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "The roadmap repository folder (default: the current folder).")
  Path dir;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write the baseline here instead of DIR/" + BaselineFile.NAME + ".")
  Path output;

  @Mixin ValidationOptionsMixin validation;
  @Mixin GitOptions git;

  @Override
  public Integer call() throws Exception {
    // The same target as validate (work tree or --rev, history, --base): the baseline must hold
    // every finding validate gives for the same options, history and pull-request rules included.
    ValidationResult result;
    try (Checkout target = git.open(GitOptions.waymark(), dir, validation.toOptions(dir))) {
      result = target.validate();
    }
    Path file = output != null ? output : dir.resolve(BaselineFile.NAME);
    BaselineFile.write(result, file);
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "recorded "
            + result.findings().size()
            + " finding"
            + (result.findings().size() == 1 ? "" : "s")
            + " in "
            + file);
    out.println(
        "use: waymark validate "
            + Repositories.argument(Repositories.display(dir))
            + " --baseline "
            + Repositories.argument(file.toString()));
    out.flush();
    return ExitCode.OK;
  }

  /**
   * A baseline exits 0 whatever it records, so the validation options' {@code --fail-on} ("exit 1
   * when a finding is at least this severe") would promise what it never does: it is still
   * accepted, for scripts that pass the same options to validate and baseline, but left out of the
   * help. A named class, not a lambda: see {@link WaymarkCommand}'s LimitedExecution.
   */
  static final class ExitsZero implements CommandLine.IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      CommandLine.Model.OptionSpec failOn = spec.findOption("--fail-on");
      if (failOn != null) {
        spec.remove(failOn);
        spec.addOption(
            failOn.toBuilder()
                .hidden(true)
                .description(
                    "Ignored: a baseline is recorded, and the exit code is 0, whatever the findings.")
                .build());
      }
      return spec;
    }
  }
}
