package io.waymark.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The state of the Git repository containing a roadmap folder, as a text that changes whenever what
 * the history rules and the as-of date read from it can: the repository found as JGit finds it (the
 * nearest {@code .git} folder or file above), the content of {@code HEAD}, and the size,
 * modification time and file key of the ref it names, {@code packed-refs}, {@code shallow}, the
 * grafts, the alternates, the configuration files (the repository's and the user's), the pack
 * folder, {@code refs/replace} and the index (its skip-worktree bits decide whether the work tree
 * is {@code HEAD}'s). Read with a few file-attribute calls, without opening the repository. Empty
 * for a layout it does not know well enough to tell (a link, a {@code .git} file it cannot follow,
 * a bare repository on the way, Git's location variables set).
 */
final class GitState {

  /** Git's variables that move the repository, its objects or where it is searched. */
  private static final String[] ENVIRONMENT = {
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_COMMON_DIR",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_CEILING_DIRECTORIES",
    "GIT_INDEX_FILE",
    "GIT_CONFIG_GLOBAL",
    "GIT_CONFIG_SYSTEM",
    "GIT_CONFIG_NOSYSTEM"
  };

  private GitState() {}

  static Optional<String> of(Path folder) {
    return of(folder, p -> {});
  }

  /**
   * As {@link #of(Path)}, telling {@code seen} of every path whose attributes (or absence) the text
   * is made from, files whose content it reads included (writing one changes its attributes).
   */
  static Optional<String> of(Path folder, Consumer<Path> seen) {
    for (String variable : ENVIRONMENT) {
      if (System.getenv(variable) != null) {
        return Optional.empty();
      }
    }
    try {
      Path dir = folder.toRealPath();
      StringBuilder out = new StringBuilder();
      user(out, seen);
      for (Path p = dir; p != null; p = p.getParent()) {
        Path dotGit = p.resolve(".git");
        Optional<BasicFileAttributes> attrs = attributes(dotGit, seen);
        if (attrs.isEmpty()) {
          if (looksBare(p, seen)) {
            return Optional.empty();
          }
          continue;
        }
        if (attrs.get().isDirectory()) {
          out.append("repository ").append(dotGit).append('\n');
          return repository(dotGit, out, seen);
        }
        if (!attrs.get().isRegularFile() || attrs.get().size() > 4096) {
          return Optional.empty();
        }
        String text = read(dotGit).strip();
        if (!text.startsWith("gitdir:")) {
          return Optional.empty();
        }
        Path gitDir = p.resolve(text.substring("gitdir:".length()).strip()).normalize();
        out.append("repository ").append(dotGit).append(" -> ").append(gitDir).append('\n');
        return repository(gitDir, out, seen);
      }
      out.append("no repository above ").append(dir).append('\n');
      return Optional.of(out.toString());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> repository(Path gitDir, StringBuilder out, Consumer<Path> seen)
      throws IOException {
    if (!isFolder(gitDir, seen)) {
      return Optional.empty();
    }
    Path common = gitDir;
    Optional<BasicFileAttributes> commondir = attributes(gitDir.resolve("commondir"), seen);
    if (commondir.isPresent()) {
      common = gitDir.resolve(read(gitDir.resolve("commondir")).strip()).normalize();
      out.append("common ").append(common).append('\n');
    }
    if (!isFolder(common.resolve("objects"), seen) || !isFolder(common.resolve("refs"), seen)) {
      return Optional.empty(); // not a repository JGit would take: it searches further up
    }
    Optional<BasicFileAttributes> head = attributes(gitDir.resolve("HEAD"), seen);
    if (head.isEmpty() || !head.get().isRegularFile() || head.get().size() > 4096) {
      return Optional.empty();
    }
    String target = read(gitDir.resolve("HEAD")).strip();
    out.append("HEAD ").append(target).append('\n');
    if (target.startsWith("ref:")) {
      String ref = target.substring("ref:".length()).strip();
      if (!ref.startsWith("refs/") || ref.contains("..") || ref.contains("\\")) {
        return Optional.empty();
      }
      for (Path place : new Path[] {gitDir, common}) {
        Path file = place.resolve(ref);
        Optional<BasicFileAttributes> attrs = stat(file, out, seen);
        if (attrs.isPresent() && attrs.get().isRegularFile() && attrs.get().size() < 4096) {
          String value = read(file).strip();
          if (value.startsWith("ref:")) {
            return Optional.empty(); // a chain of symbolic refs: not followed here
          }
          out.append("  = ").append(value).append('\n');
        }
      }
    }
    for (String name :
        new String[] {
          "packed-refs",
          "shallow",
          "info/grafts",
          "objects/info/alternates",
          "objects/pack",
          "objects/info/packs",
          "refs/replace",
          "config"
        }) {
      stat(common.resolve(name), out, seen);
    }
    stat(gitDir.resolve("config.worktree"), out, seen);
    // Git's index decides whether the work tree is HEAD's, and so the as-of date (WorkTreeIndex):
    // a committed file missing from the work tree is a change unless its entry is skip-worktree
    // (a sparse checkout), and an index that cannot be read makes every file be compared by its
    // bytes, where such a file is a change. `git update-index --skip-worktree`, `git
    // sparse-checkout` and a split or sparse index change nothing else. Every write of the index
    // (Git and JGit write a new file and rename it) moves its size, time or inode. Staging alone
    // does not change the answer (the work tree is compared with HEAD, the index only vouches for
    // content it holds), nor does assume-unchanged (those files are read); but they write the
    // index, and the next run is then judged again rather than given a stale answer.
    stat(gitDir.resolve("index"), out, seen);
    return Optional.of(out.toString());
  }

  /** The configuration files of the user and the system that JGit reads too. */
  private static void user(StringBuilder out, Consumer<Path> seen) {
    String home = System.getProperty("user.home");
    String xdg = System.getenv("XDG_CONFIG_HOME");
    out.append("home ").append(home).append(" xdg ").append(xdg).append('\n');
    Path config = xdg == null || xdg.isEmpty() ? Path.of(home, ".config") : Path.of(xdg);
    for (Path file :
        new Path[] {
          Path.of(home, ".gitconfig"),
          config.resolve("git/config"),
          config.resolve("jgit/config"),
          Path.of("/etc/gitconfig")
        }) {
      stat(file, out, seen);
    }
  }

  /** A folder that holds a repository of its own (a bare repository): JGit would take it. */
  private static boolean looksBare(Path p, Consumer<Path> seen) {
    return attributes(p.resolve("HEAD"), seen).isPresent()
        && isFolder(p.resolve("objects"), seen)
        && isFolder(p.resolve("refs"), seen);
  }

  /** A folder, not a link to one. */
  private static boolean isFolder(Path p, Consumer<Path> seen) {
    Optional<BasicFileAttributes> attrs = attributes(p, seen);
    return attrs.isPresent() && attrs.get().isDirectory();
  }

  private static Optional<BasicFileAttributes> stat(
      Path file, StringBuilder out, Consumer<Path> seen) {
    Optional<BasicFileAttributes> attrs = attributes(file, seen);
    out.append(file).append(' ');
    if (attrs.isEmpty()) {
      out.append("absent\n");
    } else {
      BasicFileAttributes a = attrs.get();
      out.append(a.isSymbolicLink() ? "link " : a.isDirectory() ? "dir " : "")
          .append(a.size())
          .append(' ')
          .append(a.lastModifiedTime().to(TimeUnit.NANOSECONDS))
          .append(' ')
          .append(a.fileKey())
          .append('\n');
    }
    return attrs;
  }

  private static Optional<BasicFileAttributes> attributes(Path file, Consumer<Path> seen) {
    seen.accept(file);
    try {
      return Optional.of(
          Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }
}
