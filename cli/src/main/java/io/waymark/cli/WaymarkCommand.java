package io.waymark.cli;

import io.waymark.cli.format.Version;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code waymark} command. */
@Command(
    name = "waymark",
    mixinStandardHelpOptions = true,
    versionProvider = WaymarkCommand.VersionProvider.class,
    description =
        "Roadmap-as-code for AI infrastructure modernisation: validates roadmap YAML against JSON Schemas and gate rules, and renders quarterly business reviews.",
    footer = {
      "",
      "Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it,",
      "2 usage error, unreadable input folder or internal failure.",
      "Run 'waymark <command> --help' for a command's options."
    })
public final class WaymarkCommand implements Callable<Integer> {

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

  /**
   * The subcommands in the order {@code waymark --help} lists them. Each one's model (picocli
   * reflects over its annotations and those of its mixins) is built only when it is needed: see
   * {@link #needed(String...)}.
   */
  private static final Map<String, Supplier<Object>> COMMANDS = commands();

  private static Map<String, Supplier<Object>> commands() {
    Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
    commands.put("validate", ValidateCommand::new);
    commands.put("baseline", BaselineCommand::new);
    commands.put("rules", RulesCommand::new);
    commands.put("explain", ExplainCommand::new);
    commands.put("schema", SchemaCommand::new);
    commands.put("diff", DiffCommand::new);
    commands.put("history", HistoryCommand::new);
    commands.put("report", ReportCommand::new);
    commands.put("ci", CiCommand::new);
    commands.put("init", InitCommand::new);
    commands.put("new", NewCommand::new);
    commands.put("fix", FixCommand::new);
    commands.put("hook", HookCommand::new);
    commands.put("lsp", LspCommand::new);
    commands.put("daemon", DaemonCommand::new);
    commands.put("help", new HelpSupplier());
    return commands;
  }

  /** The whole command line, every subcommand's model built. */
  static CommandLine commandLine() {
    return commandLine(COMMANDS.keySet());
  }

  /** The command line that runs {@code args}: see {@link #needed(String...)}. */
  static CommandLine forArgs(String... args) {
    return commandLine(needed(args));
  }

  /** With these subcommands; the time limit ends the process. */
  static CommandLine commandLine(Collection<String> commands) {
    return commandLine(Deadline.HALT, commands);
  }

  /**
   * The subcommands a command line needs: only the one it names ({@code waymark validate …} builds
   * the model of {@code validate} alone, which is most of picocli's start-up), none for {@code
   * waymark --version}, and all of them for anything else: no command word, help, an unknown word
   * (its message lists the commands and suggests the nearest), an option before the command other
   * than {@code --timeout}, an argument file ({@code @file}). What runs, prints and exits is the
   * same as with every model built: picocli only looks at the other subcommands to print them.
   */
  static Collection<String> needed(String... args) {
    boolean version = false;
    boolean timeout = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("-V") || arg.equals("--version")) {
        version = true;
      } else if (arg.equals("--timeout") || arg.startsWith("--timeout=")) {
        timeout = true;
        i += arg.equals("--timeout") ? 1 : 0; // and its value
      } else if (version
          || arg.startsWith("-")
          || arg.startsWith("@")
          || arg.equals("help")
          || !COMMANDS.containsKey(arg)) {
        return COMMANDS.keySet();
      } else {
        return List.of(arg);
      }
    }
    return version && !timeout ? List.of() : COMMANDS.keySet();
  }

  /**
   * {@code exit} ends the process when the time limit passes (tests run the CLI in a child). The
   * deadline is a resource that only has to be open while the command runs, never read inside it
   * (hence "try" off here).
   */
  static CommandLine commandLine(java.util.function.IntConsumer exit, Collection<String> commands) {
    CommandLine cli = new CommandLine(new WaymarkCommand());
    for (String name : commands) {
      // A CommandLine of its own: picocli applies a command's modelTransformer (baseline's) in
      // the CommandLine constructor, not when a plain object is added as a subcommand.
      cli.addSubcommand(name, new CommandLine(COMMANDS.get(name).get()));
    }
    cli.registerConverter(Path.class, new PathArgument());
    cli.setExecutionStrategy(new LimitedExecution(exit));
    cli.setExecutionExceptionHandler(new Failures());
    cli.setParameterExceptionHandler(new Failures());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }

  /**
   * Runs the parsed command within its time limit. A named class rather than a lambda, as is {@link
   * HelpSupplier}: picocli's classes are compiled for Java 5, which Java 25's ahead-of-time cache
   * cannot keep linked, and a lambda of a picocli interface (or a method reference to a picocli
   * class) in that cache made its creation fail; a class of our own is only left out of it.
   */
  private static final class LimitedExecution implements CommandLine.IExecutionStrategy {

    private final java.util.function.IntConsumer exit;

    LimitedExecution(java.util.function.IntConsumer exit) {
      this.exit = exit;
    }

    @Override
    @SuppressWarnings("try")
    public int execute(CommandLine.ParseResult parseResult) {
      String option = null;
      CommandLine last = parseResult.commandSpec().commandLine();
      for (CommandLine.ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
        option = pr.matchedOptionValue("--timeout", option);
        last = pr.commandSpec().commandLine();
      }
      if (option == null && runsUntilStopped(last.getCommandSpec().userObject())) {
        // An editor's server runs as long as the editor does, a watch until Ctrl-C: only an
        // explicit --timeout applies to them, not WAYMARK_TIMEOUT or the default.
        return WaymarkCommand.execute(parseResult);
      }
      Deadline.Limit limit;
      try {
        limit = Deadline.limit(option, System.getenv());
      } catch (UserError e) {
        throw new CommandLine.ParameterException(last, e.getMessage());
      }
      try (Deadline d = Deadline.start(limit, last.getErr(), exit)) {
        return WaymarkCommand.execute(parseResult);
      }
    }
  }

  /** The help command, made when needed (see {@link LimitedExecution} for why no lambda). */
  private static final class HelpSupplier implements Supplier<Object> {
    @Override
    public Object get() {
      return new HelpCommand();
    }
  }

  /**
   * The language server, {@code validate --watch} and the resident validate server: commands that
   * run until they are stopped (each run the server answers has its own limit).
   */
  private static boolean runsUntilStopped(Object command) {
    return command instanceof LspCommand
        || command instanceof DaemonCommand.Serve
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

  /** {@code waymark} without a command: a usage error ({@link Failures#missingCommand}). */
  @Override
  public Integer call() {
    return Failures.missingCommand(spec.commandLine());
  }

  /** Reports {@link Version#current()}. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"waymark " + Version.current()};
    }
  }
}
