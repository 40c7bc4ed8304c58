package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@code waymark validate …} builds the picocli model of {@code validate} alone (most of the
 * start-up of a run that has nothing to judge); help, version, completion-style listings, unknown
 * commands and every error print exactly what the whole model prints.
 */
class CommandModelTest {

  @TempDir static Path tmp;

  @Test
  void aCommandLineBuildsOnlyTheModelOfTheCommandItRuns() {
    assertThat(WaymarkCommand.forArgs("validate", "example-roadmap").getSubcommands())
        .containsOnlyKeys("validate");
    assertThat(WaymarkCommand.forArgs("--timeout", "5s", "hook", "install").getSubcommands())
        .containsOnlyKeys("hook");
    assertThat(WaymarkCommand.forArgs("--timeout=5s", "ci").getSubcommands())
        .containsOnlyKeys("ci");
    assertThat(WaymarkCommand.forArgs("--version").getSubcommands()).isEmpty();
  }

  @Test
  void helpUnknownWordsAndOtherOptionsBuildEveryModel() {
    List<String> all = new ArrayList<>(WaymarkCommand.commandLine().getSubcommands().keySet());
    assertThat(all).hasSize(16).startsWith("validate").endsWith("help");
    for (String[] args :
        List.of(
            new String[] {},
            new String[] {"help"},
            new String[] {"help", "validate"},
            new String[] {"--help"},
            new String[] {"-h", "validate"},
            new String[] {"-V", "validate"},
            new String[] {"validat"},
            new String[] {"--timeout", "5s"},
            new String[] {"@args.txt"},
            new String[] {"--bogus", "validate"})) {
      assertThat(WaymarkCommand.forArgs(args).getSubcommands().keySet())
          .as(String.join(" ", args))
          .containsExactlyElementsOf(all);
    }
  }

  static Stream<List<String>> commandLines() {
    String dir = tmp.resolve("absent").toString();
    return Stream.of(
        List.of(),
        List.of("--help"),
        List.of("-h"),
        List.of("--version"),
        List.of("-V"),
        List.of("-V", "--version"),
        List.of("help"),
        List.of("help", "validate"),
        List.of("help", "hook"),
        List.of("help", "nothing"),
        List.of("validate", "--help"),
        List.of("validate", "-h"),
        List.of("validate", dir),
        List.of("validate", dir, "--format", "nonsense"),
        List.of("validate", dir, "--fromat", "json"),
        List.of("validate", "--timeout", "nonsense", dir),
        List.of("--timeout", "nonsense", "validate", dir),
        List.of("--timeout=nonsense", "validate", dir),
        List.of("--timeout"),
        List.of("--timeout", "5s"),
        List.of("validat", dir),
        List.of("valdate"),
        List.of("--bogus"),
        List.of("hook"),
        List.of("hook", "--help"),
        List.of("hook", "instal"),
        List.of("rules", "--help"),
        List.of("explain"),
        List.of("explain", "no-such-rule"),
        List.of("schema", "--help"),
        List.of("diff", "--help"),
        List.of("history", "--help"),
        List.of("report", "--help"),
        List.of("ci", "--help"),
        List.of("init", "--help"),
        List.of("new", "--help"),
        List.of("fix", "--help"),
        List.of("lsp", "--help"),
        List.of("baseline", "--help"),
        List.of("validate", "help"));
  }

  @ParameterizedTest(name = "waymark {0}")
  @MethodSource("commandLines")
  void printsAndExitsAsWithEveryModelBuilt(List<String> args) {
    String[] a = args.toArray(String[]::new);
    Run lazy = run(WaymarkCommand.forArgs(a), a);
    Run full = run(WaymarkCommand.commandLine(), a);
    assertThat(lazy).isEqualTo(full);
  }

  private record Run(int code, String out, String err) {}

  private static Run run(CommandLine cli, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    cli.getOut().flush();
    cli.getErr().flush();
    return new Run(code, out.toString(), err.toString());
  }
}
