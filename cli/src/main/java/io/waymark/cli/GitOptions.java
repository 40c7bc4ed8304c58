package io.waymark.cli;

import io.waymark.engine.Checkout;
import io.waymark.engine.Recall;
import io.waymark.engine.ValidationOptions;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.Waymark;
import io.waymark.engine.history.Commit;
import io.waymark.git.GitAdapter;
import io.waymark.report.text.TerminalText;
import io.waymark.report.text.Wording;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --rev} and {@code --base}: validate a revision from the object database instead of the
 * work tree, and add the pull-request rules against a base revision. Both work on the Git
 * repository that contains DIR. Without {@code --rev}, the work tree is validated and the history
 * rules read the commits up to {@code HEAD}.
 */
final class GitOptions {

  @Option(
      names = "--rev",
      paramLabel = "REV",
      description =
          "Validate this commit, branch or tag straight from the Git object database, without a"
              + " checkout. File paths are reported as in a work-tree run; the as-of date defaults"
              + " to the commit date.")
  String rev;

  @Option(
      names = "--base",
      paramLabel = "REV",
      description =
          "Compare with this base revision and add the pull-request rules (gate-transition,"
              + " approved-case-edited, history-rewritten), e.g. --base origin/main. The head is"
              + " compared with the merge-base of the head and REV (what the pull request branched"
              + " from), so changes made on REV since then are not blamed on it; see --tip.")
  String base;

  @Option(
      names = "--tip",
      description =
          "With --base: compare with the tip of the base revision instead of the merge-base.")
  boolean tip;

  /**
   * What to validate: the folder or the revision, with the history and the base. Close it when the
   * validation is done (the revisions are read from the open repository).
   */
  Checkout open(Waymark waymark, Path dir, ValidationOptions options) throws IOException {
    return open(waymark, dir, rev, options);
  }

  /**
   * What to validate, with {@code revisionName} instead of {@code --rev} (null: the work tree). The
   * as-of rule of SPEC §3 is applied by the engine for every command: an explicit date or {@code
   * Config.spec.asOf} first, else the commit date of the revision, where a work tree whose Waymark
   * files are those of {@code HEAD} counts as {@code HEAD}, else today.
   */
  Checkout open(Waymark waymark, Path dir, String revisionName, ValidationOptions options)
      throws IOException {
    return open(waymark, dir, revisionName, options, CacheOptions.NONE);
  }

  /**
   * As {@link #open(Waymark, Path, String, ValidationOptions)}, with the on-disk cache. The base
   * ({@code --base}) is resolved before this returns: a base that cannot be resolved fails here,
   * before the command writes anything.
   */
  Checkout open(
      Waymark waymark, Path dir, String revisionName, ValidationOptions options, CacheOptions cache)
      throws IOException {
    Checkout target = waymark.open(request(dir, revisionName, cache), options);
    try {
      target.awaitBase();
    } catch (IOException | RuntimeException | Error e) {
      target.close();
      throw e;
    }
    return target;
  }

  /**
   * As {@link #open(Waymark, Path, String, ValidationOptions, CacheOptions)} after {@code recall}
   * found no stored outcome: the folder as the recall walked it (null: walked again). The base
   * ({@code --base}) is still being resolved beside the head's load when this returns: judge the
   * result with {@link #validate}, which tells the base's note as {@link #tell} did before.
   */
  Checkout open(
      Waymark waymark,
      Path dir,
      String revisionName,
      ValidationOptions options,
      CacheOptions cache,
      Recall recall)
      throws IOException {
    Waymark.Request request = request(dir, revisionName, cache);
    return recall == null ? waymark.open(request, options) : waymark.open(request, options, recall);
  }

  /** The request {@link #open} judges, with the cache these options ask for. */
  Waymark.Request request(Path dir, String revisionName, CacheOptions cache) {
    return cache.apply(
        Waymark.Request.folder(dir, Repositories.display(dir)).at(revisionName).against(base, tip));
  }

  /**
   * Judges {@code target}, then prints how its base was chosen ({@link #tell}): the base is
   * resolved beside the head's load, so its note comes once the run is judged, still before
   * anything the run prints. A run that fails prints the note first when the base itself was
   * resolved (as when it was told before the load), and fails with the base's own failure when it
   * was not.
   */
  static ValidationResult validate(Checkout target, java.io.PrintWriter err, boolean quiet)
      throws IOException {
    ValidationResult result;
    try {
      result = target.validate();
    } catch (IOException | RuntimeException | Error e) {
      try {
        target.awaitBase();
      } catch (IOException | RuntimeException | Error base) {
        throw e; // the base's failure, thrown by validate: told once, with no note
      }
      tell(target, err, quiet);
      throw e;
    }
    tell(target, err, quiet);
    return result;
  }

  /** Prints how the base was chosen (one line on standard error), unless it is plain. */
  static void tell(Checkout target, picocli.CommandLine cli, boolean quiet) {
    tell(target, cli.getErr(), quiet);
  }

  /** As {@link #tell(Checkout, picocli.CommandLine, boolean)}, to {@code err}. */
  static void tell(Checkout target, java.io.PrintWriter err, boolean quiet) {
    if (quiet) {
      return;
    }
    target
        .baseNote()
        .ifPresent(
            n -> {
              err.println("waymark: " + TerminalText.escape(n));
              err.flush();
            });
  }

  /** "commit 1a2b3c4 of 31 March 2027", "the working tree with uncommitted changes on …", "". */
  static String text(Checkout.State state) {
    if (state.commit().isEmpty()) {
      return "";
    }
    Commit commit = state.commit().get();
    String c = "commit " + commit.shortId() + " of " + Wording.date(commit.date());
    return state.changed() ? "the working tree with uncommitted changes on top of " + c : c;
  }

  /** The Waymark engine with the Git module's history. */
  static Waymark waymark() {
    return new Waymark(GitAdapter::history, GitAdapter::state);
  }
}
