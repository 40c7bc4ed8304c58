package io.waymark.cli;

import io.waymark.engine.finding.Suggestion;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Turns exceptions into a one-line message on stderr and exit code 2. A stack trace is printed only
 * with {@code --debug}.
 */
final class Failures
    implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
    PrintWriter err = cli.getErr();
    boolean debug = Arrays.asList(parseResult.originalArgs().toArray()).contains("--debug");
    if (e instanceof UserError) {
      err.println("waymark: " + e.getMessage());
    } else {
      err.println("waymark: internal error: " + e);
      if (!debug) {
        err.println(
            "Run again with --debug for the stack trace, and report it with the input that caused it.");
      }
    }
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
    return ExitCode.USAGE;
  }

  @Override
  public int handleParseException(CommandLine.ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    PrintWriter err = cli.getErr();
    if (e instanceof CommandLine.UnmatchedArgumentException u && unknownCommand(u).isPresent()) {
      String word = unknownCommand(u).get();
      err.println(
          "waymark: '"
              + word
              + "' is not a waymark command; the commands are: "
              + String.join(", ", commands(cli))
              + ".");
      Suggestion.nearest(word, commands(cli))
          .ifPresent(s -> err.println("Did you mean: waymark " + s + "?"));
    } else {
      err.println("waymark: " + e.getMessage());
      if (e instanceof CommandLine.UnmatchedArgumentException u) {
        nearestOption(u).ifPresent(s -> err.println("Did you mean: " + s + "?"));
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

  private static List<String> commands(CommandLine cli) {
    return cli.getSubcommands().keySet().stream().filter(n -> !n.equals("help")).toList();
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
