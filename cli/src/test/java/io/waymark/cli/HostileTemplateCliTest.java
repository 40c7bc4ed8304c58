package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 11: a repository template that loops, recurses or grows without end ends the report with
 * exit 2, one line naming the template, the line and the limit, and nothing written.
 */
class HostileTemplateCliTest {

  @TempDir Path tmp;

  private Path repository(String template, String text) throws IOException {
    Path repo = tmp.resolve("repo");
    // Without the example's cache: another test class may be writing it right now.
    CacheCliTest.copy(ReportCommandTest.EXAMPLE, repo);
    Files.createDirectories(repo.resolve("templates"));
    Files.writeString(repo.resolve("templates").resolve(template), text);
    return repo;
  }

  // The limit named in the message proves which bound stopped the run; the timeout only keeps a
  // regression (a template that is never stopped) from hanging the build. No speed is asserted.
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a loop that writes    | qbr.ftlmd      | <#list 1..2000000000 as i>${i}</#list>                                  | ran longer than the time limit of 2s OR output passed the limit of
          a loop without output | qbr.ftlmd      | <#list 1..2000000000 as i></#list>                                      | ran longer than the time limit of 2s
          nested loops          | dashboard.ftlh | <#list 1..2000000000 as i><#list 1..2000000000 as j></#list></#list>    | ran longer than the time limit of 2s
          a recursive macro     | qbr.ftlmd      | <#macro r><@r/></#macro><@r/>                                           | nests deeper than 500 levels
          a huge ?string        | qbr.ftlmd      | <#assign s = ''><#list 1..2000000000 as i><#assign s = s + i?string></#list>${s} | ran longer than the time limit of 2s
          an include cycle      | qbr.ftlh       | <#include 'qbr.ftlh'>                                                   | nests deeper than 500 levels
          """)
  void shouldEndWithExitTwoAndOneLineAndWriteNothing(
      String attack, String template, String text, String limit) throws IOException {
    Path repo = repository(template, text);
    // The other templates as stand-ins that take no time: under the 2 s limit, a bundled QBR
    // rendered first on a loaded machine (a cold JVM beside other builds) once met the limit
    // itself, and the message named it instead of the hostile template.
    for (String other : List.of("qbr.ftlh", "qbr.ftlmd", "dashboard.ftlh")) {
      if (!other.equals(template)) {
        Files.writeString(repo.resolve("templates").resolve(other), "stand-in\n");
      }
    }
    Path out = Files.createDirectories(tmp.resolve("out"));

    Cli cli =
        Cli.run(
            "report",
            repo.toString(),
            "--out",
            out.toString(),
            "--no-pdf",
            "--template-timeout",
            "2s");

    assertThat(cli.code()).as(cli.err()).isEqualTo(2);
    // A loop that writes meets the time limit or the output cap first, by the machine's speed.
    String stopped =
        "waymark: no report written: template "
            + template
            + " (the repository's templates/"
            + template
            + ") stopped at line 1: it ";
    assertThat(
            java.util.Arrays.stream(limit.split(" OR "))
                .map(
                    l ->
                        l.startsWith("output")
                            ? stopped.replaceAll(" it $", " its ") + l
                            : stopped + l))
        .as(cli.err())
        .anyMatch(cli.err()::startsWith);
    assertThat(cli.err())
        .endsWith("\n")
        .hasLineCount(1)
        .doesNotContain("\tat ", "Exception", "Error");
    assertThat(cli.out()).isEmpty();
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void shouldKeepTheMachineFormatsOfCiWhenItsReportTemplateRecurses() throws IOException {
    Path repo = repository("qbr.ftlmd", "<#macro r><@r/></#macro><@r/>\n");
    Path out = tmp.resolve("out");

    Cli cli = Cli.run("ci", repo.toString(), "--out", out.toString(), "--no-pdf");

    assertThat(cli.code()).isEqualTo(2);
    assertThat(cli.err())
        .isEqualTo(
            "waymark: no report written: template qbr.ftlmd (the repository's templates/qbr.ftlmd)"
                + " stopped at line 1: it nests deeper than 500 levels (a macro, function or include"
                + " that calls itself without end?)\n");
    assertThat(out.resolve("waymark.sarif")).exists();
    assertThat(out.resolve("report")).doesNotExist();
    assertThat(out.resolve(CiCommand.INCOMPLETE)).exists();
  }

  @Test
  void shouldRefuseATemplateTimeoutThatIsNotADuration() throws IOException {
    Path out = tmp.resolve("out");

    Cli cli =
        Cli.run(
            "report",
            ReportCommandTest.EXAMPLE.toString(),
            "--out",
            out.toString(),
            "--template-timeout",
            "soon");

    assertThat(cli.code()).isEqualTo(2);
    assertThat(cli.err())
        .isEqualTo(
            "waymark: --template-timeout 'soon' is not a duration; write a whole number from 1"
                + " with a unit (ms, s, m, h), e.g. 5s, 90s or 2m\n");
    assertThat(out).doesNotExist();
  }

  @Test
  void shouldDocumentTheTemplateTimeoutInTheHelpOfReportAndCi() {
    for (String command : List.of("report", "ci")) {
      Cli cli = Cli.run(command, "--help");

      assertThat(cli.out()).contains("--template-timeout=DURATION").contains("Default: 20s.");
    }
  }

  /**
   * The attack of the issue, as a user runs it: a JVM of its own with a small heap and the default
   * limits. It used to run 55 s and die with an OutOfMemoryError and a stack trace, exit 1.
   */
  @Test
  void shouldStopTheLoopOfTheIssueWithTheDefaultLimitsInItsOwnJvm() throws Exception {
    Path repo = repository("qbr.ftlmd", "<#list 1..2000000000 as i>${i}</#list>\n");
    File stdout = tmp.resolve("stdout").toFile();

    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "report",
                repo.toString(),
                "--out",
                tmp.resolve("out").toString(),
                "--no-pdf")
            .redirectOutput(stdout)
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(p.exitValue()).as(err).isEqualTo(2);
    assertThat(err)
        .hasLineCount(1)
        .containsPattern(
            "^waymark: no report written: template qbr.ftlmd \\(the repository's"
                + " templates/qbr.ftlmd\\) stopped at line 1: (its output passed the limit of"
                + " 16777216 characters|it ran longer than the time limit of 20s)");
    assertThat(tmp.resolve("out")).doesNotExist();
  }
}
