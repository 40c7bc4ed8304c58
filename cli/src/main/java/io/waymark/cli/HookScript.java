package io.waymark.cli;

/**
 * The Git pre-commit hook that {@code waymark hook install} writes: a POSIX shell script (Git runs
 * hooks with {@code sh}, also Git for Windows) that validates the staged roadmap files. The hook
 * may use the git binary: it runs inside Git.
 *
 * <p>It validates the index, not the work tree. When there is a previous commit, the staged tree is
 * written as a temporary, unreferenced commit object on top of HEAD ({@code git write-tree} and
 * {@code git commit-tree}) and validated with {@code waymark validate DIR --rev COMMIT}: nothing is
 * copied, the history rules see the change as the next commit, and the as-of date is today. For the
 * first commit of a repository there is no history to read, so the staged YAML files are exported
 * into a temporary folder ({@code git checkout-index --prefix}) and validated there. The commit
 * object is garbage-collected by Git like any other unreachable object.
 */
final class HookScript {

  /** The line that marks a hook as Waymark's: install updates it, uninstall removes it. */
  static final String MARKER = "# waymark-hook: pre-commit v1";

  private HookScript() {}

  /**
   * The script for a roadmap folder.
   *
   * @param roadmap the roadmap folder relative to the work tree's root, with '/' separators; "."
   *     for the root
   */
  static String text(String roadmap) {
    return TEMPLATE.replace("{{roadmap}}", shellQuote(roadmap));
  }

  /** True when a hook file's text is one that Waymark wrote. */
  static boolean isWaymark(String text) {
    return text.contains(MARKER);
  }

  /** A single-quoted shell word: safe for any text. */
  static String shellQuote(String text) {
    return "'" + text.replace("'", "'\"'\"'") + "'";
  }

  private static final String TEMPLATE =
      """
      #!/bin/sh
      MARKER_LINE
      # Validates the staged roadmap files before each commit. Installed by
      # `waymark hook install`; remove it with `waymark hook uninstall`.
      #
      # What is checked is what you are about to commit (the index), not the work tree.
      # Skip the check once with `git commit --no-verify`.
      #
      # Environment:
      #   WAYMARK_CMD        the command that runs Waymark, split on spaces, e.g.
      #                      "java -jar /opt/waymark/waymark.jar" (default: ./waymark at
      #                      the repository root, else waymark on PATH)
      #   WAYMARK_HOOK_ARGS  extra options for `waymark validate`, e.g. "--fail-on warning"
      set -u

      # The roadmap folder, relative to the repository root.
      roadmap={{roadmap}}

      root=$(git rev-parse --show-toplevel) || exit 2
      cd "$root" || exit 2

      if [ "$roadmap" = . ]; then
        yaml='*.yaml'
        yml='*.yml'
      else
        yaml="$roadmap/*.yaml"
        yml="$roadmap/*.yml"
      fi

      # No roadmap file changes in this commit, or none left: nothing to check.
      if git diff --cached --quiet -- "$yaml" "$yml"; then
        exit 0
      fi
      if [ -z "$(git ls-files --cached -- "$yaml" "$yml")" ]; then
        exit 0
      fi

      if [ -n "${WAYMARK_CMD:-}" ]; then
        set -f
        # shellcheck disable=SC2086
        set -- $WAYMARK_CMD
        set +f
        # A relative path is relative to the repository root.
        case ${1-} in
          /* | [A-Za-z]:*) ;;
          */*) cmd="$root/$1"; shift; set -- "$cmd" "$@" ;;
        esac
      elif [ -x "$root/waymark" ]; then
        set -- "$root/waymark"
      elif command -v waymark >/dev/null 2>&1; then
        set -- waymark
      else
        echo "waymark pre-commit hook: cannot find waymark." >&2
        echo "  Put a 'waymark' launcher at the repository root or on PATH, or set" >&2
        echo "  WAYMARK_CMD, e.g. WAYMARK_CMD='java -jar /opt/waymark/waymark.jar'." >&2
        echo "  Waymark needs Java 17; see docs/ci.md of Waymark for the set-up." >&2
        echo "  To commit without the check: git commit --no-verify" >&2
        exit 1
      fi

      if head=$(git rev-parse --verify -q HEAD); then
        # The staged tree as a temporary commit on top of HEAD, validated straight from
        # the object database: history rules included, nothing copied.
        tree=$(git write-tree) || exit 2
        commit=$(GIT_AUTHOR_NAME=waymark GIT_AUTHOR_EMAIL=waymark-hook.invalid \\
          GIT_COMMITTER_NAME=waymark GIT_COMMITTER_EMAIL=waymark-hook.invalid \\
          git commit-tree --no-gpg-sign -p "$head" -m "waymark pre-commit check" "$tree") || exit 2
        # shellcheck disable=SC2086
        "$@" validate "$roadmap" --rev "$commit" ${WAYMARK_HOOK_ARGS:-}
        status=$?
      else
        # First commit: no history yet. Validate a copy of the staged files.
        tmp=$(mktemp -d "${TMPDIR:-/tmp}/waymark-hook.XXXXXX") || exit 2
        trap 'rm -rf "$tmp"' EXIT
        trap 'exit 130' HUP INT TERM
        git ls-files -z --cached -- "$yaml" "$yml" \\
          | git checkout-index -z --stdin --prefix="$tmp/" || exit 2
        mkdir -p "$tmp/$roadmap" || exit 2
        # shellcheck disable=SC2086
        (cd "$tmp" && "$@" validate "$roadmap" ${WAYMARK_HOOK_ARGS:-})
        status=$?
      fi

      case $status in
        0) ;;
        1) echo "waymark: the staged roadmap files have findings (above). Fix them and stage" >&2
           echo "  them again, or commit with --no-verify to skip the check." >&2 ;;
        *) echo "waymark: could not validate the staged roadmap files (exit $status)." >&2 ;;
      esac
      exit $status
      """
          .replace("MARKER_LINE", MARKER);
}
