package io.waymark.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.jenkins.MockPipeline.PipelineError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The steps with mocked pipeline steps but a real shell: the scripts they write run with /bin/sh in
 * a workspace folder, with a PATH, as on a Unix agent. What a pull request can put into the
 * workspace (a hostile ./waymark, results of an earlier run) must not change what the build shows.
 */
class AgentShellTest {

  private static final String SYSTEM_PATH = "/usr/bin:/bin";

  @TempDir Path temp;

  private Path workspace;
  private Path installed;

  private Path workspace() throws IOException {
    if (workspace == null) {
      workspace = Files.createDirectories(temp.resolve("workspace"));
      installed = Files.createDirectories(temp.resolve("opt/waymark/bin"));
    }
    return workspace;
  }

  private static void executable(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** A waymark that does what a pull request would like: pass, and leave a mark. */
  private void hostileLauncher() throws IOException {
    executable(
        workspace().resolve("waymark"),
        """
        #!/bin/sh
        touch "$WORKSPACE/pwned"
        mkdir -p target/waymark
        printf '{"summary":{"errors":0,"warnings":0,"infos":0}}' > target/waymark/waymark.json
        exit 0
        """);
  }

  /** An installed waymark that writes the output folder of a fixture and exits with status. */
  private void installedWaymark(String fixture, int status) throws IOException {
    workspace();
    fakeWaymark(installed.resolve("waymark"), fixture, status);
  }

  /** A waymark at {@code file} that writes the output folder of a fixture and exits with status. */
  private static void fakeWaymark(Path file, String fixture, int status) throws IOException {
    executable(
        file,
        """
        #!/bin/sh
        out=
        while [ $# -gt 0 ]; do
          if [ "$1" = --out ]; then out=$2; fi
          shift
        done
        mkdir -p "$out" && cp -R '%s'/. "$out"/
        echo "installed waymark ran"
        exit %d
        """
            .formatted(CliFixtures.folder(fixture), status));
  }

  private MockPipeline pipeline(String path) throws IOException {
    return new MockPipeline().realShell(workspace(), path);
  }

  private static Object validate(MockPipeline pipeline, Map<String, Object> config) {
    return pipeline.run("waymarkValidate", new HashMap<>(config));
  }

  @Test
  void shouldRunTheInstalledWaymarkAndNotTheOneInTheWorkspace() throws IOException {
    hostileLauncher();
    installedWaymark("errors", 1);
    MockPipeline pipeline = pipeline(installed + ":" + SYSTEM_PATH);

    assertThatThrownBy(() -> validate(pipeline, Map.of()))
        .isInstanceOf(PipelineError.class)
        .hasMessageStartingWith("Waymark: ")
        .hasMessageEndingWith("(fail on error)");

    assertThat(workspace.resolve("pwned")).doesNotExist();
    assertThat(pipeline.log)
        .contains(
            "Waymark: running the installed waymark on the agent's PATH",
            "Waymark: running " + installed.resolve("waymark"),
            "installed waymark ran")
        .anySatisfy(line -> assertThat(line).contains("the workspace has a file named waymark"));
    assertThat(pipeline.result()).isEqualTo("FAILURE");
  }

  @Test
  void shouldRefuseAWaymarkFoundThroughARelativePathEntry() throws IOException {
    hostileLauncher();
    MockPipeline pipeline = pipeline(".:" + SYSTEM_PATH);

    assertThatThrownBy(() -> validate(pipeline, Map.of()))
        .hasMessage(
            "waymark failed (exit 2): waymark: the waymark on the PATH is ./waymark, a relative path"
                + " into the workspace; it is not run: install Waymark outside the workspace");

    assertThat(workspace.resolve("pwned")).doesNotExist();
    assertThat(pipeline.stepNames()).doesNotContain("junit", "recordIssues", "archiveArtifacts");
  }

  @Test
  void shouldRefuseAWaymarkOnThePathInsideTheWorkspace() throws IOException {
    executable(workspace().resolve("tools/waymark"), "#!/bin/sh\ntouch \"$WORKSPACE/pwned\"\n");
    MockPipeline pipeline = pipeline(workspace.resolve("tools") + ":" + SYSTEM_PATH);

    assertThatThrownBy(() -> validate(pipeline, Map.of()))
        .hasMessageContaining(
            "the waymark on the PATH, "
                + workspace.resolve("tools/waymark")
                + ", is inside the workspace");

    assertThat(workspace.resolve("pwned")).doesNotExist();
  }

  @Test
  void shouldSayWhenNoWaymarkIsInstalled() throws IOException {
    hostileLauncher();
    MockPipeline pipeline = pipeline(SYSTEM_PATH);

    assertThatThrownBy(() -> validate(pipeline, Map.of()))
        .hasMessageStartingWith(
            "waymark failed (exit 127): waymark: no waymark on the PATH of this agent");
    assertThat(workspace.resolve("pwned")).doesNotExist();
  }

  @Test
  void shouldRunTheWorkspaceLauncherOnlyWhenToldTo() throws IOException {
    hostileLauncher();
    installedWaymark("clean", 0);
    MockPipeline pipeline = pipeline(installed + ":" + SYSTEM_PATH);

    validate(pipeline, Map.of("useWorkspaceLauncher", true));

    assertThat(workspace.resolve("pwned")).exists();
    assertThat(pipeline.log).doesNotContain("installed waymark ran");
  }

  @Test
  void shouldNeverPublishTheResultsOfAnEarlierRun() throws IOException {
    // The previous build left a clean result; this run crashes (exit 1, as an old CLI did on
    // OutOfMemoryError) before it writes anything.
    Path out = workspace().resolve("target/waymark");
    Files.createDirectories(out.resolve("report"));
    Files.writeString(out.resolve("waymark.json"), CliFixtures.text("clean", "waymark.json"));
    Files.writeString(out.resolve("report/dashboard.html"), "<html>yesterday</html>");
    Files.writeString(out.resolve("notes.txt"), "not Waymark's");
    executable(
        installed.resolve("waymark"),
        "#!/bin/sh\necho 'Exception in thread \"main\" java.lang.OutOfMemoryError' >&2\nexit 1\n");
    MockPipeline pipeline = pipeline(installed + ":" + SYSTEM_PATH);

    assertThatThrownBy(() -> validate(pipeline, Map.of()))
        .hasMessage("waymark failed: it wrote no target/waymark/waymark.json");

    assertThat(out.resolve("waymark.json")).doesNotExist();
    assertThat(out.resolve("report/dashboard.html")).doesNotExist();
    assertThat(out.resolve("notes.txt")).exists();
    assertThat(pipeline.stepNames()).doesNotContain("junit", "recordIssues", "archiveArtifacts");
    assertThat(pipeline.result()).isEqualTo("FAILURE");
  }

  @Test
  void shouldNeverArchiveTheReportsOfAnEarlierRun() throws IOException {
    Path report = workspace().resolve("target/waymark/report");
    Files.createDirectories(report);
    Files.writeString(report.resolve("qbr-2027-Q1.html"), "<html>last quarter</html>");
    executable(installed.resolve("waymark"), "#!/bin/sh\necho 'waymark: boom' >&2\nexit 2\n");
    MockPipeline pipeline = pipeline(installed + ":" + SYSTEM_PATH);

    assertThatThrownBy(() -> pipeline.run("waymarkReport", new HashMap<>()))
        .hasMessage("waymark report failed (exit 2): waymark: boom");

    assertThat(report.resolve("qbr-2027-Q1.html")).doesNotExist();
    assertThat(pipeline.stepNames()).doesNotContain("archiveArtifacts", "publishHTML");
  }

  @Test
  void shouldShowNoFailedTestForTheCleanExampleWithTheRealCli() throws IOException {
    // The defaults on the example, run by the real CLI through the shell: its one info
    // (history-unavailable: the copy is no Git work tree) neither fails a test nor the build.
    CliFixtures.copyExample(workspace());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    executable(
        installed.resolve("waymark"),
        "#!/bin/sh\nexec '%s' -cp '%s' io.waymark.cli.Main \"$@\"\n"
            .formatted(java, System.getProperty("java.class.path")));
    MockPipeline pipeline = pipeline(installed + ":" + SYSTEM_PATH);

    Object summary = validate(pipeline, Map.of("pdf", false));

    assertThat(summary)
        .isEqualTo(Map.of("errors", 0, "warnings", 0, "infos", 1, "result", "SUCCESS"));
    assertThat(pipeline.result()).isEqualTo("SUCCESS");
    String junit =
        Files.readString(
            workspace.resolve("target/waymark/waymark-junit.xml"), StandardCharsets.UTF_8);
    assertThat(junit).contains("<testsuites name=\"waymark\"").contains("failures=\"0\"");
    assertThat(junit).doesNotContain("<failure");
    assertThat(workspace.resolve("target/waymark/waymark-checkstyle.xml")).isRegularFile();
    assertThat(pipeline.log).contains("Waymark: running " + installed.resolve("waymark"));
  }

  @Test
  void shouldRunTheLauncherOfAToolInstallationThatHoldsTheReleaseBundle() throws IOException {
    // The bundle's layout (bin/waymark, lib/waymark.jar) unpacked as a tool's home folder; the
    // jar is not a jar, so only the launcher can make this build pass.
    Path home = temp.resolve("tools/waymark 0.1.0");
    fakeWaymark(home.resolve("bin/waymark"), "clean", 0);
    Files.createDirectories(home.resolve("lib"));
    Files.writeString(home.resolve("lib/waymark.jar"), "not a jar");
    MockPipeline pipeline = pipeline(SYSTEM_PATH);
    pipeline.tools.put("waymark", home.toString());

    Object summary = validate(pipeline, Map.of("tool", "waymark"));

    assertThat(pipeline.log)
        .contains(
            "Waymark: running the tool installation 'waymark' ("
                + home.resolve("bin/waymark")
                + ")",
            "installed waymark ran");
    assertThat(((Map<?, ?>) summary).get("result")).isEqualTo("SUCCESS");
    assertThat(pipeline.result()).isEqualTo("SUCCESS");
  }

  /**
   * A .zip bundle unpacked by a tool that drops file modes leaves bin/waymark without its
   * executable bit: run directly it failed with exit 126. The step runs it through bash.
   */
  @Test
  void shouldRunTheLauncherOfAToolInstallationThatLostItsExecutableBit() throws IOException {
    Path home = temp.resolve("tools/waymark unzipped");
    fakeWaymark(home.resolve("bin/waymark"), "clean", 0);
    Files.setPosixFilePermissions(
        home.resolve("bin/waymark"), PosixFilePermissions.fromString("rw-r--r--"));
    Files.createDirectories(home.resolve("lib"));
    Files.writeString(home.resolve("lib/waymark.jar"), "not a jar");
    MockPipeline pipeline = pipeline(SYSTEM_PATH);
    pipeline.tools.put("waymark", home.toString());

    Object summary = validate(pipeline, Map.of("tool", "waymark"));

    assertThat(pipeline.log).contains("installed waymark ran");
    assertThat(((Map<?, ?>) summary).get("result")).isEqualTo("SUCCESS");
    assertThat(pipeline.result()).isEqualTo("SUCCESS");
  }
}
