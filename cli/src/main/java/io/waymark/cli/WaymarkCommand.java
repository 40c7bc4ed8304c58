package io.waymark.cli;

import io.waymark.cli.format.Version;
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
      NewCommand.class,
      FixCommand.class,
      HookCommand.class,
      LspCommand.class,
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

  @CommandLine.Option(
      names = "--timeout",
      paramLabel = "DURATION",
      scope = CommandLine.ScopeType.INHERIT,
      description =
          "Stop with exit code 2 when the run takes longer than this (e.g. 90s, 10m, 1h). Default: "
              + Deadline.ENVIRONMENT
              + " if set, else "
              + Deadline.DEFAULT_TEXT
              + " (none for lsp and validate --watch, which run until stopped).")
  String timeout;

  static CommandLine commandLine() {
    return commandLine(code -> Runtime.getRuntime().halt(code));
  }

  /**
   * {@code exit} ends the process when the time limit passes (tests run the CLI in a child). The
   * deadline is a resource that only has to be open while the command runs, never read inside it
   * (hence "try" off here).
   */
  @SuppressWarnings("try")
  static CommandLine commandLine(java.util.function.IntConsumer exit) {
    CommandLine cli = new CommandLine(new WaymarkCommand());
    cli.setExecutionStrategy(
        parseResult -> {
          String option = null;
          CommandLine last = parseResult.commandSpec().commandLine();
          for (CommandLine.ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            option = pr.matchedOptionValue("--timeout", option);
            last = pr.commandSpec().commandLine();
          }
          if (option == null && runsUntilStopped(last.getCommandSpec().userObject())) {
            // An editor's server runs as long as the editor does, a watch until Ctrl-C: only an
            // explicit --timeout applies to them, not WAYMARK_TIMEOUT or the default.
            return execute(parseResult);
          }
          Deadline.Limit limit;
          try {
            limit = Deadline.limit(option, System.getenv());
          } catch (UserError e) {
            throw new CommandLine.ParameterException(last, e.getMessage());
          }
          try (Deadline d = Deadline.start(limit, last.getErr(), exit)) {
            return execute(parseResult);
          }
        });
    cli.setExecutionExceptionHandler(new Failures());
    cli.setParameterExceptionHandler(new Failures());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }

  /** The language server and {@code validate --watch}: commands that run until they are stopped. */
  private static boolean runsUntilStopped(Object command) {
    return command instanceof LspCommand
        || (command instanceof ValidateCommand && ((ValidateCommand) command).watch);
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
