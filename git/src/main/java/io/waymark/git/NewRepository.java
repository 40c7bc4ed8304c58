package io.waymark.git;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** A new Git repository for a new roadmap ({@code waymark init}). */
public final class NewRepository {

  private NewRepository() {}

  /** The Git folder of the repository that already contains {@code dir}, if any. */
  public static Optional<Path> enclosing(Path dir) {
    File gitDir =
        new FileRepositoryBuilder()
            .findGitDir(dir.toAbsolutePath().normalize().toFile())
            .getGitDir();
    return Optional.ofNullable(gitDir).map(File::toPath);
  }

  /**
   * Makes {@code dir} a repository on branch {@code main} whose first commit holds {@code paths}
   * (relative, '/' separators).
   *
   * @throws GitProblem when Git refuses
   */
  public static void create(Path dir, List<String> paths, String message) {
    GitSystemConfig.apply();
    try (Git git =
        Git.init()
            .setDirectory(dir.toAbsolutePath().normalize().toFile())
            .setInitialBranch("main")
            .call()) {
      for (String path : paths) {
        git.add().addFilepattern(path).call();
      }
      git.commit().setMessage(message).setSign(false).call();
    } catch (GitAPIException e) {
      throw new GitProblem(e.getMessage());
    }
  }
}
