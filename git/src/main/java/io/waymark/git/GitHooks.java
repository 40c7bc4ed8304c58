package io.waymark.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Where Git looks for the hooks of the repository that contains a folder. Read with JGit, so no git
 * binary is needed to install the hook: {@code core.hooksPath} is honoured from the repository's
 * configuration and from the user's and the system's (as Git does; relative to the work tree's
 * root, {@code ~/} expanded), else the hooks are in the {@code hooks} folder of the common Git
 * directory (shared by linked work trees).
 *
 * @param workTree the root of the work tree
 * @param hooks the hooks folder
 * @param roadmap the roadmap folder relative to the work tree's root, with '/' separators ("." for
 *     the root)
 * @param hooksPath whether {@code core.hooksPath} chose the folder
 * @param shared whether that {@code core.hooksPath} is set outside the repository's own
 *     configuration (the user's or the system's): Git then runs the hooks of that folder in every
 *     repository
 */
public record GitHooks(
    Path workTree, Path hooks, String roadmap, boolean hooksPath, boolean shared) {

  /** The pre-commit hook file. */
  public Path preCommit() {
    return hooks.resolve("pre-commit");
  }

  /**
   * Finds the repository containing {@code dir}, or says clearly why there is none.
   *
   * @param display how messages name {@code dir}
   * @throws GitProblem when {@code dir} is no folder, or not in the work tree of a repository
   */
  public static GitHooks of(Path dir, String display) throws IOException {
    GitSystemConfig.apply();
    if (Files.isSymbolicLink(dir)) {
      throw new GitProblem("'" + display + "' is a symbolic link; give the folder it points to");
    }
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new GitProblem("'" + display + "' is not a folder");
    }
    Path folder = dir.toAbsolutePath().normalize().toRealPath();
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(folder.toFile());
    if (builder.getGitDir() == null) {
      throw new GitProblem(
          "'"
              + display
              + "' is not in a Git repository; run 'git init' first, then install the hook");
    }
    try (Repository repository = builder.setMustExist(true).build()) {
      if (repository.isBare()) {
        throw new GitProblem(
            "'" + display + "' is in a bare repository: there is nothing to commit");
      }
      Path workTree = repository.getWorkTree().toPath().toAbsolutePath().normalize().toRealPath();
      if (!folder.startsWith(workTree)) {
        throw new GitProblem(
            "'" + display + "' is not inside the work tree of its repository (" + workTree + ")");
      }
      String relative = workTree.relativize(folder).toString().replace('\\', '/');
      String configured = repository.getConfig().getString("core", null, "hooksPath");
      if (configured != null && !configured.isBlank()) {
        // Without its base configurations (the user's, the system's), the repository's own.
        boolean own =
            repository.getConfig().getNames("core", null, false).stream()
                .anyMatch(name -> name.equalsIgnoreCase("hooksPath"));
        return new GitHooks(
            workTree, hooksPath(workTree, configured.strip()), roadmap(relative), true, !own);
      }
      Path common = repository.getCommonDirectory().toPath().toAbsolutePath().normalize();
      return new GitHooks(workTree, common.resolve("hooks"), roadmap(relative), false, false);
    }
  }

  private static String roadmap(String relative) {
    return relative.isEmpty() ? "." : relative;
  }

  /** {@code core.hooksPath} as Git reads it: {@code ~} is the home folder, relative to the root. */
  static Path hooksPath(Path workTree, String configured) {
    String path = configured;
    if (path.equals("~") || path.startsWith("~/")) {
      path = System.getProperty("user.home") + path.substring(1);
    }
    Path p = Path.of(path);
    return (p.isAbsolute() ? p : workTree.resolve(p)).normalize();
  }
}
