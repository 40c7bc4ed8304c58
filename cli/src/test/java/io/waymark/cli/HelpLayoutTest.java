package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Every command's help reads as written at 80 columns: picocli wraps a text line longer than that
 * at column 80 and starts the rest on a line of its own, so a paragraph written as lines of more
 * than 80 characters came out ragged (a long line, a few words, a long line). A line longer than 80
 * characters must therefore be a paragraph on its own, which picocli then flows as a whole.
 */
class HelpLayoutTest {

  private static void collect(CommandLine command, List<CommandLine> all) {
    all.add(command);
    for (CommandLine sub : command.getSubcommands().values()) {
      if (!all.contains(sub)) {
        collect(sub, all);
      }
    }
  }

  /** The lines of {@code text} longer than 80 characters that are not a paragraph of their own. */
  private static List<String> ragged(String[] text) {
    return ragged(text, 80);
  }

  /** The lines of {@code text} longer than {@code width} that are not a paragraph of their own. */
  private static List<String> ragged(String[] text, int width) {
    List<String> found = new ArrayList<>();
    for (int i = 0; i < text.length; i++) {
      boolean alone =
          (i == 0 || text[i - 1].isEmpty()) && (i == text.length - 1 || text[i + 1].isEmpty());
      if (text[i].length() > width && !alone) {
        found.add(text[i]);
      }
    }
    return found;
  }

  /**
   * "waymark new --help" showed "Usage: waymark new ... KIND DIR", DIR as if required, while the
   * description (and every example) leaves it out for the current folder, as validate's [DIR].
   */
  @Test
  void shouldShowAnOptionalFolderAsOptionalInTheUsageOfNew() {
    Cli cli = Cli.run("new", "--help");

    assertThat(cli.code()).isZero();
    assertThat(cli.out()).contains("KIND [DIR]");
  }

  @Test
  void shouldWriteEveryLineOfEveryHelpWithinEightyColumnsOrAsAParagraphOfItsOwn() {
    List<CommandLine> commands = new ArrayList<>();
    collect(WaymarkCommand.commandLine(), commands);
    assertThat(commands).hasSizeGreaterThan(15);

    for (CommandLine command : commands) {
      UsageMessageSpec usage = command.getCommandSpec().usageMessage();
      String name = command.getCommandSpec().qualifiedName();
      assertThat(ragged(usage.description())).as("%s: description", name).isEmpty();
      assertThat(ragged(usage.footer())).as("%s: footer", name).isEmpty();
      assertThat(ragged(usage.header())).as("%s: header", name).isEmpty();
      for (CommandLine.Model.ArgSpec arg : command.getCommandSpec().args()) {
        // An option's description is wrapped in its column, right of the option's names.
        assertThat(ragged(arg.description(), 51)).as("%s: %s", name, arg).isEmpty();
      }
    }
  }
}
