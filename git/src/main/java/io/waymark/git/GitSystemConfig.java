package io.waymark.git;

import java.io.File;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.util.FS;

/**
 * Git's system configuration file as the pre-commit hook found it, so that JGit does not start
 * {@code git --version} and {@code git config --system --show-origin --list -z} to find it (two
 * processes started from the JVM, about 0.07 s of CPU on every run of the hook). The hook runs
 * inside Git and asks the same question as JGit would ({@code git config --system --show-origin
 * --list}): the file of the first entry, or none when Git reports no entry or cannot read the file
 * (where JGit, too, has no system configuration). It passes the answer in {@value #VARIABLE}: a
 * path, or empty for none; unset, JGit asks Git itself, as it always did. Either way the same file
 * is read with the same meaning, {@code GIT_CONFIG_NOSYSTEM} included (JGit checks it first).
 */
final class GitSystemConfig {

  /** The environment variable the hook sets. */
  static final String VARIABLE = "WAYMARK_GIT_SYSTEM_CONFIG";

  private static volatile boolean applied;

  private GitSystemConfig() {}

  /**
   * Hands JGit the system configuration the hook found, before a repository is opened; nothing when
   * the variable is not set. Once per process: JGit keeps the system configuration it read.
   */
  static void apply() {
    if (applied) {
      return;
    }
    synchronized (GitSystemConfig.class) {
      if (!applied) {
        given(System.getenv()).ifPresent(value -> use(FS.DETECTED, value));
        applied = true;
      }
    }
  }

  /**
   * What the environment says: empty when the variable is not set (JGit asks Git), else the path,
   * empty text for no system configuration.
   */
  static Optional<String> given(Map<String, String> environment) {
    return Optional.ofNullable(environment.get(VARIABLE));
  }

  /** Makes {@code fs} take the system configuration {@code value} names instead of asking Git. */
  static FS use(FS fs, String value) {
    return fs.setGitSystemConfig(file(value).orElse(null));
  }

  /** The file for a value of the variable: none for an empty value. */
  static Optional<File> file(String value) {
    return value.isEmpty() ? Optional.empty() : Optional.of(new File(value));
  }
}
