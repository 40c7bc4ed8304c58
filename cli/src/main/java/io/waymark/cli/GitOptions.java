package io.waymark.cli;

import io.waymark.engine.ValidationOptions;
import io.waymark.engine.history.Commit;
import io.waymark.engine.history.History;
import io.waymark.engine.history.Revision;
import io.waymark.engine.history.UnknownRevisionException;
import io.waymark.engine.load.RepositorySource;
import io.waymark.git.GitHistory;
import io.waymark.report.text.Wording;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
    return open(dir, rev, options);
  }

  /**
   * What to validate, with {@code revision} instead of {@code --rev} (null: the work tree). The
   * as-of rule of SPEC §3 is applied here for every command: an explicit date or {@code
   * Config.spec.asOf} first (in the engine), else the commit date of the revision, where a work
   * tree whose Waymark files are those of {@code HEAD} counts as {@code HEAD}, else today.
   */
  Target open(Path dir, String revisionName, ValidationOptions options) throws IOException {
    RepositorySource folder = Repositories.folder(dir);
    String display = Repositories.display(dir);
    History history =
        Target.history(
            dir, revisionName == null ? "HEAD" : revisionName, revisionName != null, "--rev");
    try {
      RepositorySource source = folder;
      ValidationOptions result = options.withHistory(history);
      Reflects reflects = Reflects.NO_GIT;
      if (revisionName != null) {
        Revision revision = Target.revision(history, revisionName, "--rev", dir);
        source = relabel(revision.source(), display);
        result = result.withRevisionDate(revision.commit().date());
        reflects = new Reflects(Optional.of(revision.commit()), false);
      } else if (history.available()) {
        reflects = Reflects.workTree(history, folder);
        if (!reflects.changed() && reflects.commit().isPresent()) {
          result = result.withRevisionDate(reflects.commit().get().date());
        }
      }
      Optional<BasePoint> point = Optional.empty();
      if (base != null) {
        point =
            Optional.of(
                BasePoint.of(
                    history,
                    base,
                    "--base",
                    revisionName == null ? "HEAD" : revisionName,
                    dir,
                    tip));
        result =
            result.withBase(point.get().revision().source(), point.get().revision().limitations());
      }
      return new Target(source, result, List.of(history), point, reflects);
    } catch (RuntimeException | IOException e) {
      history.close();
      throw e;
    }
  }

  /**
   * Which state of the repository a run judges: a commit, or the work tree (with uncommitted
   * changes to its Waymark files, or without, when it is that of its commit).
   *
   * @param commit the commit (for the work tree: {@code HEAD}); empty without Git
   * @param changed true for a work tree whose YAML files differ from the commit's
   */
  record Reflects(Optional<Commit> commit, boolean changed) {

    static final Reflects NO_GIT = new Reflects(Optional.empty(), true);

    /**
     * The work tree against {@code HEAD}: unchanged when its YAML files are byte for byte HEAD's.
     */
    static Reflects workTree(History history, RepositorySource folder) throws IOException {
      Revision head;
      try {
        head = history.revision("HEAD");
      } catch (UnknownRevisionException e) {
        return NO_GIT;
      }
      return new Reflects(
          Optional.of(head.commit()), !yamlFiles(folder).equals(yamlFiles(head.source())));
    }

    private static Map<String, String> yamlFiles(RepositorySource source) throws IOException {
      Map<String, String> files = new TreeMap<>();
      for (RepositorySource.Entry e : source.list()) {
        String name = e.path().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
          files.put(
              e.path(),
              e.type() == RepositorySource.Type.REGULAR
                  ? java.util.HexFormat.of().formatHex(digest(source.read(e.path())))
                  : e.type().name());
        }
      }
      return files;
    }

    private static byte[] digest(byte[] bytes) {
      try {
        return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
      }
    }

    /** The date the as-of rule falls back to: the commit's, or today for a changed work tree. */
    LocalDate date(Clock clock) {
      return changed || commit.isEmpty()
          ? LocalDate.now(clock.withZone(ZoneOffset.UTC))
          : commit.get().date();
    }

    /** "commit 1a2b3c4 of 31 March 2027", "the working tree with uncommitted changes on …", "". */
    String text() {
      if (commit.isEmpty()) {
        return "";
      }
      String c = "commit " + commit.get().shortId() + " of " + Wording.date(commit.get().date());
      return changed ? "the working tree with uncommitted changes on top of " + c : c;
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
      BasePoint point = choose(history, name, option, head, dir, tipOnly);
      Optional<String> moved = point.revision().folder();
      if (moved.isEmpty()) {
        return point;
      }
      String folder =
          option
              + " "
              + name
              + ": the roadmap folder was at '"
              + moved.get()
              + "' in "
              + point.revision().commit().shortId()
              + " (moved since): compared with that folder";
      return new BasePoint(
          name,
          point.revision(),
          point.tip(),
          point.mergeBase(),
          Optional.of(point.note().map(n -> n + "; " + folder).orElse(folder)));
    }

    private static BasePoint choose(
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
      Optional<BasePoint> base,
      Reflects reflects)
      implements AutoCloseable {

    /** Prints how the base was chosen (one line on standard error), unless it is plain. */
    void tell(picocli.CommandLine cli, boolean quiet) {
      if (quiet) {
        return;
      }
      base.flatMap(BasePoint::note)
          .ifPresent(
              n -> {
                cli.getErr().println("waymark: " + io.waymark.report.text.TerminalText.escape(n));
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
