package io.waymark.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import groovy.lang.GroovyClassLoader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
   * call doubles every ^ of its line, in quotes too, where nothing halves it again: a tool's path
   * C:\tools\a^b reached the command as C:\tools\a^^b. A ^ is written as a variable that holds one
   * and is expanded after the doubling.
   */
  @Test
  void shouldKeepACaretThroughCall() {
    assertThat(quote("C:\\tools\\a^b\\waymark.cmd"))
        .isEqualTo("\"C:\\tools\\a%%WAYMARK_CARET%%b\\waymark.cmd\"");
    assertThat(script(false, List.of("ci", "x^y")))
        .startsWith(
            "set NoDefaultCurrentDirectoryInExePath=1\n"
                + "set \"WAYMARK_CARET=^\"\n"
                + "call waymark ci \"x%%WAYMARK_CARET%%y\" 2>");
    // No caret, no variable: the script is as before.
    assertThat(script(false, List.of("ci", "x"))).doesNotContain("WAYMARK_CARET");
  }

  /**
   * What cmd.exe makes of the call line, as far as % and ^ go: each argument reaches the command
   * line as the single quoting of {@code batQuote} would write it on a line without call. (cmd's
   * rules: a batch line expands %% to % and %NAME% to its value, then removes each ^ outside quotes
   * and keeps the character after it; call doubles every ^ and does both again.)
   */
  @Test
  void shouldPassEveryArgumentThroughCallAsWritten() {
    List<String> args =
        List.of(
            "ci", "C:\\tools\\a^b", "^", "100%", "%PATH%", "say \"hi\"", "x^^y", "%WAYMARK_CARET%");
    String[] lines = script(false, args).split("\n");
    Map<String, String> env = new HashMap<>(Map.of("PATH", "C:\\Windows"));
    String call = null;
    for (String line : lines) {
      String parsed = Cmd.line(line, env);
      if (parsed.startsWith("set \"")) {
        int eq = parsed.indexOf('=');
        env.put(parsed.substring(5, eq), parsed.substring(eq + 1, parsed.lastIndexOf('"')));
      } else if (line.startsWith("call ")) {
        call = Cmd.line(parsed.replace("^", "^^"), env);
      }
    }

    StringBuilder expected = new StringBuilder("call waymark ci");
    for (String arg : args.subList(1, args.size())) {
      expected.append(" \"").append(arg.replace("\"", "\"\"")).append('"');
    }
    assertThat(call).startsWith(expected + " 2>");
  }

  /** cmd.exe's two steps of a batch line that matter here: % expansion, then ^ escapes. */
  private static final class Cmd {

    static String line(String text, Map<String, String> env) {
      return carets(percents(text, env));
    }

    private static String percents(String text, Map<String, String> env) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c != '%') {
          out.append(c);
        } else if (i + 1 < text.length() && text.charAt(i + 1) == '%') {
          out.append('%');
          i++;
        } else {
          int end = text.indexOf('%', i + 1);
          if (end > 0) {
            out.append(env.getOrDefault(text.substring(i + 1, end), ""));
            i = end;
          }
        }
      }
      return out.toString();
    }

    private static String carets(String text) {
      StringBuilder out = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '"') {
          quoted = !quoted;
        } else if (c == '^' && !quoted && i + 1 < text.length()) {
          c = text.charAt(++i);
        }
        out.append(c);
      }
      return out.toString();
    }
  }

  private static String quote(String arg) {
    return (String) InvokerHelper.invokeStaticMethod(WAYMARK_COMMAND, "batCallQuote", arg);
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
