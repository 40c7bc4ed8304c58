package io.waymark.jenkins;

import static io.waymark.jenkins.MockPipeline.fixture;
import static io.waymark.jenkins.MockPipeline.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.waymark.jenkins.MockPipeline.PipelineError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WaymarkValidateTest {

  private static final String JSON = "target/waymark/waymark.json";

  private final MockPipeline pipeline = new MockPipeline();

  /** "2 errors, 0 warnings, 0 infos" of a fixture, as the step words it. */
  private static String counts(String fixture) {
    Map<?, ?> s = CliFixtures.summary(fixture);
    return plural(s.get("errors"), "error")
        + ", "
        + plural(s.get("warnings"), "warning")
        + ", "
        + plural(s.get("infos"), "info");
  }

  private static String plural(Object n, String word) {
    return n + " " + word + (Integer.valueOf(1).equals(n) ? "" : "s");
  }

  private Object validate(Map<String, Object> config) {
    return pipeline.run("waymarkValidate", new HashMap<>(config));
  }

  @Test
  void shouldPublishAndArchiveWithoutTouchingTheResultWhenThereAreNoFindings() {
    pipeline.cliWrites(JSON, fixture("clean.json")).cliExits(0, "");

    Object summary = validate(Map.of());

    assertThat(pipeline.commandLine())
        .isEqualTo("waymark ci . --out target/waymark --fail-on error");
    assertThat(pipeline.calls("junit"))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.named())
                    .containsEntry("testResults", "target/waymark/waymark-junit.xml")
                    .containsEntry("allowEmptyResults", true)
                    .containsEntry("skipMarkingBuildUnstable", true));
    assertThat(pipeline.calls("checkStyle"))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.named())
                    .containsEntry("pattern", "target/waymark/waymark-checkstyle.xml")
                    .containsEntry("id", "waymark")
                    .containsEntry("name", "Waymark"));
    assertThat(pipeline.calls("recordIssues"))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.named())
                    .containsEntry("sourceDirectories", List.of(Map.of("path", "."))));
    assertThat(pipeline.calls("archiveArtifacts"))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.named())
                    .containsEntry("artifacts", "target/waymark/**")
                    .containsEntry("allowEmptyArchive", true));
    assertThat(pipeline.stepNames()).doesNotContain("error", "unstable");
    assertThat(pipeline.result()).isEqualTo("SUCCESS");
    assertThat(summary)
        .isEqualTo(Map.of("errors", 0, "warnings", 0, "infos", 1, "result", "SUCCESS"));
    assertThat(pipeline.log).contains("Waymark: running the installed waymark on the agent's PATH");
  }

  @Test
  void shouldFailTheBuildAfterPublishingWhenThereAreErrors() {
    pipeline.cliWrites(JSON, fixture("errors.json")).cliExits(1, "");

    assertThatThrownBy(() -> validate(Map.of()))
        .isInstanceOf(PipelineError.class)
        .hasMessage("Waymark: " + counts("errors") + " (fail on error)");

    assertThat(pipeline.result()).isEqualTo("FAILURE");
    assertThat(pipeline.stepNames())
        .containsSubsequence("sh", "junit", "recordIssues", "archiveArtifacts", "error")
        .doesNotContain("unstable");
  }

  @Test
  void shouldMarkTheBuildUnstableWhenThereAreWarnings() {
    pipeline.cliWrites(JSON, fixture("warnings.json")).cliExits(0, "");

    Object summary = validate(Map.of());

    Map<?, ?> counts = CliFixtures.summary("warnings");
    assertThat(counts.get("errors")).isEqualTo(0);
    assertThat((Integer) counts.get("warnings")).isPositive();
    assertThat(pipeline.calls("unstable"))
        .extracting(MockPipeline.Call::argument)
        .containsExactly("Waymark: " + counts("warnings") + " (unstable on warning)");
    assertThat(pipeline.stepNames()).doesNotContain("error");
    assertThat(pipeline.result()).isEqualTo("UNSTABLE");
    assertThat(summary)
        .isEqualTo(
            Map.of(
                "errors",
                0,
                "warnings",
                counts.get("warnings"),
                "infos",
                counts.get("infos"),
                "result",
                "UNSTABLE"));
  }

  @ParameterizedTest(name = "{0} errors, {1} warnings, {2} infos, failOn {3}, unstableOn {4}: {5}")
  @CsvSource({
    "0, 0, 3, error,   warning, SUCCESS",
    "0, 0, 3, error,   info,    UNSTABLE",
    "0, 2, 0, warning, warning, FAILURE",
    "0, 2, 0, error,   never,   SUCCESS",
    "1, 0, 0, never,   warning, UNSTABLE",
    "1, 0, 0, never,   never,   SUCCESS",
    "0, 0, 1, info,    warning, FAILURE",
    "1, 5, 5, error,   info,    FAILURE",
  })
  void shouldDecideTheResultFromFailOnAndUnstableOn(
      int errors, int warnings, int infos, String failOn, String unstableOn, String expected) {
    // As the CLI does with --fail-on failOn: exit 1 when a finding is at failOn or above.
    boolean fails =
        switch (failOn) {
          case "error" -> errors > 0;
          case "warning" -> errors + warnings > 0;
          case "info" -> errors + warnings + infos > 0;
          default -> false;
        };
    pipeline.cliWrites(JSON, summary(errors, warnings, infos)).cliExits(fails ? 1 : 0, "");

    Throwable failure =
        catchThrowable(() -> validate(Map.of("failOn", failOn, "unstableOn", unstableOn)));

    assertThat(pipeline.result()).isEqualTo(expected);
    assertThat(failure != null).isEqualTo(expected.equals("FAILURE"));
  }

  @Test
  void shouldMarkTheBuildFailedAndGoOnWhenFailBuildIsFalse() {
    pipeline.cliWrites(JSON, fixture("errors.json")).cliExits(1, "");

    @SuppressWarnings("unchecked")
    Map<String, Object> summary = (Map<String, Object>) validate(Map.of("failBuild", false));

    assertThat(pipeline.stepNames()).doesNotContain("error");
    assertThat(pipeline.result()).isEqualTo("FAILURE");
    assertThat(summary).containsEntry("result", "FAILURE");
  }

  @Test
  void shouldCompareWithTheTargetBranchOnAPullRequest() {
    pipeline.pullRequestTo("main").cliWrites(JSON, fixture("clean.json"));

    validate(Map.of());

    assertThat(pipeline.commandLine())
        .isEqualTo("waymark ci . --out target/waymark --fail-on error --base origin/main");
  }

  @Test
  void shouldPreferAnExplicitBaseAndAllowNone() {
    pipeline.pullRequestTo("release/2027").cliWrites(JSON, fixture("clean.json"));
    validate(Map.of("base", "upstream/release/2027"));
    assertThat(pipeline.script()).contains("--base upstream/release/2027 ");

    MockPipeline noBase = new MockPipeline().pullRequestTo("main");
    noBase.cliWrites(JSON, fixture("clean.json"));
    noBase.run("waymarkValidate", new HashMap<>(Map.of("base", false)));
    assertThat(noBase.script()).doesNotContain("--base");
  }

  @Test
  void shouldFailWithTheMessageOfTheCliWhenItCannotRun() {
    pipeline.cliExits(2, "waymark: cannot read 'roadmap': no such folder\n");

    assertThatThrownBy(() -> validate(Map.of("dir", "roadmap")))
        .isInstanceOf(PipelineError.class)
        .hasMessage("waymark failed (exit 2): waymark: cannot read 'roadmap': no such folder");

    assertThat(pipeline.result()).isEqualTo("FAILURE");
    assertThat(pipeline.stepNames()).doesNotContain("junit", "recordIssues", "archiveArtifacts");
  }

  @Test
  void shouldFailWhenTheCommandIsNotFound() {
    pipeline.cliExits(127, "sh: 1: waymark: not found");

    assertThatThrownBy(() -> validate(Map.of()))
        .hasMessage("waymark failed (exit 127): sh: 1: waymark: not found");
  }

  @Test
  void shouldFailWhenWaymarkWritesNoResults() {
    pipeline.cliExits(0, "");

    assertThatThrownBy(() -> validate(Map.of()))
        .hasMessage("waymark failed: it wrote no target/waymark/waymark.json");
  }

  @Test
  void shouldFailWhenTheResultsHaveNoSummary() {
    pipeline.cliWrites(JSON, "{\"findings\": []}").cliExits(0, "");

    assertThatThrownBy(() -> validate(Map.of()))
        .hasMessage(
            "waymark failed: target/waymark/waymark.json has no usable summary"
                + " (no \"summary\" object)");
  }

  @Test
  void shouldArchiveTheResultsWhenWarningsNgIsNotInstalled() {
    pipeline.without("recordIssues", "checkStyle").cliWrites(JSON, fixture("warnings.json"));

    validate(Map.of());

    assertThat(pipeline.calls("echo"))
        .extracting(MockPipeline.Call::argument)
        .anySatisfy(m -> assertThat(m.toString()).contains("Warnings NG is not installed"));
    assertThat(pipeline.calls("archiveArtifacts")).hasSize(1);
    assertThat(pipeline.result()).isEqualTo("UNSTABLE");
  }

  @Test
  void shouldCarryOnWhenJenkinsKnowsNoCheckStyleSymbol() {
    pipeline.jenkinsLacks("checkStyle").cliWrites(JSON, fixture("clean.json"));

    validate(Map.of());

    assertThat(pipeline.calls("recordIssues")).isEmpty();
    assertThat(pipeline.calls("archiveArtifacts")).hasSize(1);
    assertThat(pipeline.result()).isEqualTo("SUCCESS");
  }

  @Test
  void shouldNotHideOtherMissingSteps() {
    pipeline.without("junit").cliWrites(JSON, fixture("clean.json"));

    assertThatThrownBy(() -> validate(Map.of()))
        .isInstanceOf(groovy.lang.MissingMethodException.class)
        .hasMessageContaining("junit");
  }

  @Test
  void shouldRunBatOnWindowsAgents() {
    pipeline.windows().cliWrites(JSON, fixture("clean.json"));

    validate(Map.of("dir", "my roadmap"));

    assertThat(pipeline.calls("sh")).isEmpty();
    assertThat(pipeline.commandLine())
        .isEqualTo("call waymark ci \"my roadmap\" --out target/waymark --fail-on error");
    assertThat(pipeline.script())
        .startsWith("set NoDefaultCurrentDirectoryInExePath=1\n")
        .contains("del /f /q \"target\\waymark\\waymark.json\"\n")
        .endsWith("exit /b %WAYMARK_STATUS%\n");
  }

  @Test
  void shouldNotRunTheLauncherOfTheWorkspaceUnlessToldTo() {
    pipeline.files.put("waymark", "#!/usr/bin/env bash");
    pipeline.cliWrites(JSON, fixture("clean.json"));

    validate(Map.of());

    assertThat(pipeline.script()).contains("waymark=$(command -v waymark)");
    assertThat(pipeline.commandLine()).startsWith("waymark ci ");
    assertThat(pipeline.log)
        .anySatisfy(line -> assertThat(line).contains("the workspace has a file named waymark"));
  }

  @Test
  void shouldRunTheLauncherOfTheWorkspaceWhenToldTo() {
    pipeline.files.put("waymark", "#!/usr/bin/env bash");
    pipeline.cliWrites(JSON, fixture("clean.json"));

    validate(Map.of("useWorkspaceLauncher", true));

    assertThat(pipeline.commandLine()).startsWith("./waymark ci ");
    assertThat(pipeline.script()).doesNotContain("command -v");
    assertThat(pipeline.log)
        .contains(
            "Waymark: running the workspace's own launcher ./waymark (useWorkspaceLauncher: true)");
  }

  private static final String TOOL_HOME = "/opt/jenkins/tools/waymark 0.1";

  /**
   * The tool installation waymark-0.1 whose home holds {@code files} (each starting with the
   * separator); the tool step may give the home with a trailing separator.
   */
  private void toolHolding(String home, String... files) {
    pipeline.tools.put("waymark-0.1", home);
    String base = home.replaceFirst("[/\\\\]$", "");
    for (String file : files) {
      pipeline.files.put(base + file, "");
    }
    pipeline.cliWrites(JSON, fixture("clean.json"));
  }

  @Test
  void shouldRunTheLauncherOfAToolInstallationOfTheReleaseBundle() {
    // The layout of the release bundle (docs/install.md): bin/waymark and lib/waymark.jar.
    toolHolding(TOOL_HOME, "/bin/waymark", "/lib/waymark.jar", "/bin/waymark.cmd");

    validate(Map.of("tool", "waymark-0.1"));

    assertThat(pipeline.commandLine())
        .startsWith("bash '/opt/jenkins/tools/waymark 0.1/bin/waymark' ci . ");
    assertThat(pipeline.log)
        .contains(
            "Waymark: running the tool installation 'waymark-0.1'"
                + " (/opt/jenkins/tools/waymark 0.1/bin/waymark)");
  }

  @Test
  void shouldRunTheJarOfAToolInstallationOfTheReleaseBundleWithoutItsLauncher() {
    toolHolding(TOOL_HOME + "/", "/lib/waymark.jar");

    validate(Map.of("tool", "waymark-0.1"));

    assertThat(pipeline.commandLine())
        .startsWith("java -jar '/opt/jenkins/tools/waymark 0.1/lib/waymark.jar' ci . ");
  }

  @Test
  void shouldRunTheJarInTheHomeOfAToolInstallation() {
    toolHolding(TOOL_HOME, "/waymark.jar");

    validate(Map.of("tool", "waymark-0.1"));

    assertThat(pipeline.commandLine())
        .startsWith("java -jar '/opt/jenkins/tools/waymark 0.1/waymark.jar' ci . ");
    assertThat(pipeline.log)
        .contains(
            "Waymark: running the tool installation 'waymark-0.1'"
                + " (/opt/jenkins/tools/waymark 0.1/waymark.jar)");
  }

  @Test
  void shouldSayWhereItLookedWhenAToolInstallationHoldsNoWaymark() {
    // The home of a Custom Tools installer that unpacked the bundle without its subdirectory.
    toolHolding(TOOL_HOME, "/waymark-0.1.0/bin/waymark");

    assertThatThrownBy(() -> validate(Map.of("tool", "waymark-0.1")))
        .isInstanceOf(PipelineError.class)
        .hasMessage(
            "waymarkValidate: the tool installation 'waymark-0.1' holds no Waymark on this agent:"
                + " none of /opt/jenkins/tools/waymark 0.1/bin/waymark,"
                + " /opt/jenkins/tools/waymark 0.1/lib/waymark.jar,"
                + " /opt/jenkins/tools/waymark 0.1/waymark.jar exists. Set its home folder"
                + " (Manage Jenkins > Tools) to the unpacked release bundle, the waymark-VERSION"
                + " folder that holds bin/ and lib/, or name Waymark with the command option"
                + " instead of tool (see docs/jenkins.md)");
    assertThat(pipeline.stepNames()).doesNotContain("sh", "bat");
    assertThat(pipeline.result()).isEqualTo("FAILURE");
  }

  @Test
  void shouldCallTheCmdLauncherOfAToolInstallationOnWindows() {
    pipeline.windows();
    toolHolding("C:\\Jenkins\\tools\\waymark", "\\bin\\waymark.cmd", "\\lib\\waymark.jar");

    validate(Map.of("tool", "waymark-0.1"));

    assertThat(pipeline.calls("sh")).isEmpty();
    assertThat(pipeline.commandLine())
        .startsWith("call \"C:\\Jenkins\\tools\\waymark\\bin\\waymark.cmd\" ci . ");
  }

  @Test
  void shouldRunTheJarOfAToolInstallationOnWindowsWithoutTheLauncher() {
    pipeline.windows();
    toolHolding("C:\\Jenkins\\tools\\waymark\\", "\\lib\\waymark.jar");

    validate(Map.of("tool", "waymark-0.1"));

    assertThat(pipeline.commandLine())
        .startsWith("call java -jar \"C:\\Jenkins\\tools\\waymark\\lib\\waymark.jar\" ci . ");
  }

  /**
   * The tool's path is on the call line, where % is expanded twice; and cmd must not find a java of
   * the workspace before the PATH's.
   */
  @Test
  void shouldCallTheJarOfAToolWithAPercentInItsPathAndNoJavaOfTheWorkspace() {
    pipeline.windows();
    toolHolding("C:\\Jenkins\\tools\\100% waymark", "\\lib\\waymark.jar");

    validate(Map.of("tool", "waymark-0.1"));

    assertThat(pipeline.script()).startsWith("set NoDefaultCurrentDirectoryInExePath=1\n");
    assertThat(pipeline.commandLine())
        .startsWith(
            "call java -jar \"C:\\Jenkins\\tools\\100%%%% waymark\\lib\\waymark.jar\" ci . ");
  }

  /** call doubles a ^ even in quotes: the tool's path keeps its one ^ through a variable. */
  @Test
  void shouldCallTheLauncherOfAToolWithACaretInItsPath() {
    pipeline.windows();
    toolHolding("C:\\Jenkins\\tools\\waymark^1", "\\bin\\waymark.cmd");

    validate(Map.of("tool", "waymark-0.1"));

    assertThat(pipeline.script())
        .contains(
            "\nset \"WAYMARK_CARET=^\"\ncall \"C:\\Jenkins\\tools\\waymark%%WAYMARK_CARET%%1");
    assertThat(pipeline.commandLine())
        .startsWith(
            "call \"C:\\Jenkins\\tools\\waymark%%WAYMARK_CARET%%1\\bin\\waymark.cmd\" ci . ");
  }

  @Test
  void shouldSayWhenTheHomeOfAToolInstallationIsTheJarItself() {
    toolHolding("/opt/waymark/waymark.jar", "");

    assertThatThrownBy(() -> validate(Map.of("tool", "waymark-0.1")))
        .isInstanceOf(PipelineError.class)
        .hasMessageEndingWith(
            "; its home, /opt/waymark/waymark.jar, names a jar file: set the home to the folder"
                + " that holds it");
  }

  @Test
  void shouldRefuseTheWorkspaceLauncherOnWindows() {
    pipeline.windows();

    assertThatThrownBy(() -> validate(Map.of("useWorkspaceLauncher", true)))
        .hasMessageContaining("useWorkspaceLauncher needs a Unix agent");
    assertThat(pipeline.stepNames()).doesNotContain("bat");
  }

  @Test
  void shouldFailWhenTheExitCodeDisagreesWithTheResults() {
    // A crash that ends with exit 1 (as an older CLI did on OutOfMemoryError) after the results
    // were written: the results say nothing fails, so exit 1 is not "findings".
    pipeline.cliWrites(JSON, fixture("clean.json")).cliExits(1, "Exception in thread main");

    assertThatThrownBy(() -> validate(Map.of()))
        .isInstanceOf(PipelineError.class)
        .hasMessageStartingWith("waymark failed (exit 1): target/waymark/waymark.json says")
        .hasMessageContaining("the run did not finish normally: Exception in thread main");
    assertThat(pipeline.result()).isEqualTo("FAILURE");
    assertThat(pipeline.stepNames()).doesNotContain("junit", "recordIssues", "archiveArtifacts");
  }

  @Test
  void shouldPassTheOptionsToTheCli() {
    pipeline.cliWrites("out dir/waymark.json", fixture("clean.json"));

    validate(
        Map.of(
            "command", "java -jar /opt/waymark/waymark.jar",
            "dir", "roadmap",
            "out", "out dir",
            "asOf", "2027-05-14",
            "config", "ci/waymark.yaml",
            "quarter", "2027-Q2",
            "pdf", false,
            "quiet", true,
            "args", List.of("--baseline", "baseline's.json")));

    assertThat(pipeline.commandLine())
        .isEqualTo(
            "java -jar /opt/waymark/waymark.jar ci roadmap --out 'out dir' --fail-on error"
                + " --as-of 2027-05-14 --config ci/waymark.yaml --quarter 2027-Q2 --no-pdf"
                + " --quiet --baseline 'baseline'\"'\"'s.json'");
    assertThat(pipeline.calls("archiveArtifacts").get(0).named())
        .containsEntry("artifacts", "out dir/**");
    assertThat(pipeline.log)
        .containsExactly(
            "Waymark: running the command option (java -jar /opt/waymark/waymark.jar)");
  }

  @Test
  void shouldPublishNothingWhenTurnedOff() {
    pipeline.cliWrites(JSON, fixture("clean.json"));

    validate(Map.of("publishJunit", false, "publishIssues", false, "archive", false));

    assertThat(pipeline.stepNames())
        .doesNotContain("junit", "checkStyle", "recordIssues", "archiveArtifacts");
  }

  @Test
  void shouldRejectMisspeltOptionsAndLevels() {
    assertThatThrownBy(() -> validate(Map.of("failon", "warning", "unstableOn", "warnings")))
        .isInstanceOf(PipelineError.class)
        .hasMessageContaining("waymarkValidate: unknown option 'failon'")
        .hasMessageContaining(
            "waymarkValidate: unstableOn must be one of error, warning, info, never, not 'warnings'");
    assertThat(pipeline.stepNames()).doesNotContain("sh");
  }
}
