package io.waymark.git;

import io.waymark.engine.history.History;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The Git module's entry point for a front end: the factory of the JGit adapter of the engine's
 * {@link History} port ({@link #history}, handed to the engine's facade as {@code
 * GitAdapter::history}), and the few things the command line does to a repository itself: write the
 * index as a commit ({@code validate --staged}), find the hooks folder ({@code hook}), and make a
 * new repository ({@code init}). Problems the user can fix are {@link GitProblem}s.
 */
public final class GitAdapter {

  private GitAdapter() {}

  /**
   * The history of the roadmap folder {@code folder} from {@code start}: {@link History#none} for a
   * folder outside Git or a repository without commits.
   *
   * @throws io.waymark.engine.history.UnknownRevisionException when {@code start} names no commit
   */
  public static History history(Path folder, String start) throws IOException {
    return GitHistory.open(folder, start);
  }

  /**
   * A text that changes whenever the Git state the history rules and the as-of date read does (see
   * {@link GitState}), read without opening the repository; empty when it cannot tell.
   */
  public static Optional<String> state(Path folder) {
    return GitState.of(folder);
  }

  /**
   * As {@link #state(Path)}, telling {@code seen} of every path the text is made from (for the
   * engine's {@link io.waymark.engine.Waymark.RepositoryStates} port).
   */
  public static Optional<String> state(Path folder, java.util.function.Consumer<Path> seen) {
    return GitState.of(folder, seen);
  }

  /**
   * The index of the repository that contains {@code dir}, written as an unreferenced commit; close
   * it to remove it again.
   *
   * @param display how messages name {@code dir}
   */
  public static StagedCommit stage(Path dir, String display) {
    return StagedCommit.write(dir, display);
  }

  /**
   * Where the pre-commit hook of the repository containing {@code dir} goes.
   *
   * @param display how messages name {@code dir}
   */
  public static GitHooks hooks(Path dir, String display) throws IOException {
    return GitHooks.of(dir, display);
  }

  /** The Git folder of the repository that already contains {@code dir}, if any. */
  public static Optional<Path> enclosingRepository(Path dir) {
    return NewRepository.enclosing(dir);
  }

  /**
   * Makes {@code dir} a repository on branch {@code main} whose first commit holds {@code paths}.
   */
  public static void init(Path dir, List<String> paths, String message) {
    NewRepository.create(dir, paths, message);
  }
}
