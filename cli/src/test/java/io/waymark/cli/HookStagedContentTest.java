package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.cli.HookRun.Hook;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.util.FS;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed pre-commit hook, run with {@code sh} as Git runs it, judges exactly what is being
 * committed whatever else the work tree holds: an untracked file, a file deleted from the work tree
 * but still staged and one whose deletion is staged while the work tree keeps it, a file staged in
 * part, a renamed file ({@link HookCommandTest} has a staged file that differs from the work tree
 * with a warm cache). And it hands Waymark's Git library the system configuration, so that the
 * library starts no git of its own.
 */
@Tag(LocaleSensitive.TAG)
class HookStagedContentTest {

  private static final String USE_CASE = "ai-roadmap/use-cases/eta-prediction.yaml";
  private static final String VALID_EDIT_FROM = "owner: customer-experience";
  private static final String VALID_EDIT_TO = "owner: customer-care";
  private static final String BROKEN_FROM = "status: production";
  private static final String BROKEN_TO = "status: finished";

  @TempDir Path tmp;
  private Path repo;

  @BeforeEach
  void repository() throws Exception {
    HookRun.assumeGitAndShell();
    try (GitWorkTree tree = GitWorkTree.init(tmp.resolve("repo")).copyExample("ai-roadmap")) {
      tree.commit("the roadmap", "2026-11-01");
      repo = tree.dir();
    }
    assertThat(Cli.run("hook", "install", "--dir", repo.resolve("ai-roadmap").toString()).code())
        .isZero();
    assertThat(read(USE_CASE)).containsOnlyOnce(VALID_EDIT_FROM).containsOnlyOnce(BROKEN_FROM);
  }

  @Test
  void shouldLeaveAnUntrackedFileOut() throws Exception {
    edit(USE_CASE, VALID_EDIT_FROM, VALID_EDIT_TO);
    HookRun.git(repo, "add", USE_CASE);
    write("ai-roadmap/use-cases/scratch.yaml", "kind: UseCase\nspec: [unclosed\n");

    Hook hook = runHook(Map.of());

    assertThat(hook.code()).as(hook.output()).isZero();
    assertThat(hook.output()).doesNotContain("scratch.yaml");
  }

  @Test
  void shouldJudgeAFileDeletedFromTheWorkTreeButStillStaged() throws Exception {
    write("ai-roadmap/roadmap.yaml", read("ai-roadmap/roadmap.yaml") + "# edited\n");
    HookRun.git(repo, "add", "ai-roadmap/roadmap.yaml");
    String useCase = read(USE_CASE);
    Files.delete(repo.resolve(USE_CASE));

    Hook kept = runHook(Map.of());

    assertThat(kept.code()).as("the index still has the use case: " + kept.output()).isZero();

    HookRun.git(repo, "rm", "-q", "--cached", USE_CASE);
    write(USE_CASE, useCase); // back in the work tree, its deletion staged

    Hook deleted = runHook(Map.of());

    assertThat(deleted.code()).as(deleted.output()).isEqualTo(1);
    assertThat(deleted.output()).contains("[ref-unresolved]").contains("uc-eta-prediction");
  }

  @Test
  void shouldJudgeTheStagedPartOfAFileStagedInPart() throws Exception {
    String committed = read(USE_CASE);
    String valid = committed.replace(VALID_EDIT_FROM, VALID_EDIT_TO);
    String both = valid.replace(BROKEN_FROM, BROKEN_TO);
    String brokenOnly = committed.replace(BROKEN_FROM, BROKEN_TO);

    write(USE_CASE, valid);
    HookRun.git(repo, "add", USE_CASE);
    write(USE_CASE, both); // the breaking hunk left unstaged

    Hook validPart = runHook(Map.of());

    assertThat(validPart.code()).as(validPart.output()).isZero();
    assertThat(validPart.output()).doesNotContain("finished");

    write(USE_CASE, brokenOnly);
    HookRun.git(repo, "add", USE_CASE);
    write(USE_CASE, both); // the valid hunk left unstaged

    Hook brokenPart = runHook(Map.of());

    assertThat(brokenPart.code()).as(brokenPart.output()).isEqualTo(1);
    assertThat(brokenPart.output()).contains("eta-prediction.yaml:").contains("'finished'");
  }

