package io.waymark.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The system configuration the pre-commit hook hands over ({@value GitSystemConfig#VARIABLE}) is
 * the file JGit reads; an empty value is none; no value leaves JGit to ask Git, as before.
 */
class GitSystemConfigTest {

  @Test
  void shouldReadTheVariableOnlyWhenItIsSet() {
    assertThat(GitSystemConfig.given(Map.of())).isEmpty();
    assertThat(GitSystemConfig.given(Map.of("GIT_CONFIG_SYSTEM", "/etc/gitconfig"))).isEmpty();
    assertThat(GitSystemConfig.given(Map.of(GitSystemConfig.VARIABLE, ""))).hasValue("");
    assertThat(GitSystemConfig.given(Map.of(GitSystemConfig.VARIABLE, "/etc/gitconfig")))
        .hasValue("/etc/gitconfig");
  }

  @Test
  void shouldMakeJGitReadTheFileItNames(@TempDir Path tmp) throws Exception {
    Path system = Files.writeString(tmp.resolve("gitconfig"), "[diff]\n\trenameLimit = 123\n");
    FS fs = GitSystemConfig.use(FS.DETECTED.newInstance(), system.toString());

    assertThat(fs.getGitSystemConfig()).isEqualTo(system.toFile());
    FileBasedConfig config = new FileBasedConfig(fs.getGitSystemConfig(), fs);
    config.load();
    assertThat(config.getInt("diff", "renameLimit", 0)).isEqualTo(123);
  }

  /** A folder on the PATH with an executable {@code git} (a script that is never run here). */
  private static Path git(Path dir) throws Exception {
    Files.createDirectories(dir);
    Path git = Files.writeString(dir.resolve("git"), "#!/bin/sh\nexit 1\n");
    assertThat(git.toFile().setExecutable(true)).isTrue();
    return git;
  }

  @Test
  void shouldKeepTheMemoInTheUsersCacheFolder() {
    assertThat(RememberedSystemConfig.memo(Map.of("XDG_CACHE_HOME", "/c", "HOME", "/h")))
        .hasValue(Path.of("/c/waymark/git-system-config"));
    assertThat(RememberedSystemConfig.memo(Map.of("XDG_CACHE_HOME", "rel", "HOME", "/h")))
        .hasValue(Path.of("/h/.cache/waymark/git-system-config"));
    assertThat(RememberedSystemConfig.memo(Map.of("HOME", "h"))).isEmpty();
    assertThat(RememberedSystemConfig.memo(Map.of())).isEmpty();
  }

  @Test
  void shouldFindGitOnThePathAsJGitDoes(@TempDir Path tmp) throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("a/git")); // a folder named git: skipped
    Path plain = Files.writeString(Files.createDirectories(tmp.resolve("b")).resolve("git"), "");
    Path git = git(tmp.resolve("c"));
    String path =
        String.join(
            ":",
            "",
            folder.getParent().toString(),
            plain.getParent().toString(),
            git.getParent().toString(),
            git(tmp.resolve("d")).getParent().toString());

    assertThat(RememberedSystemConfig.git(Map.of("PATH", path))).hasValue(git);
    assertThat(RememberedSystemConfig.git(Map.of("PATH", tmp.resolve("b").toString()))).isEmpty();
    assertThat(RememberedSystemConfig.git(Map.of())).isEmpty();
  }

  /**
   * The answer is taken again while the git of the PATH, GIT_CONFIG_SYSTEM and the file are as they
   * were; any change of one of them, a memo of another form, or a link in its place, and JGit asks
   * Git again.
   */
  @Test
  void shouldRecallTheAnswerOnlyWhileNothingItDependsOnChanged(@TempDir Path tmp) throws Exception {
    Path git = git(tmp.resolve("bin"));
    Path system = Files.writeString(tmp.resolve("gitconfig"), "[diff]\n\trenames = false\n");
    Map<String, String> env = Map.of("PATH", git.getParent().toString(), "HOME", tmp.toString());
    Path memo = RememberedSystemConfig.memo(env).orElseThrow();

    assertThat(RememberedSystemConfig.recall(env, memo)).as("nothing remembered yet").isEmpty();
    RememberedSystemConfig.remember(env, memo, system.toFile());
    assertThat(RememberedSystemConfig.recall(env, memo)).hasValue(system.toFile());

    Map<String, String> other = new java.util.HashMap<>(env);
    other.put("GIT_CONFIG_SYSTEM", system.toString());
    assertThat(RememberedSystemConfig.recall(other, memo)).as("GIT_CONFIG_SYSTEM set").isEmpty();
    Map<String, String> elsewhere =
        Map.of("PATH", git(tmp.resolve("other")).getParent().toString());
    assertThat(RememberedSystemConfig.recall(elsewhere, memo)).as("another git").isEmpty();

    FileTime before = Files.getLastModifiedTime(git);
    Files.setLastModifiedTime(git, FileTime.fromMillis(before.toMillis() + 5_000));
    assertThat(RememberedSystemConfig.recall(env, memo)).as("git replaced").isEmpty();
    Files.setLastModifiedTime(git, before);
    assertThat(RememberedSystemConfig.recall(env, memo)).hasValue(system.toFile());

    Files.writeString(system, "[diff]\n\trenames = true\n");
    assertThat(RememberedSystemConfig.recall(env, memo)).as("the file edited").isEmpty();
    RememberedSystemConfig.remember(env, memo, system.toFile());
    assertThat(RememberedSystemConfig.recall(env, memo)).hasValue(system.toFile());
    Files.delete(system);
    assertThat(RememberedSystemConfig.recall(env, memo)).as("the file gone").isEmpty();

    Files.writeString(memo, "not a memo\n");
    assertThat(RememberedSystemConfig.recall(env, memo)).isEmpty();
    Files.writeString(system, "[diff]\n\trenames = copies\n");
    RememberedSystemConfig.remember(env, memo, system.toFile());
    Path planted = Files.copy(memo, tmp.resolve("planted"));
    Files.delete(memo);
    Files.createSymbolicLink(memo, planted);
    assertThat(RememberedSystemConfig.recall(env, planted))
        .as("the same line")
        .hasValue(system.toFile());
    assertThat(RememberedSystemConfig.recall(env, memo)).as("through a link").isEmpty();
    try (var left = Files.list(memo.getParent())) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("git-system-config");
    }
  }

  @Test
  void shouldRememberNothingWhereItCannotWrite(@TempDir Path tmp) throws Exception {
    Path git = git(tmp.resolve("bin"));
    Path system = Files.writeString(tmp.resolve("gitconfig"), "");
    Path home = Files.writeString(tmp.resolve("home"), "a file, not a folder");
    Map<String, String> env = Map.of("PATH", git.getParent().toString(), "HOME", home.toString());
    Path memo = RememberedSystemConfig.memo(env).orElseThrow();

    RememberedSystemConfig.remember(env, memo, system.toFile());

    assertThat(RememberedSystemConfig.recall(env, memo)).isEmpty();
    assertThat(GitSystemConfig.asksGit(Map.of())).isTrue();
    assertThat(GitSystemConfig.asksGit(Map.of("GIT_CONFIG_NOSYSTEM", ""))).isTrue();
    assertThat(GitSystemConfig.asksGit(Map.of("GIT_CONFIG_NOSYSTEM", "1"))).isFalse();
  }

  /**
   * End to end, each run a JVM of its own with a stand-in git on the PATH that logs its calls and
   * runs the real one: the first run asks Git (two calls) and remembers its answer, the next asks
   * nothing and reads the same file; with GIT_CONFIG_NOSYSTEM nothing is asked or remembered.
   */
  @Test
  void shouldAskGitOnceAndThenTakeTheRememberedAnswer(@TempDir Path tmp) throws Exception {
    Optional<Path> real =
        RememberedSystemConfig.git(Map.of("PATH", System.getenv().getOrDefault("PATH", "")));
    Assumptions.assumeTrue(real.isPresent(), "no git on the PATH");
    Path calls = tmp.resolve("calls");
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path logging =
        Files.writeString(
            bin.resolve("git"),
            "#!/bin/sh\necho \"$*\" >>'" + calls + "'\nexec '" + real.get() + "' \"$@\"\n");
    assertThat(logging.toFile().setExecutable(true)).isTrue();
    Path system = Files.writeString(tmp.resolve("gitconfig"), "[diff]\n\trenameLimit = 7\n");
    Path home = Files.createDirectories(tmp.resolve("home"));
    Map<String, String> env =
        Map.of(
            "PATH", bin + ":" + System.getenv("PATH"),
            "HOME", home.toString(),
            "GIT_CONFIG_SYSTEM", system.toString());
    try (GitRepo repo = GitRepo.init(tmp.resolve("repo"))) {
      repo.write("plan/roadmap.yaml", "kind: Roadmap\n").commit("plan");
    }
    Path memo = RememberedSystemConfig.memo(env).orElseThrow();

    assertThat(probe(tmp, env)).isEqualTo("available");
    List<String> asked = Files.readAllLines(calls);
    Files.delete(calls);
    assertThat(probe(tmp, env)).isEqualTo("available");

    assertThat(asked).hasSize(2).anyMatch(c -> c.startsWith("config --system"));
    assertThat(calls).as("the second run asked git").doesNotExist();
    assertThat(Files.readString(memo)).contains("\t" + system + "\t");
    assertThat(RememberedSystemConfig.recall(env, memo)).hasValue(system.toFile());

    Files.delete(memo);
    Map<String, String> none = new java.util.HashMap<>(env);
    none.put("GIT_CONFIG_NOSYSTEM", "1");
    assertThat(probe(tmp, none)).isEqualTo("available");
    assertThat(calls).doesNotExist();
    assertThat(memo).doesNotExist();
  }

  private static String probe(Path tmp, Map<String, String> env) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SystemConfigProbe.class.getName(),
                tmp.resolve("repo/plan").toString())
            .redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out.lines().reduce((a, b) -> b).orElse("");
  }

  @Test
  void shouldGiveJGitNoSystemConfigurationForAnEmptyValue() {
    FS fs = GitSystemConfig.use(FS.DETECTED.newInstance(), "");

    assertThat(fs.getGitSystemConfig()).isNull();
    assertThat(GitSystemConfig.file("")).isEmpty();
    assertThat(GitSystemConfig.file("/etc/gitconfig")).hasValue(new File("/etc/gitconfig"));
  }
}
