package io.waymark.cli;

import io.waymark.cli.format.SourceRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --paths repository|roadmap}: what the paths of SARIF, checkstyle and GitLab Code Quality
 * are relative to. By default the root of the Git work tree that holds the roadmap folder (found as
 * Git finds it: the nearest folder above with a {@code .git} entry), so that a roadmap in a
 * subfolder of a monorepo uploads unchanged; outside Git, the roadmap folder.
 */
final class PathsOption {

  /** The values of {@code --paths}. */
  enum Base {
    repository,
    roadmap
  }

  @Option(
      names = "--paths",
      paramLabel = "BASE",
      defaultValue = "repository",
      description =
          "Paths in SARIF, checkstyle and GitLab Code Quality relative to the Git repository's"
              + " root (repository, the default; the roadmap folder when it is not in Git) or to"
              + " the roadmap folder (roadmap). Text, JUnit and GitHub paths are relative to"
              + " where the command runs.")
  Base paths = Base.repository;

  /** The source root for the roadmap folder {@code dir}. */
  SourceRoot sourceRoot(Path dir) {
    if (paths == Base.roadmap) {
      return SourceRoot.ROADMAP;
    }
    Path folder;
    try {
      folder = dir.toRealPath();
    } catch (IOException e) {
      return SourceRoot.ROADMAP;
    }
    for (Path p = folder; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
        String relative = p.relativize(folder).toString().replace('\\', '/');
        return new SourceRoot(relative.isEmpty() ? "" : relative + "/", true);
      }
    }
    return SourceRoot.ROADMAP;
  }
}
