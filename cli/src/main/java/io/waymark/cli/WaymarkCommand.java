package io.waymark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code waymark} command. */
@Command(
    name = "waymark",
    mixinStandardHelpOptions = true,
    versionProvider = WaymarkCommand.VersionProvider.class,
    description =
        "Roadmap-as-code for AI infrastructure modernisation: validates roadmap YAML against JSON Schemas and gate rules, and renders quarterly business reviews.",
    subcommands = {
      ValidateCommand.class,
      BaselineCommand.class,
      RulesCommand.class,
      ExplainCommand.class,
      SchemaCommand.class,
      DiffCommand.class,
      HistoryCommand.class,
      ReportCommand.class,
      CiCommand.class,
      InitCommand.class,
      HookCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it,",
      "2 usage error, unreadable input folder or internal failure.",
      "Run 'waymark <command> --help' for a command's options."
    })
public final class WaymarkCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new WaymarkCommand());
    cli.setExecutionExceptionHandler(new Failures());
    cli.setParameterExceptionHandler(new Failures());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionStrategy(WaymarkCommand::execute);
    return cli;
  }

  /**
   * Runs the command line, but never prints help for a command line with words picocli could not
   * place ({@code waymark UNKNOWN --help}): that is a usage error, exit 2, not a request for help.
   */
  private static int execute(CommandLine.ParseResult parsed) {
    for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (!p.unmatched().isEmpty()) {
        throw new CommandLine.UnmatchedArgumentException(
            p.commandSpec().commandLine(), p.unmatched());
      }
    }
    return new CommandLine.RunLast().execute(parsed);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reports {@link Version#current()}. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"waymark " + Version.current()};
    }
  }
}