  @Test
  void shouldJudgeARenamedFileUnderItsNewName() throws Exception {
    String renamed = "ai-roadmap/use-cases/eta-forecast.yaml";
    HookRun.git(repo, "mv", USE_CASE, renamed);

    Hook moved = runHook(Map.of());

    assertThat(moved.code()).as(moved.output()).isZero();

    edit(renamed, BROKEN_FROM, BROKEN_TO);
    HookRun.git(repo, "add", renamed);
    edit(renamed, BROKEN_TO, BROKEN_FROM); // fixed in the work tree only

    Hook broken = runHook(Map.of());

    assertThat(broken.code()).as(broken.output()).isEqualTo(1);
    assertThat(broken.output())
        .contains("use-cases/eta-forecast.yaml:")
        .contains("'finished'")
        .doesNotContain("eta-prediction.yaml:");
  }

  /**
   * JGit finds Git's system configuration by starting {@code git --version} and {@code git config
   * --system --show-origin --list -z}; the hook asks Git once itself and hands the answer over. A
   * git on the PATH that logs its arguments shows which git commands ran: the hook's own, none of
   * JGit's. The answer is the file JGit finds itself.
   */
  @Test
  void shouldHandTheSystemConfigurationOverSoThatJGitStartsNoGit() throws Exception {
    edit(USE_CASE, VALID_EDIT_FROM, VALID_EDIT_TO);
    HookRun.git(repo, "add", USE_CASE);
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path log = tmp.resolve("git.log");
    Path wrapper = bin.resolve("git");
    Files.writeString(
        wrapper,
        "#!/bin/sh\nprintf '%s\\n' \"$*\" >>'" + log + "'\nexec '" + realGit() + "' \"$@\"\n");
    assertThat(wrapper.toFile().setExecutable(true)).isTrue();
    Path env = tmp.resolve("env");
    Map<String, String> more =
        Map.of(
            "PATH", bin + File.pathSeparator + System.getenv("PATH"),
            "WAYMARK_CMD", "/bin/sh " + recordingWaymark(env));

    Hook hook = runHook(more);

    assertThat(hook.code()).as(hook.output()).isZero();
    List<String> ran = Files.readAllLines(log);
    assertThat(ran)
        .as("git commands")
        .contains("config --system --show-origin --list")
        .noneMatch(line -> line.equals("--version") || line.endsWith(" -z"));
    File jgitFinds = FS.DETECTED.newInstance().getGitSystemConfig();
    assertThat(Files.readAllLines(env))
        .as("what the hook hands over, and what JGit finds itself")
        .containsExactly(
            "WAYMARK_GIT_SYSTEM_CONFIG=" + (jgitFinds == null ? "" : jgitFinds.getPath()));
  }

  /** A Waymark that records the variable, then runs this test's Waymark with the same arguments. */
  private Path recordingWaymark(Path env) throws IOException {
    Path script = tmp.resolve("waymark.sh");
    Files.writeString(
        script,
        "if [ -n \"${WAYMARK_GIT_SYSTEM_CONFIG+set}\" ]; then\n"
            + "  echo \"WAYMARK_GIT_SYSTEM_CONFIG=$WAYMARK_GIT_SYSTEM_CONFIG\" >'"
            + env
            + "'\nelse\n  echo unset >'"
            + env
            + "'\nfi\nexec "
            + HookRun.waymarkCommand()
            + " \"$@\"\n");
    return script;
  }

  private Hook runHook(Map<String, String> env) throws Exception {
    return HookRun.run("/bin/sh", repo, env, "WAYMARK_GIT_SYSTEM_CONFIG", "GIT_CONFIG_NOSYSTEM");
  }

  private static String realGit() {
    for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
      Path git = Path.of(dir.isEmpty() ? "." : dir, "git");
      if (Files.isExecutable(git)) {
        return git.toAbsolutePath().toString();
      }
    }
    throw new IllegalStateException("no git on PATH");
  }

  private String read(String relative) throws IOException {
    return Files.readString(repo.resolve(relative));
  }

  private void write(String relative, String text) throws IOException {
    Files.writeString(repo.resolve(relative), text);
  }

  private void edit(String relative, String from, String to) throws IOException {
    write(relative, read(relative).replace(from, to));
  }
}
