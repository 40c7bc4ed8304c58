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
 *
 * <p>Without the variable, the answer JGit got from Git last time is taken while nothing it depends
 * on changed ({@link RememberedSystemConfig}), and a new answer is remembered once a repository was
 * opened ({@link #learned()}).
 */
final class GitSystemConfig {

  /** The environment variable the hook sets. */
  static final String VARIABLE = "WAYMARK_GIT_SYSTEM_CONFIG";

  private static volatile boolean applied;

  /** True once JGit is to ask Git itself in this process (the answer to remember after). */
  private static volatile boolean asking;

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
        Map<String, String> env = System.getenv();
        Optional<String> given = given(env);
        if (given.isPresent()) {
          use(FS.DETECTED, given.get());
        } else if (asksGit(env)) {
          Optional<File> known =
              RememberedSystemConfig.memo(env).flatMap(m -> RememberedSystemConfig.recall(env, m));
          if (known.isPresent()) {
            FS.DETECTED.setGitSystemConfig(known.get());
          } else {
            asking = true;
          }
        }
        applied = true;
      }
    }
  }

  /**
   * After a repository was opened: the system configuration file JGit got from Git (it asked while
   * opening, so this starts no process), remembered for the next run. Nothing when it was not asked
   * (given, remembered, or {@code GIT_CONFIG_NOSYSTEM}), or when there is none.
   */
  static void learned() {
    if (!asking) {
      return;
    }
    synchronized (GitSystemConfig.class) {
      if (!asking) {
        return;
      }
      asking = false;
      Map<String, String> env = System.getenv();
      File found = FS.DETECTED.getGitSystemConfig();
      if (found != null) {
        RememberedSystemConfig.memo(env)
            .ifPresent(m -> RememberedSystemConfig.remember(env, m, found));
      }
    }
  }

  /** Whether JGit asks Git for the system configuration here (GIT_CONFIG_NOSYSTEM not set). */
  static boolean asksGit(Map<String, String> env) {
    String off = env.get("GIT_CONFIG_NOSYSTEM");
    return off == null || off.isEmpty();
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
