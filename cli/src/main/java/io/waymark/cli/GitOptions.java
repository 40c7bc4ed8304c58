package io.waymark.cli;

import io.waymark.engine.ValidationOptions;
import io.waymark.engine.history.Commit;
import io.waymark.engine.history.History;
import io.waymark.engine.history.Revision;
import io.waymark.engine.history.UnknownRevisionException;
import io.waymark.engine.history.git.GitHistory;
import io.waymark.engine.load.RepositorySource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
  Target open(Path dir, ValidationOptions options) throws IOException {
    RepositorySource folder = Repositories.folder(dir);
    String display = Repositories.display(dir);
    History history = Target.history(dir, rev == null ? "HEAD" : rev, rev != null, "--rev");
    try {
      RepositorySource source = folder;
      ValidationOptions result = options.withHistory(history);
      if (rev != null) {
        Revision revision = Target.revision(history, rev, "--rev", dir);
        source = relabel(revision.source(), display);
        result = result.withRevisionDate(revision.commit().date());
      }
      Optional<BasePoint> point = Optional.empty();
      if (base != null) {
        point =
            Optional.of(
                BasePoint.of(history, base, "--base", rev == null ? "HEAD" : rev, dir, tip));
        result = result.withBase(point.get().revision().source());
      }
      return new Target(source, result, List.of(history), point);
    } catch (RuntimeException e) {
      history.close();
      throw e;
    }
  }

  /**
   * The same files under another label: a revision validated with {@code --rev} is shown as the
   * folder the user named, so its paths and root read exactly as in a work-tree run.
   */
  static RepositorySource relabel(RepositorySource source, String label) {
    return new RepositorySource() {
      @Override
      public String label() {
        return label;
      }

      @Override
      public List<Entry> list() throws IOException {
        return source.list();
      }

      @Override
      public byte[] read(String path) throws IOException {
        return source.read(path);
      }
    };
  }

  /**
   * What a base revision is compared at: the merge-base of the head and the base (the default), or
   * the base's tip ({@code --tip}, or when the available history holds no common ancestor).
   *
   * @param name the revision as the user gave it
   * @param revision the commit compared with
   * @param tip the commit {@code name} resolves to
   * @param mergeBase true when {@code revision} is the merge-base
   * @param note what the user should know about the choice (empty when the base is simply the tip,
   *     an ancestor of the head)
   */
  record BasePoint(
      String name, Revision revision, Commit tip, boolean mergeBase, Optional<String> note) {

    static BasePoint of(
        History history, String name, String option, String head, Path dir, boolean tipOnly)
        throws IOException {
      Revision tip = Target.revision(history, name, option, dir);
      if (tipOnly) {
        return new BasePoint(name, tip, tip.commit(), false, Optional.empty());
      }
      Optional<Revision> mergeBase;
      try {
        mergeBase = history.mergeBase(name);
      } catch (UnknownRevisionException e) {
        throw new UserError(option + " " + name + ": " + e.getMessage());
      }
      if (mergeBase.isEmpty()) {
        return new BasePoint(
            name,
            tip,
            tip.commit(),
            false,
            Optional.of(
                option
                    + " "
                    + name
                    + ": "
                    + head
                    + " and "
                    + name
                    + " have no common ancestor in the available history"
                    + history.limitation().map(l -> " (" + l + ")").orElse("")
                    + "; compared with the tip of "
                    + name
                    + " ("
                    + tip.commit().shortId()
                    + "), so changes made on "
                    + name
                    + " may be shown as the pull request's. Fetch the full history (`git fetch"
                    + " --unshallow`, `fetch-depth: 0`) to compare with the merge-base."));
      }
      Commit at = mergeBase.get().commit();
      if (at.id().equals(tip.commit().id())) {
        return new BasePoint(name, mergeBase.get(), tip.commit(), true, Optional.empty());
      }
      return new BasePoint(
          name,
          mergeBase.get(),
          tip.commit(),
          true,
          Optional.of(
              option
                  + " "
                  + name
                  + ": compared with "
                  + at.shortId()
                  + " ("
                  + at.date()
                  + "), the merge-base of "
                  + head
                  + " and "
                  + name
                  + " (at "
                  + tip.commit().shortId()
                  + "); use --tip to compare with "
                  + name
                  + "'s tip"));
    }
  }

  /** A source to validate, its options, the repositories to close afterwards, and the base. */
  record Target(
      RepositorySource source,
      ValidationOptions options,
      List<History> open,
      Optional<BasePoint> base)
      implements AutoCloseable {

    /** Prints how the base was chosen (one line on standard error), unless it is plain. */
    void tell(picocli.CommandLine cli, boolean quiet) {
      if (quiet) {
        return;
      }
      base.flatMap(BasePoint::note)
          .ifPresent(
              n -> {
                cli.getErr().println("waymark: " + n);
                cli.getErr().flush();
              });
    }

    @Override
    public void close() {
      open.forEach(History::close);
    }

    /**
     * The history of the repository containing {@code dir} from {@code start}.
     *
     * @param required when true, no repository is a usage error (the user asked for a revision)
     * @param what how the user named {@code start} ("--rev", "BASE"), for messages
     */
    static History history(Path dir, String start, boolean required, String what)
        throws IOException {
      History history;
      try {
        history = GitHistory.open(dir, start);
      } catch (UnknownRevisionException e) {
        if (!required) {
          // A work-tree run on an unborn branch: judge the files, skip the history rules.
          return History.none(e.getMessage());
        }
        throw new UserError(what + " " + start + ": " + e.getMessage());
      } catch (IOException | RuntimeException e) {
        if (!required) {
          // History is an extra: a repository JGit cannot read never fails a work-tree run.
          return History.none("the Git repository cannot be read: " + e.getMessage());
        }
        throw new UserError(
            "cannot read the Git repository of '"
                + Repositories.display(dir)
                + "': "
                + e.getMessage());
      }
      if (required && !history.available()) {
        throw new UserError(
            "'"
                + Repositories.display(dir)
                + "' is not in a Git repository with commits ("
                + history.limitation().orElse("no history")
                + "): revisions cannot be read");
      }
      return history;
    }

    /** A revision, or a usage error that names the option and the repository. */
    static Revision revision(History history, String name, String option, Path dir)
        throws IOException {
      if (!history.available()) {
        throw new UserError(
            option
                + " "
                + name
                + ": '"
                + Repositories.display(dir)
                + "' is not in a Git repository ("
                + history.limitation().orElse("no history")
                + ")");
      }
      try {
        return history.revision(name);
      } catch (UnknownRevisionException e) {
        throw new UserError(option + " " + name + ": " + e.getMessage());
      }
    }
  }
}
