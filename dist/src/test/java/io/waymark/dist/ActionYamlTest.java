package io.waymark.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The GitHub composite action at the repository root. The official metadata schema (SchemaStore's
 * github-action.json) is not available offline on the build machine, so this test checks its rules
 * structurally with the YAML parser: the keys GitHub accepts, a composite run, every step a {@code
 * uses} (pinned to a major version) or a {@code run} with a {@code shell}, every expression naming
 * a declared input or step, no expression inside a script (script injection), and every script
 * valid bash.
 */
class ActionYamlTest {

  static final Path ACTION = Path.of("..", "action.yml");
  static final Set<String> TOP =
      Set.of("name", "author", "description", "inputs", "outputs", "runs", "branding");
  static final Set<String> INPUT =
      Set.of("description", "required", "default", "deprecationMessage");
  static final Set<String> STEP =
      Set.of(
          "name",
          "id",
          "if",
          "uses",
          "run",
          "shell",
          "with",
          "env",
          "working-directory",
          "continue-on-error");

  static Map<String, Object> action;
  static String text;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void load() throws Exception {
    text = Files.readString(ACTION);
    action = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    assertThat(o).isInstanceOf(Map.class);
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> steps() {
    return (List<Map<String, Object>>) map(action.get("runs")).get("steps");
  }

  @Test
  void shouldHaveOnlyTheKeysOfActionMetadata() {
    assertThat(TOP).containsAll(action.keySet());
    assertThat(action.get("name")).isInstanceOf(String.class);
    assertThat((String) action.get("description")).isNotBlank();
    assertThat(map(action.get("runs"))).containsEntry("using", "composite");
    assertThat(map(action.get("branding")).keySet()).containsOnly("icon", "color");
  }

  @Test
  void shouldDescribeEveryInputAndOutput() {
    Map<String, Object> inputs = map(action.get("inputs"));
    assertThat(inputs).containsKeys("version", "path", "out", "sha256", "bundle-url");
    inputs.forEach(
        (name, spec) -> {
          assertThat(name).matches("[a-z][a-z0-9-]*");
          Map<String, Object> s = map(spec);
          assertThat(INPUT).as(name).containsAll(s.keySet());
          assertThat((String) s.get("description")).as(name).isNotBlank();
          if (s.containsKey("required")) {
            assertThat(s.get("required")).as(name).isInstanceOf(Boolean.class);
          }
          if (s.containsKey("default")) {
            assertThat(s.get("default")).as(name).isInstanceOf(String.class);
          }
        });
    map(action.get("outputs"))
        .forEach(
            (name, spec) ->
                assertThat(map(spec)).as(name).containsOnlyKeys("description", "value"));
  }

  @Test
  void shouldHaveWellFormedStepsThatInstallThenRunCiThenUpload() {
    Set<String> ids = new HashSet<>();
    List<String> uses = new ArrayList<>();
    for (Map<String, Object> step : steps()) {
      assertThat(STEP).containsAll(step.keySet());
      assertThat(step.containsKey("uses") ^ step.containsKey("run")).as(step.toString()).isTrue();
      if (step.containsKey("run")) {
        assertThat(step).as("a run step of a composite action needs a shell").containsKey("shell");
        assertThat((String) step.get("run"))
            .as("no expression inside a script: inputs go through env")
            .doesNotContain("${{");
      } else {
        assertThat((String) step.get("uses")).matches("[\\w.-]+/[\\w./-]+@v\\d+");
        uses.add(((String) step.get("uses")).replaceAll("@.*", ""));
      }
      if (step.containsKey("id")) {
        assertThat(ids.add((String) step.get("id"))).isTrue();
      }
    }
    assertThat(uses)
        .containsExactly(
            "actions/setup-java", "github/codeql-action/upload-sarif", "actions/upload-artifact");
    assertThat(text).contains("install.sh").contains("waymark ci ");
  }

  @Test
  void shouldOnlyReferToDeclaredInputsAndSteps() {
    Set<String> inputs = map(action.get("inputs")).keySet();
    Set<String> ids = new HashSet<>();
    steps().forEach(s -> ids.add((String) s.get("id")));
    Matcher m = Pattern.compile("\\b(inputs|steps)\\.([A-Za-z0-9_-]+)").matcher(text);
    int found = 0;
    while (m.find()) {
      found++;
      if (m.group(1).equals("inputs")) {
        assertThat(inputs).contains(m.group(2));
      } else {
        assertThat(ids).contains(m.group(2));
      }
    }
    assertThat(found).isGreaterThan(5);
  }

  @Test
  void shouldHaveScriptsThatBashAccepts() throws Exception {
    for (Map<String, Object> step : steps()) {
      if (step.containsKey("run")) {
        assertThat(step.get("shell")).isEqualTo("bash");
        Path script = Files.createTempFile("step", ".sh");
        Files.writeString(script, (String) step.get("run"));
        Process p =
            new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        Files.delete(script);
      }
    }
  }

  @Test
  void shouldPassABranchNameAsOriginBranchAndAnyOtherBaseAsGiven(@TempDir Path tmp)
      throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    git(repo, "init", "-q", "-b", "feature");
    git(
        repo,
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@e",
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "a");
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD");
    String sha = git(repo, "rev-parse", "HEAD").strip();

    // The pull request's base branch (github.base_ref), or a branch name given as input.
    assertThat(ciStep(tmp, "main")).contains("--base origin/main");
    // A revision the user names: as given, never with origin/ put before it.
    assertThat(ciStep(tmp, sha)).contains("--base " + sha).doesNotContain("origin/" + sha);
    assertThat(ciStep(tmp, "origin/main"))
        .contains("--base origin/main")
        .doesNotContain("origin/origin");
    // No base (a push build): no --base at all.
    assertThat(ciStep(tmp, "")).doesNotContain("--base");
  }

  /**
   * Runs the action's {@code waymark ci} step as GitHub does, with a waymark that prints its
   * arguments.
   */
  private static String ciStep(Path tmp, String base) throws Exception {
    String run =
        steps().stream()
            .filter(s -> "ci".equals(s.get("id")))
            .map(s -> (String) s.get("run"))
            .findFirst()
            .orElseThrow();
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path waymark = bin.resolve("waymark");
    Files.writeString(waymark, "#!/bin/sh\necho \"waymark $*\" > \"$ARGS_FILE\"\n");
    Files.setPosixFilePermissions(waymark, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path script = tmp.resolve("ci.sh");
    Files.writeString(script, run);
    Path args = tmp.resolve("args.txt");
    ProcessBuilder pb =
        new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", script.toString())
            .directory(tmp.toFile())
            .redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("PATH", bin + ":" + env.get("PATH"));
    env.put("ARGS_FILE", args.toString());
    env.put("GITHUB_OUTPUT", tmp.resolve("output.txt").toString());
    env.put("WAYMARK_PATH", "repo");
    env.put("WAYMARK_OUT", "waymark-results");
    env.put("WAYMARK_ARGS", "--no-pdf");
    env.put("WAYMARK_BASE", base);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return Files.readString(args).strip();
  }

  private static String git(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }
}
