package io.waymark.cli;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

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
   * The Waymark a hook runs when {@code WAYMARK_CMD} is not set: the Java and the class path of the
   * Waymark that installed it, by absolute path.
   *
   * @param java the java executable
   * @param classPath the class path, entries separated as the platform does
   * @param check a file that must still exist for this Waymark to be usable (its first class-path
   *     entry)
   * @param archive the class-data sharing archive this JVM was started with (the launcher's), or
   *     empty: the hook maps it too when it is still there, which halves the JVM's start-up; a name
   *     ending in {@code .aot} is a Java 25 ahead-of-time cache ({@code -XX:AOTCache})
   * @param client the resident server's client without a JVM ({@value #CLIENT}, a Perl script)
   *     beside the first class-path entry, or empty: a hook installed with {@code --daemon} asks
   *     the server through it when Perl is there, before it starts a JVM
   */
  record Installer(String java, String classPath, String check, String archive, String client) {

    Installer(String java, String classPath, String check) {
      this(java, classPath, check, "", "");
    }

    /** The client's file name, beside the jar ({@code lib/} of the bundle, {@code target/}). */
    static final String CLIENT = "waymark-daemon-client.pl";

    /** The Waymark that runs in this JVM; empty when it cannot be told. */
    static Optional<Installer> current() {
      String home = System.getProperty("java.home");
      String classPath = System.getProperty("java.class.path", "");
      if (home == null || classPath.isBlank()) {
        return Optional.empty();
      }
      Path java = Path.of(home, "bin", isWindows() ? "java.exe" : "java").toAbsolutePath();
      List<String> entries = new ArrayList<>();
      for (String entry : classPath.split(Pattern.quote(File.pathSeparator))) {
        if (!entry.isBlank()) {
          entries.add(slashes(Path.of(entry).toAbsolutePath().normalize().toString()));
        }
      }
      if (entries.isEmpty()) {
        return Optional.empty();
      }
      Path client = Path.of(entries.get(0)).resolveSibling(CLIENT);
      return Optional.of(
          new Installer(
              slashes(java.toString()),
              String.join(File.pathSeparator, entries),
              entries.get(0),
              startArchive(),
              Files.isRegularFile(client) ? slashes(client.toString()) : ""));
    }

    /**
     * The {@code -XX:SharedArchiveFile} or, when its name ends in {@code .aot}, the {@code
     * -XX:AOTCache} of this JVM, absolute, or empty.
     */
    private static String startArchive() {
      try {
        return archive(ManagementFactory.getRuntimeMXBean().getInputArguments());
      } catch (RuntimeException | LinkageError e) {
        return ""; // no management module: no archive
      }
    }

    /** The archive named by these JVM options (see {@link #startArchive()}), or empty. */
    static String archive(List<String> jvmOptions) {
      for (String arg : jvmOptions) {
        String file = null;
        if (arg.startsWith("-XX:SharedArchiveFile=")) {
          file = arg.substring("-XX:SharedArchiveFile=".length());
        } else if (arg.startsWith("-XX:AOTCache=")) {
          file = arg.substring("-XX:AOTCache=".length());
          if (!file.endsWith(".aot")) {
            continue; // the hook tells the two kinds apart by that name
          }
        }
        if (file != null) {
          return file.isBlank()
              ? ""
              : slashes(Path.of(file).toAbsolutePath().normalize().toString());
        }
      }
      return "";
    }

    /** The command, for messages. */
    String command() {
      return java + " -cp " + classPath + " " + Main.class.getName();
    }

    private static boolean isWindows() {
      return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("win");
    }

    /** Git for Windows runs hooks with its sh, which takes C:/… as well as C:\…. */
    private static String slashes(String path) {
      return path.replace('\\', '/');
    }
  }

  /**
   * The script for a roadmap folder.
   *
   * @param roadmap the roadmap folder relative to the work tree's root, with '/' separators; "."
   *     for the root
   * @param installer the Waymark that installs the hook, which the hook runs; none: the hook looks
   *     for waymark on the PATH
   */
  static String text(String roadmap, Optional<Installer> installer) {
    return text(roadmap, installer, false);
  }

  /**
   * As {@link #text(String, Optional)}; {@code daemon}: the hook sets {@code WAYMARK_DAEMON=1}
   * ({@code hook install --daemon}), so that its runs are answered by the resident validate server.
   */
  static String text(String roadmap, Optional<Installer> installer, boolean daemon) {
    return TEMPLATE
        .replace("{{daemon}}", daemon ? DAEMON_ON : "")
        .replace("{{roadmap}}", shellQuote(roadmap))
        .replace("{{pattern}}", shellQuote(pathPattern(roadmap)))
        .replace("{{java}}", shellQuote(installer.map(Installer::java).orElse("")))
        .replace("{{classpath}}", shellQuote(installer.map(Installer::classPath).orElse("")))
        .replace("{{check}}", shellQuote(installer.map(Installer::check).orElse("")))
        .replace("{{archive}}", shellQuote(installer.map(Installer::archive).orElse("")))
        .replace("{{client}}", shellQuote(installer.map(Installer::client).orElse("")))
        .replace("{{relocation}}", RELOCATION)
        .replace("{{main}}", Main.class.getName());
  }

  /**
   * The flags that map a class-data archive where it was made (Java 17 moves it to a random address
   * by default, and rewrites its pointers on every start), as the launchers keep them in the file
   * {@code ARCHIVE.opts} beside an archive once they found that the Java can.
   */
  static final String RELOCATION = "-XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0";

  /** The lines of a hook installed with {@code --daemon}. */
  static final String DAEMON_ON =
      """
      # Installed with --daemon: the resident validate server answers (see 'waymark daemon --help').
      WAYMARK_DAEMON=1
      export WAYMARK_DAEMON
      """;

  /** The lines whose values each install writes anew (the folder and the Waymark it runs). */
  private static final Pattern SETTING =
      Pattern.compile(
          "(?m)^(roadmap|pattern|installed_java|installed_classpath|installed_check"
              + "|installed_archive|installed_client)=.*$");

  /**
   * True when a hook's text is exactly one that this Waymark writes, whatever folder and Waymark it
   * names: nothing in it was added or changed by hand (or by another version of Waymark), so
   * removing or replacing it loses nothing.
   */
  static boolean asWritten(String text) {
    String hook = settingsBlank(text);
    return hook.equals(settingsBlank(text(".", Optional.empty(), false)))
        || hook.equals(settingsBlank(text(".", Optional.empty(), true)));
  }

  private static String settingsBlank(String text) {
    return SETTING.matcher(text).replaceAll("$1=");
  }

  /** True when a hook file's text is one that Waymark wrote. */
  static boolean isWaymark(String text) {
    return text.contains(MARKER);
  }

  /**
   * {@code folder} as the start of a Git path pattern that means that folder alone: its {@code *},
   * {@code ?}, {@code [} and the backslash stand for themselves ({@code plan[1]} would else name
   * {@code plan1}).
   */
  static String pathPattern(String folder) {
    return folder.replaceAll("[\\\\*?\\[\\]]", "\\\\$0");
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
      #                      "java -jar /opt/waymark/waymark.jar" (default: the Waymark that
      #                      installed this hook, below, else waymark on PATH; never a
      #                      waymark file of the repository being committed to)
      #   WAYMARK_HOOK_ARGS  extra options for `waymark validate`, e.g. "--fail-on warning"
      #   WAYMARK_DAEMON     1: answered by the resident validate server (`waymark daemon --help`)
      set -u
      {{daemon}}
      # The roadmap folder, relative to the repository root, and the same as a Git path pattern
      # (its own *, ?, [ and \\ escaped).
      roadmap={{roadmap}}
      pattern={{pattern}}

      # The Waymark that installed this hook, by absolute path (`waymark hook install` again
      # records another one).
      installed_java={{java}}
      installed_classpath={{classpath}}
      installed_check={{check}}
      # Its class-data sharing archive (or, named *.aot, Java 25's ahead-of-time cache), used
      # while it exists (a faster start).
      installed_archive={{archive}}
      # The resident server's client without a JVM (a Perl script), used with WAYMARK_DAEMON=1
      # when Perl is there.
      installed_client={{client}}

      root=$(git rev-parse --show-toplevel) || exit 2
      cd "$root" || exit 2

      if [ "$roadmap" = . ]; then
        yaml='*.yaml'
        yml='*.yml'
      else
        yaml="$pattern/*.yaml"
        yml="$pattern/*.yml"
      fi

      # No roadmap file changes in this commit, or none left: nothing to check.
      if git diff --cached --quiet -- "$yaml" "$yml"; then
        exit 0
      fi
      if [ -z "$(git ls-files --cached -- "$yaml" "$yml")" ]; then
        exit 0
      fi

      daemon_client=
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
      elif [ -n "$installed_java" ] && [ -x "$installed_java" ] && [ -e "$installed_check" ]; then
        set -- -cp "$installed_classpath" {{main}}
        daemon_client=$installed_client
        if [ -n "$installed_archive" ] && [ -f "$installed_archive" ]; then
          # Mapped where it was made, not moved, when the launcher found that this Java can
          # (it keeps those flags beside the archive; nothing else is taken from that file).
          relocation=
          if [ -f "$installed_archive.opts" ]; then
            read -r relocation <"$installed_archive.opts" || true
          fi
          if [ "$relocation" = "{{relocation}}" ]; then
            set -- {{relocation}} "$@"
          fi
          case $installed_archive in
            *.aot) set -- -XX:AOTCache="$installed_archive" -Xlog:aot=off -Xlog:cds=off "$@" ;;
            *) set -- -XX:SharedArchiveFile="$installed_archive" -Xshare:auto -Xlog:cds=off \\
                 -Xlog:cds+dynamic=off "$@" ;;
          esac
        fi
        # Transparent huge pages for the heap where the kernel gives them on request, as the
        # launcher asks for them (a short run touches fewer pages; with "never" the JVM warns).
        thp=
        if [ -r /sys/kernel/mm/transparent_hugepage/enabled ]; then
          read -r thp </sys/kernel/mm/transparent_hugepage/enabled || thp=
        fi
        case $thp in
          *"[madvise]"*) set -- -XX:+UseTransparentHugePages "$@" ;;
        esac
        # The launcher's JVM flags for a run that ends: C1 only (one compiler thread), the
        # parallel collector, a small young generation.
        set -- "$installed_java" -XX:TieredStopAtLevel=1 -XX:-UseDynamicNumberOfCompilerThreads \\
          -XX:CICompilerCount=1 -XX:+UseParallelGC -Xmn32m -Xss8m "$@"
      elif waymark=$(command -v waymark 2>/dev/null); then
        # Only an installed waymark: never one of the repository being committed to, which
        # the commits of others can change (a relative PATH entry such as . leads there).
        case $waymark in
          "$root"/*) inside=yes ;;
          /* | [A-Za-z]:*) inside=no ;;
          *) inside=yes ;;
        esac
        if [ "$inside" = yes ]; then
          echo "waymark pre-commit hook: the waymark on PATH, $waymark, is inside the repository;" >&2
          echo "  it is not run. Install Waymark outside the repository and run" >&2
          echo "  'waymark hook install' again, or set WAYMARK_CMD." >&2
          echo "  To commit without the check: git commit --no-verify" >&2
          exit 1
        fi
        set -- "$waymark"
      else
        echo "waymark pre-commit hook: cannot find waymark." >&2
        if [ -n "$installed_java" ]; then
          echo "  The Waymark that installed this hook is gone: $installed_check" >&2
        fi
        echo "  Install Waymark and run 'waymark hook install' again, put 'waymark' on PATH, or" >&2
        echo "  set WAYMARK_CMD, e.g. WAYMARK_CMD='java -jar /opt/waymark/waymark.jar'." >&2
        echo "  Waymark needs Java 17; see docs/ci.md of Waymark for the set-up." >&2
        echo "  To commit without the check: git commit --no-verify" >&2
        exit 1
      fi

      # Git's system configuration file, found as Waymark's Git library (JGit) finds it: the
      # file of the first entry that `git config --system --show-origin --list` prints, none
      # when it prints none or cannot read the file. Handed over, so that JGit does not start
      # git twice to ask; left unset when the answer is not plain (JGit then asks itself).
      unset WAYMARK_GIT_SYSTEM_CONFIG
      nl='\n'
      tab='\t'
      system=$(git config --system --show-origin --list 2>/dev/null)
      case $? in
        0)
          first=${system%%"$nl"*}
          origin=${first%%"$tab"*}
          case $origin in
            '') WAYMARK_GIT_SYSTEM_CONFIG= ;;
            *'"'* | *\\\\*) ;;
            file:/* | file:[A-Za-z]:/*) WAYMARK_GIT_SYSTEM_CONFIG=${origin#file:} ;;
          esac
          ;;
        128) WAYMARK_GIT_SYSTEM_CONFIG= ;;
      esac
      if [ -n "${WAYMARK_GIT_SYSTEM_CONFIG+set}" ]; then
        export WAYMARK_GIT_SYSTEM_CONFIG
      fi

      if head=$(git rev-parse --verify -q HEAD); then
        # The staged tree as a temporary commit on top of HEAD, validated straight from
        # the object database: history rules included, nothing copied.
        tree=$(git write-tree) || exit 2
        commit=$(GIT_AUTHOR_NAME=waymark GIT_AUTHOR_EMAIL=waymark-hook.invalid \\
          GIT_COMMITTER_NAME=waymark GIT_COMMITTER_EMAIL=waymark-hook.invalid \\
          git commit-tree --no-gpg-sign -p "$head" -m "waymark pre-commit check" "$tree") || exit 2
        if [ "${WAYMARK_DAEMON:-}" = 1 ]; then
          # One resident server per environment: without the variables Git sets anew for each
          # commit (the date, the index file, the editor, the folder it was run in), which
          # `validate --rev` never reads, every commit finds the server of the one before.
          # Asked first without a JVM (the Perl client of the Waymark that installed this hook;
          # exit 75: no answer), then by the JVM, which starts the server when none runs.
          # shellcheck disable=SC2086
          (unset GIT_AUTHOR_DATE GIT_COMMITTER_DATE GIT_INDEX_FILE GIT_EDITOR GIT_PREFIX
            if [ -n "$daemon_client" ] && [ -f "$daemon_client" ] \\
              && [ "${WAYMARK_DAEMON_CLIENT:-}" != java ] && [ "${WAYMARK_PERL:-}" != 0 ] \\
              && perl=$(command -v perl 2>/dev/null)
            then
              "$perl" "$daemon_client" "$installed_java" "$installed_classpath" \\
                validate "$roadmap" --rev "$commit" ${WAYMARK_HOOK_ARGS:-}
              code=$?
              [ "$code" = 75 ] || exit "$code"
            fi
            "$@" validate "$roadmap" --rev "$commit" ${WAYMARK_HOOK_ARGS:-})
        else
          # shellcheck disable=SC2086
          "$@" validate "$roadmap" --rev "$commit" ${WAYMARK_HOOK_ARGS:-}
        fi
        status=$?
      else
        # First commit: no history yet. Validate a copy of the staged files.
        tmp=$(mktemp -d "${TMPDIR:-/tmp}/waymark-hook.XXXXXX") || exit 2
        trap 'rm -rf "$tmp"' EXIT
        trap 'exit 130' HUP INT TERM
        git ls-files -z --cached -- "$yaml" "$yml" \\
          | git checkout-index -z --stdin --prefix="$tmp/" || exit 2
        mkdir -p "$tmp/$roadmap" || exit 2
        # A folder made for this run alone: a resident server there would never answer again.
        # shellcheck disable=SC2086
        (cd "$tmp" && unset WAYMARK_DAEMON && "$@" validate "$roadmap" ${WAYMARK_HOOK_ARGS:-})
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
