package io.waymark.cli;

import io.waymark.engine.RequestException;
import io.waymark.engine.finding.Suggestion;
import io.waymark.git.GitProblem;
import io.waymark.report.OutputException;
import io.waymark.report.text.TerminalText;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Turns exceptions and errors into one line on stderr and exit code 2. A stack trace is printed
 * only with {@code --debug}. Every message is made terminal-safe: it may quote a file name or a
 * value from the roadmap.
 */
final class Failures
    implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
    boolean debug = Arrays.asList(parseResult.originalArgs().toArray()).contains("--debug");
    return crash(e, cli.getErr(), debug);
  }

  /**
   * Set when a crash was a {@code VirtualMachineError} (out of memory, stack overflow): the
   * resident server ({@link DaemonServer}) then stops after its answer.
   */
  static volatile boolean fatal;

  /** Prints the one line for {@code t} (and its stack trace with --debug); returns exit code 2. */
  static int crash(Throwable t, PrintWriter err, boolean debug) {
    if (t instanceof VirtualMachineError) {
      fatal = true;
    }
    try {
      err.println("waymark: " + TerminalText.escape(message(t, debug)));
      if (debug) {
        t.printStackTrace(err);
      }
      err.flush();
    } catch (Throwable ignored) { // NOPMD: the exit code must still say "failed"
      // nothing more can be said
    }
    return ExitCode.USAGE;
  }

  private static String message(Throwable t, boolean debug) {
    if (t instanceof UserError
        || t instanceof RequestException
        || t instanceof OutputException
        || t instanceof GitProblem) {
      return t.getMessage();
    }
    Throwable io = t instanceof java.io.UncheckedIOException u ? u.getCause() : t;
    if (io instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
      // The file system refused (a folder that cannot be listed, a file gone mid-run): the
      // input is unreadable, which the user can fix, not a fault of Waymark.
      return "cannot read "
          + f.getFile()
          + ": "
          + (f instanceof java.nio.file.AccessDeniedException
              ? "permission denied"
              : f instanceof java.nio.file.NoSuchFileException
                  ? "no such file or folder (removed while Waymark ran?)"
                  : f.getReason() != null ? f.getReason() : f.getClass().getSimpleName());
    }
    String more =
        debug ? "" : "; run again with --debug for the stack trace, and report it with the input";
    if (t instanceof StackOverflowError) {
      return "internal error: the input nests too deeply (stack overflow)" + more;
    }
    if (t instanceof OutOfMemoryError) {
      return "out of memory ("
          + t.getMessage()
          + "); give Waymark more memory (WAYMARK_JAVA_OPTS=-Xmx2g) or report the input that"
          + " needs it";
    }
    return "internal error: " + t + more;
  }

  @Override
  public int handleParseException(CommandLine.ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    PrintWriter err = cli.getErr();
    if (e instanceof CommandLine.UnmatchedArgumentException u && unknownCommand(u).isPresent()) {
      String word = unknownCommand(u).get();
      // "waymark hook": a subcommand is suggested with the command it belongs to; after
      // "waymark help", with the help command.
      String command = cli.getCommandSpec().qualifiedName();
      String typed = u instanceof HelpCommand.UnknownCommand h ? h.typed() : command;
      err.println(
          "waymark: '"
              + TerminalText.escape(word)
              + "' is not a "
              + command
              + " command; the commands are: "
              + String.join(", ", commands(cli))
              + ".");
      Suggestion.nearest(word, commands(cli))
          .ifPresent(
              s -> err.println("Did you mean: " + typed + " " + TerminalText.escape(s) + "?"));
    } else {
      err.println("waymark: " + TerminalText.escape(e.getMessage()));
      if (e instanceof CommandLine.UnmatchedArgumentException u) {
        nearestOption(u)
            .ifPresent(s -> err.println("Did you mean: " + TerminalText.escape(s) + "?"));
      }
    }
    err.println("Run '" + cli.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return ExitCode.USAGE;
  }

  /**
   * The word where a command was expected ({@code waymark new business-case}): the first unmatched
   * argument of a command that has subcommands, when it is not an option.
   */
  private static Optional<String> unknownCommand(CommandLine.UnmatchedArgumentException e) {
    CommandLine cli = e.getCommandLine();
    List<String> unmatched = e.getUnmatched();
    if (cli.getSubcommands().isEmpty() || unmatched.isEmpty()) {
      return Optional.empty();
    }
    String first = unmatched.get(0);
    return first.startsWith("-") ? Optional.empty() : Optional.of(first);
  }

  /**
   * A command that needs a subcommand, run without one ({@code waymark}, {@code waymark hook},
   * {@code waymark daemon}): a usage error (SPEC §5), so exit 2 with one line that names the
   * commands, then the usage, on stderr; a script that forgot the command word must not pass.
   * {@code --help} and {@code waymark help} still print the usage on stdout with exit 0.
   */
  static int missingCommand(CommandLine cli) {
    PrintWriter err = cli.getErr();
    String command = cli.getCommandSpec().qualifiedName();
    err.println(
        "waymark: '"
            + command
            + "' needs a command, one of: "
            + String.join(", ", commands(cli))
            + ".");
    err.println();
    cli.usage(err);
    err.flush();
    return ExitCode.USAGE;
  }

  private static List<String> commands(CommandLine cli) {
    // Hidden commands (the resident server's "daemon serve") are not offered to a user.
    return cli.getSubcommands().entrySet().stream()
        .filter(c -> !c.getKey().equals("help"))
        .filter(c -> !c.getValue().getCommandSpec().usageMessage().hidden())
        .map(java.util.Map.Entry::getKey)
        .toList();
  }

  /** A close option name for a misspelt one ({@code --fromat}), never a far-off one. */
  private static Optional<String> nearestOption(CommandLine.UnmatchedArgumentException e) {
    List<String> unmatched = e.getUnmatched();
    if (unmatched.isEmpty() || !unmatched.get(0).startsWith("--")) {
      return Optional.empty();
    }
    String word = unmatched.get(0).split("=", 2)[0];
    List<String> names =
        e.getCommandLine().getCommandSpec().options().stream()
            .flatMap(o -> Arrays.stream(o.names()))
            .filter(n -> n.startsWith("--"))
            .toList();
    return Suggestion.nearest(word, names);
  }
}
