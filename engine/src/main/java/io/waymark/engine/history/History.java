package io.waymark.engine.history;

import io.waymark.engine.load.RepositorySource;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Version control behind a port: what the engine needs from Git, and nothing more. Paths are
 * relative to the roadmap folder (which may be a sub-folder of the Git work tree), with {@code /}
 * separators. {@link #none(String)} stands for "no history here", so every rule can be tested
 * without a repository; the JGit adapter is the {@code waymark-git} module ({@code
 * io.waymark.git}).
 */
public interface History extends AutoCloseable {

  /** Releases the repository, if one is open. */
  @Override
  default void close() {}

  /** True when commits can be read at all. */
  boolean available();

  /**
   * Why the history is missing or incomplete ("not a Git repository", "shallow clone: history
   * starts at commit 1a2b3c4"), or empty when it is complete.
   */
  Optional<String> limitation();

  /**
   * The versions of a file in the commits that changed it, newest first, following renames. A
   * commit where the file was deleted is left out. Merge commits count when they changed the file
   * relative to their first parent.
   */
  List<FileVersion> versions(String path) throws IOException;

  /**
   * Hands the versions of a file to {@code visitor} one at a time, newest first, as {@link
   * #fileHistory} lists them, so a caller keeps what it makes of each version and never every
   * version's content at once (a long history of a large file).
   *
   * @return where reading had to stop early, as {@link FileHistory#gap()}
   */
  default Optional<HistoryGap> eachVersion(String path, Consumer<FileVersion> visitor)
      throws IOException {
    FileHistory read = fileHistory(path);
    read.versions().forEach(visitor);
    return read.gap();
  }

  /**
   * The versions of a file as {@link #versions(String)} lists them, and where reading them had to
   * stop early (a shallow clone's boundary, a missing or corrupt object, contents a partial clone
   * did not fetch). Never fails for missing history: that is the gap.
   */
  default FileHistory fileHistory(String path) throws IOException {
    List<FileVersion> versions = versions(path);
    // An adapter that knows only that the history is incomplete: the oldest version is the
    // boundary.
    Optional<HistoryGap> gap =
        available() && !versions.isEmpty()
            ? limitation()
                .map(
                    l ->
                        new HistoryGap(
                            l.startsWith("grafted")
                                ? HistoryGap.Kind.GRAFTED
                                : HistoryGap.Kind.SHALLOW,
                            path,
                            versions.get(versions.size() - 1).commit(),
                            l))
            : Optional.empty();
    return new FileHistory(versions, gap);
  }

  /**
   * A revision (commit, branch, tag, {@code HEAD~2}, ...) as a folder to validate.
   *
   * @throws UnknownRevisionException when the name resolves to no commit
   */
  Revision revision(String name) throws IOException;

  /**
   * The judged files of the work tree that differ from commit {@code commit}'s, told as {@code git
   * status} tells them, from Git's index: a file whose stat data (size, modification time, mode)
   * match its index entry, not racily clean, and whose entry has the commit's object id is not
   * read; a file the index does not vouch for is read and compared with the commit's blob (as
   * {@link #revision} lists it: also with CR LF made LF, and with a Git LFS pointer's content); a
   * file absent from the work tree because a sparse checkout leaves it out (its skip-worktree bit)
   * is the commit's; the files of a submodule are compared with the commit recorded for it, through
   * the submodule's own index.
   *
   * @param commit the commit the work tree is compared with (the work tree's {@code HEAD})
   * @param workTree the roadmap folder as the load reads it (links are never followed)
   * @param listed the judged files of {@code workTree}'s listing, by path
   * @param judged which of the commit's paths are judged (the same test as {@code listed}'s)
   * @return the paths that differ, relative to the roadmap folder; empty when the index cannot tell
   *     (none, one that cannot be read or of a version or layout not read here): then the caller
   *     compares every file by reading it
   */
  default Optional<Set<String>> workTreeChanges(
      String commit,
      RepositorySource workTree,
      Map<String, RepositorySource.Entry> listed,
      Predicate<String> judged)
      throws IOException {
    return Optional.empty();
  }

  /**
   * The merge-base of the start of this history and the revision {@code name} ({@code git
   * merge-base START NAME}): what a pull request branched from, so that changes made on the base
   * branch after it are not blamed on the pull request. When there are several, the first one Git
   * finds.
   *
   * @return empty when the two have no common ancestor in the available history (unrelated
   *     histories, or a shallow clone that ends before it)
   * @throws UnknownRevisionException when the name resolves to no commit
   */
  default Optional<Revision> mergeBase(String name) throws IOException {
    revision(name);
    return Optional.empty();
  }

  /**
   * The newest commit on the first-parent line from the start revision whose commit day (UTC) is on
   * or before {@code day}: the state of the repository at the end of that day, for reports of a
   * closed quarter. Empty without history or when every commit is later.
   */
  default Optional<Commit> lastCommitOnOrBefore(java.time.LocalDate day) throws IOException {
    return Optional.empty();
  }

  /**
   * The history of the same repository from another start revision ({@code git log START} of the
   * same clone), without opening the repository again: what {@code waymark diff} judges the base
   * with. Close it separately. Empty when this history cannot start elsewhere (no repository, or an
   * adapter that can only be opened anew).
   *
   * @throws UnknownRevisionException when {@code start} names no commit
   */
  default Optional<History> from(String start) throws IOException {
    return Optional.empty();
  }

  /**
   * History was not asked for (the engine used as a library, most tests): history rules stay
   * silent.
   */
  static History notRequested() {
    return new History() {
      @Override
      public boolean available() {
        return false;
      }

      @Override
      public Optional<String> limitation() {
        return Optional.empty();
      }

      @Override
      public List<FileVersion> versions(String path) {
        return List.of();
      }

      @Override
      public Revision revision(String name) {
        throw new UnknownRevisionException(
            "cannot read revision '" + name + "': no Git repository given");
      }
    };
  }

  /** No history where one was looked for, and why ("not a Git repository"). */
  static History none(String why) {
    return new History() {
      @Override
      public boolean available() {
        return false;
      }

      @Override
      public Optional<String> limitation() {
        return Optional.of(why);
      }

      @Override
      public List<FileVersion> versions(String path) {
        return List.of();
      }

      @Override
      public Revision revision(String name) {
        throw new UnknownRevisionException("cannot read revision '" + name + "': " + why);
      }
    };
  }
}
