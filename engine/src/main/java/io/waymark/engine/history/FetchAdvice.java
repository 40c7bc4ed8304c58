package io.waymark.engine.history;

import java.util.Map;

/**
 * How to get the history that is missing, in the words of the CI server the run is on: a hint is
 * only useful when it can be followed where the build runs.
 */
public final class FetchAdvice {

  /** Where the run happens, as far as the environment tells. */
  public enum Server {
    GITHUB_ACTIONS,
    GITLAB_CI,
    JENKINS,
    UNKNOWN
  }

  private FetchAdvice() {}

  /** The CI server from its well-known environment variables. */
  public static Server detect(Map<String, String> env) {
    if ("true".equals(env.get("GITHUB_ACTIONS"))) {
      return Server.GITHUB_ACTIONS;
    }
    if ("true".equals(env.get("GITLAB_CI"))) {
      return Server.GITLAB_CI;
    }
    if (env.containsKey("JENKINS_URL") || env.containsKey("JENKINS_HOME")) {
      return Server.JENKINS;
    }
    return Server.UNKNOWN;
  }

  /** The server of this process. */
  public static Server current() {
    return detect(System.getenv());
  }

  /** How to turn a shallow clone into a complete one. */
  public static String unshallow(Server server) {
    return switch (server) {
      case GITHUB_ACTIONS ->
          "Fetch the full history: set `fetch-depth: 0` on the actions/checkout step (or run"
              + " `git fetch --unshallow` before Waymark).";
      case GITLAB_CI ->
          "Fetch the full history: set the variable `GIT_DEPTH: 0` on the job (or run `git fetch"
              + " --unshallow` before Waymark).";
      case JENKINS ->
          "Fetch the full history: turn off 'Shallow clone' in the Git checkout's advanced clone"
              + " behaviours (in a Pipeline: cloneOption(shallow: false)), or run `git fetch"
              + " --unshallow` before Waymark.";
      case UNKNOWN ->
          "Fetch the full history with `git fetch --unshallow` (GitHub Actions: `fetch-depth: 0`;"
              + " GitLab CI: `GIT_DEPTH: 0`; Jenkins: turn off 'Shallow clone').";
    };
  }

  /** How to get rid of grafts, which rewrite commits' parents. */
  public static String ungraft() {
    return "Grafts are deprecated in Git and not applied by Waymark: convert them with `git replace"
        + " --convert-graft-file`, or clone the repository again without them.";
  }

  /** How to get the objects a partial clone ({@code --filter=blob:none}) left out. */
  public static String unfilter() {
    return "Clone without `--filter` (a partial clone fetches old file contents only on demand,"
        + " which Waymark does not do), or fetch them: `git config --unset"
        + " remote.origin.partialclonefilter && git fetch --refetch origin`.";
  }

  /** How to repair missing or corrupt objects. */
  public static String repair() {
    return "Check the repository with `git fsck`; fetch the missing objects again (`git fetch"
        + " --refetch origin`) or clone the repository again.";
  }
}
