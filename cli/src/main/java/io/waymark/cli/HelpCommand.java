package io.waymark.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code waymark help [COMMAND...]}: the usage of waymark or of one of its commands, {@code waymark
 * help hook install} as {@code waymark hook install --help}. A word that is not a command is the
 * usage error {@code waymark nosuch} is, said the same way by {@link Failures} (the commands, the
 * nearest one), where picocli's own help command said only "Unknown subcommand".
 */
@Command(
    name = "help",
    helpCommand = true,
    synopsisHeading = "%nUsage: ",
    description = "Print the usage of waymark or of a command.")
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {

  @CommandLine.Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Print the usage of the help command and exit.")
  boolean usage;

  @CommandLine.Parameters(
      paramLabel = "COMMAND",
      arity = "0..*",
      description = "The command (and subcommand) to print the usage of.")
  List<String> words = new ArrayList<>();

  private CommandLine self;
  private CommandLine.Help.ColorScheme colors;
  private PrintWriter out;

  @Override
  public void init(
      CommandLine helpCommandLine,
      CommandLine.Help.ColorScheme colorScheme,
      PrintWriter outWriter,
      PrintWriter errWriter) {
    this.self = helpCommandLine;
    this.colors = colorScheme;
    this.out = outWriter;
  }

  @Override
  public void run() {
    CommandLine command = self.getParent();
    StringBuilder typed = new StringBuilder(command.getCommandName()).append(" help");
    for (String word : words) {
      CommandLine sub = command.getSubcommands().get(word);
      if (sub == null) {
        throw new UnknownCommand(command, word, typed.toString());
      }
      command = sub;
      typed.append(' ').append(word);
    }
    command.usage(out, colors);
  }

  /**
   * A word after {@code help} that is not a command of {@code command}; {@code typed} is the
   * command line before it ({@code waymark help hook}), which a suggestion continues.
   */
  static final class UnknownCommand extends CommandLine.UnmatchedArgumentException {

    private static final long serialVersionUID = 1L;

    private final String typed;

    UnknownCommand(CommandLine command, String word, String typed) {
      super(command, List.of(word));
      this.typed = typed;
    }

    String typed() {
      return typed;
    }
  }
}
