package io.waymark.cli;

import java.io.PrintWriter;
import java.util.Arrays;
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
    err.println("waymark: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Run '" + cli.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return ExitCode.USAGE;
  }
}
