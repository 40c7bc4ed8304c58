package io.waymark.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import groovy.lang.GroovyClassLoader;
import java.util.List;
import org.codehaus.groovy.runtime.InvokerHelper;
import org.junit.jupiter.api.Test;

/** The scripts that run waymark (src/io/waymark/jenkins/WaymarkCommand.groovy). */
class WaymarkCommandTest {

  private static final Class<?> WAYMARK_COMMAND;

  static {
    GroovyClassLoader loader = new GroovyClassLoader(WaymarkCommandTest.class.getClassLoader());
    loader.addClasspath(MockPipeline.LIBRARY.resolve("src").toString());
    try {
      WAYMARK_COMMAND = loader.loadClass("io.waymark.jenkins.WaymarkCommand");
    } catch (ClassNotFoundException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static String script(boolean unix, List<String> args) {
    return script(unix, args, false, List.of());
  }

  private static String script(
      boolean unix, List<String> args, boolean lookup, List<String> stale) {
    return (String)
        InvokerHelper.invokeStaticMethod(
            WAYMARK_COMMAND,
            "script",
            new Object[] {unix, "waymark", args, "/ws@tmp/waymark-stderr.txt", lookup, stale});
  }

  @Test
  void shouldLookUpTheInstalledWaymarkAndRefuseOneInTheWorkspace() {
    String script = script(true, List.of("ci", "."), true, List.of());

    assertThat(script)
        .contains("waymark=$(command -v waymark) || waymark=\n")
        .contains("\n  /*) ;;\n")
        .contains("\n  \"${WORKSPACE:-$PWD}\"/* | \"$PWD\"/*) echo ")
        .contains("echo \"Waymark: running $waymark\"\n\"$waymark\" ci . 2>");
  }

  @Test
  void shouldDeleteTheResultsOfAnEarlierRunFirst() {
    List<String> stale = List.of("out dir/waymark.json", "out dir/report/qbr-*.html");

    assertThat(script(true, List.of("ci"), false, stale))
        .startsWith("status=0\nrm -f -- 'out dir/'waymark.json 'out dir/report/'qbr-*.html\n");
    assertThat(script(false, List.of("ci"), false, stale))
        .startsWith(
            "set NoDefaultCurrentDirectoryInExePath=1\n"
                + "if exist \"out dir\\waymark.json\" del /f /q \"out dir\\waymark.json\"\n"
                + "if exist \"out dir\\report\\qbr-*.html\" del /f /q"
                + " \"out dir\\report\\qbr-*.html\"\n");
  }

  @Test
  void shouldKeepTheExitCodeAndPrintStderrUnderShMinusE() {
    assertThat(script(true, List.of("ci", ".", "--out", "target/waymark")))
        .isEqualTo(
            """
            status=0
            waymark ci . --out target/waymark 2>/ws@tmp/waymark-stderr.txt || status=$?
            cat /ws@tmp/waymark-stderr.txt >&2 || true
            exit $status
            """);
  }

  @Test
  void shouldQuoteArgumentsForTheShell() {
    assertThat(script(true, List.of("my roadmap", "it's", "$HOME", "a;b")))
        .contains("\nwaymark 'my roadmap' 'it'\"'\"'s' '$HOME' 'a;b' 2>");
  }

  /**
   * A batch file expands % once, and call a second time: a % of an argument is written %%%% to
   * reach waymark as one %, and %PATH% stays as written.
   */
  @Test
  void shouldCallTheCommandAndQuoteArgumentsForBatch() {
    assertThat(script(false, List.of("ci", "my roadmap", "100%", "say \"hi\"", "%PATH%")))
        .isEqualTo(
            """
            set NoDefaultCurrentDirectoryInExePath=1
            call waymark ci "my roadmap" "100%%%%" "say ""hi""\" "%%%%PATH%%%%" \
            2>/ws@tmp/waymark-stderr.txt
            set WAYMARK_STATUS=%ERRORLEVEL%
            type /ws@tmp/waymark-stderr.txt 1>&2
            exit /b %WAYMARK_STATUS%
            """);
  }

  /**
   * Not only the looked-up waymark: a tool's {@code java -jar} and the bundle's waymark.cmd (which
   * runs java) would otherwise run a java.cmd that the change being built put in the workspace.
   */
  @Test
  void shouldNeverLetCmdRunAProgramOfTheWorkspace() {
    assertThat(script(false, List.of("ci"), false, List.of()))
        .startsWith("set NoDefaultCurrentDirectoryInExePath=1\ncall waymark ci 2>");
  }

  @Test
  void shouldRecogniseJenkinsMessageForAMissingStep() {
    Object missing =
        InvokerHelper.invokeStaticMethod(
            WAYMARK_COMMAND,
            "isMissingStep",
            new Object[] {
              "No such DSL method 'recordIssues' found among steps [sh, junit]",
              List.of("recordIssues", "sarif")
            });
    Object other =
        InvokerHelper.invokeStaticMethod(
            WAYMARK_COMMAND,
            "isMissingStep",
            new Object[] {
              "No such DSL method 'junitt' found among steps [sh, junit]", List.of("junit")
            });

    assertThat(missing).isEqualTo(true);
    assertThat(other).isEqualTo(false);
  }
}
