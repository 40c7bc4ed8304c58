package io.waymark.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.ValidationResult;
import io.waymark.report.template.RenderLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: a repository's own template is untrusted code. Each attack ends, in bounded time, with
 * one line naming the template, the line and the limit, and no output.
 */
@Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
class HostileTemplateTest {

  /** Short, so that the suite stays fast; the default is 20 s. */
  private static final RenderLimits LIMITS =
      RenderLimits.defaults().withTime(Duration.ofSeconds(2), "2s");

  private static ValidationResult example;

  @TempDir Path repo;

  @BeforeAll
  static void validate() {
    example = Examples.example();
  }

  private void template(String name, String text) throws IOException {
    Files.createDirectories(repo.resolve("templates"));
    Files.writeString(repo.resolve("templates").resolve(name), text);
  }

  private String failure(RenderLimits limits) {
    Throwable t =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                Reports.render(
                    ReportInput.of(example)
                        .withPdf(false)
                        .withRepository(repo)
                        .withLimits(limits)));
    // Which bound stopped the run is in the message each test checks; no speed is asserted here
    // (the class's timeout only keeps a template that is never stopped from hanging the build).
    assertThat(t).isInstanceOf(ReportException.class);
    assertThat(t.getMessage()).doesNotContain("\n");
    return t.getMessage();
  }

  @Test
  void shouldStopAHugeLoopThatWrites() throws IOException {
    template("qbr.ftlmd", "# QBR\n<#list 1..2000000000 as i>${i}</#list>\n");

    // Whichever bound this machine meets first: the time limit or the output cap.
    assertThat(failure(LIMITS))
        .startsWith("template qbr.ftlmd (the repository's templates/qbr.ftlmd) stopped at line 2: ")
        .containsAnyOf(
            "it ran longer than the time limit of 2s for one template (--template-timeout)",
            "its output passed the limit of 16777216 characters");
  }

  @Test
  void shouldStopAHugeLoopThatWritesNothing() throws IOException {
    template("qbr.ftlmd", "<#list 1..2000000000 as i></#list>\n");

    assertThat(failure(LIMITS))
        .contains("qbr.ftlmd")
        .contains("stopped at line 1: it ran longer than the time limit of 2s");
  }

  @Test
  void shouldStopNestedLoops() throws IOException {
    template(
        "dashboard.ftlh",
        "<p>\n<#list 1..2000000000 as i>\n  <#list 1..2000000000 as j></#list>\n</#list>\n");

    assertThat(failure(LIMITS))
        .contains("template dashboard.ftlh")
        .containsPattern("stopped at line [23]: it ran longer than the time limit of 2s");
  }

  @Test
  void shouldStopAMacroThatCallsItself() throws IOException {
    template("qbr.ftlmd", "<#macro r><@r/></#macro><@r/>\n");

    assertThat(failure(LIMITS))
        .isEqualTo(
            "template qbr.ftlmd (the repository's templates/qbr.ftlmd) stopped at line 1: it nests"
                + " deeper than 500 levels (a macro, function or include that calls itself without"
                + " end?)");
  }

  @Test
  void shouldStopAFunctionThatCallsItself() throws IOException {
    template("qbr.ftlmd", "<#function f n><#return f(n + 1)></#function>\n${f(0)}\n");

    assertThat(failure(LIMITS)).contains("qbr.ftlmd").contains("stopped at line 1: it nests");
  }

  @Test
  void shouldStopAnIncludeCycle() throws IOException {
    template("qbr.ftlmd", "a\n<#include \"part.ftlmd\">\n");
    template("part.ftlmd", "b\n<#include \"qbr.ftlmd\">\n");

    assertThat(failure(LIMITS))
        .containsPattern("template (qbr|part)\\.ftlmd \\(the repository's templates/")
        .contains("stopped at line 2: it nests deeper than 500 levels");
  }

  @Test
  void shouldStopAHugeStringBuiltInALoop() throws IOException {
    template(
        "qbr.ftlmd",
        "<#assign s = \"\">\n<#list 1..2000000000 as i>\n<#assign s = s + i?string>\n</#list>\n${s}\n");

    assertThat(failure(LIMITS))
        .contains("qbr.ftlmd")
        .containsPattern("stopped at line [23]: it ran longer than the time limit of 2s");
  }

  @Test
  void shouldStopAStringThatDoublesUntilMemoryRunsOut() throws IOException {
    template(
        "qbr.ftlmd",
        "<#assign s = \"x\">\n<#list 1..64 as i>\n<#assign s = s + s?string>\n</#list>\n${s}\n");

    assertThat(failure(LIMITS))
        .contains("qbr.ftlmd")
        .containsPattern("stopped at line [23]: it (ran out of memory|ran longer than)");
  }

  @Test
  void shouldCapTheOutput() throws IOException {
    template("qbr.ftlmd", "<#list 1..2000000000 as i>${\"y\"?left_pad(1000, \"y\")}</#list>\n");

    // The default time limit (20 s), not the 2 s of the other templates here: on a loaded machine a
    // fresh JVM took more than 2 s to write the first mebibyte, and the time limit spoke first.
    assertThat(failure(RenderLimits.defaults().withOutputChars(1 << 20)))
        .isEqualTo(
            "template qbr.ftlmd (the repository's templates/qbr.ftlmd) stopped at line 1: its"
                + " output passed the limit of 1048576 characters (1 Mi)");
  }

  @Test
  void shouldNotLetAnAttemptSwallowTheLimit() throws IOException {
    template(
        "qbr.ftlmd",
        "<#list 1..2000000000 as i><#attempt><#list 1..2000000000 as j></#list><#recover>r</#attempt></#list>\n");

    assertThat(failure(LIMITS)).contains("it ran longer than the time limit of 2s");
  }

  @Test
  void shouldGiveUpOnABuiltInThatRunsTooLong() throws IOException {
    // One instruction that loops inside Freemarker: no instruction boundary to stop at.
    template("qbr.ftlmd", "${(1..2000000000)?filter(i -> i < 0)?size}\n");

    assertThat(failure(LIMITS))
        .isEqualTo(
            "template qbr.ftlmd (the repository's templates/qbr.ftlmd) stopped at line 1: it ran"
                + " longer than the time limit of 2s for one template (--template-timeout)");
  }

  @Test
  void shouldRenderTheBundledTemplatesWithinTheDefaultLimits() {
    RenderedReport report =
        Reports.render(ReportInput.of(example).withPdf(false).withLimits(RenderLimits.defaults()));

    assertThat(report.text("qbr-2027-Q2.md")).startsWith("# AI Infrastructure");
  }
}
