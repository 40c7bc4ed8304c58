package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs an installed pre-commit hook as Git would before a commit, with this test's own class path
 * as Waymark (WAYMARK_CMD), so that no jar needs to be built.
 */
final class HookRun {

  /** What the hook exited with and printed (standard output and error together). */
  record Hook(int code, String output) {}

  private HookRun() {}

  /**
   * The hook of {@code repo} run by {@code shell}, with {@code env} added to this process's
   * environment and then the variables {@code unset} taken out.
   */
  static Hook run(String shell, Path repo, Map<String, String> env, String... unset)
      throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(shell, repo.resolve(".git/hooks/pre-commit").toString())
            .directory(repo.toFile())
            .redirectErrorStream(true);
    pb.environment().put("WAYMARK_CMD", waymarkCommand());
    pb.environment().put("NO_COLOR", "1");
    pb.environment().remove("WAYMARK_HOOK_ARGS");
    pb.environment().putAll(env);
    for (String name : unset) {
      pb.environment().remove(name);
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("hook finished").isTrue();
    return new Hook(p.exitValue(), out);
  }

  /** This test's Waymark as a command line: its Java, the launcher's flags, its class path. */
  static String waymarkCommand() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("java.class.path");
    Assumptions.assumeFalse(
        (java + classPath).contains(" "), "WAYMARK_CMD is split on spaces: a path has one");
    return String.join(
        " ",
        java,
        "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC",
        "-cp",
        classPath,
        "io.waymark.cli.Main");
  }

  /** Skips the test where the git binary or sh, which a hook needs, is not installed. */
  static void assumeGitAndShell() {
    assumeGitAndShell("/bin/sh");
  }

  /** Skips the test where the git binary or {@code shell} is not installed. */
  static void assumeGitAndShell(String shell) {
    boolean available;
    try {
      Process p = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      available = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      available = false;
    }
    Assumptions.assumeTrue(available, "the git binary is not installed");
    Assumptions.assumeTrue(Files.isExecutable(Path.of(shell)), shell + " is not installed");
  }

  /** Runs the git binary in {@code dir}; fails the test when it does not succeed. */
  static void git(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("git %s: %s", String.join(" ", args), out).isZero();
  }
}
