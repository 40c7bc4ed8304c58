package io.waymark.git;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The answer JGit got from Git about the system configuration file, remembered in the user's cache
 * folder for the next run. To find that file JGit starts {@code git --version} and {@code git
 * config --system --show-origin --list -z} in every JVM that opens a repository (about 40 ms of a
 * cold validate). The answer depends on the {@code git} that the PATH finds, on {@code
 * GIT_CONFIG_SYSTEM}, and on the file's content (its first entry names it); so it is taken again
 * only while that {@code git} (its path, size and modification time), that variable, and the file
 * (its size and modification time) are all as they were. An answer of "none" is never remembered
 * (there is no file to watch): JGit asks Git again, as it always did.
 *
 * <p>The file is {@code $XDG_CACHE_HOME/waymark/git-system-config}, else {@code
 * ~/.cache/waymark/git-system-config}: one line, written to a temporary file and renamed into
 * place. Anything unexpected (no cache folder, a link, a line of another form, a file that changed)
 * means no answer, never a failure.
 */
final class RememberedSystemConfig {

  /** The format of the line; another first field is ignored. */
  private static final String FORMAT = "waymark-git-system-config-1";

  /** The largest memo read (a line of a few paths). */
  private static final long MAX_BYTES = 16 * 1024;

  private RememberedSystemConfig() {}

  /** Where the memo lives for this environment; empty without an absolute cache or home folder. */
  static Optional<Path> memo(Map<String, String> env) {
    try {
      String cache = env.get("XDG_CACHE_HOME");
      if (cache != null && cache.startsWith("/")) {
        return Optional.of(Path.of(cache, "waymark", "git-system-config"));
      }
      String home = env.get("HOME");
      if (home != null && home.startsWith("/")) {
        return Optional.of(Path.of(home, ".cache", "waymark", "git-system-config"));
      }
    } catch (InvalidPathException e) {
      // a name this system cannot encode: no memo
    }
    return Optional.empty();
  }

  /**
   * The first {@code git} on the PATH that is an executable file, as JGit looks for it; empty on
   * macOS when that is {@code /usr/bin/git} (there JGit asks a login shell for the real one, which
   * this cannot watch).
   */
  static Optional<Path> git(Map<String, String> env) {
    Optional<Path> found = onPath(env);
    boolean mac =
        System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("mac");
    return mac && found.filter(g -> g.toString().equals("/usr/bin/git")).isPresent()
        ? Optional.empty()
        : found;
  }

  private static Optional<Path> onPath(Map<String, String> env) {
    String path = env.get("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      try {
        Path git = Path.of(dir, "git");
        if (Files.isRegularFile(git) && Files.isExecutable(git)) {
          return Optional.of(git.toAbsolutePath());
        }
      } catch (InvalidPathException e) {
        // not a folder this system can name: JGit skips it too
      }
    }
    return Optional.empty();
  }

  /** The remembered system configuration file, when everything it depends on is as it was. */
  static Optional<File> recall(Map<String, String> env, Path memo) {
    try {
      if (!Files.isRegularFile(memo, LinkOption.NOFOLLOW_LINKS) || Files.size(memo) > MAX_BYTES) {
        return Optional.empty();
      }
      List<String> lines = Files.readAllLines(memo, StandardCharsets.UTF_8);
      Optional<String> now = situation(env);
      if (lines.size() != 1 || now.isEmpty()) {
        return Optional.empty();
      }
      String line = lines.get(0);
      if (!line.startsWith(now.get())) {
        return Optional.empty();
      }
      String[] answer = line.substring(now.get().length()).split("\t", -1);
      if (answer.length != 3) {
        return Optional.empty();
      }
      Path file = Path.of(answer[0]);
      if (!file.isAbsolute()) {
        return Optional.empty();
      }
      return stamp(file)
          .filter(s -> s.equals(answer[1] + "\t" + answer[2]))
          .map(s -> file.toFile());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Keeps {@code file} as the answer for this environment; silently nothing when it cannot. */
  static void remember(Map<String, String> env, Path memo, File file) {
    try {
      Optional<String> now = situation(env);
      Optional<String> stamp = stamp(file.toPath());
      String name = file.getPath();
      if (now.isEmpty() || stamp.isEmpty() || !plain(name) || !file.isAbsolute()) {
        return;
      }
      String line = now.get() + name + "\t" + stamp.get() + "\n";
      Path folder = memo.getParent();
      Files.createDirectories(folder);
      if (Files.isSymbolicLink(memo)) {
        return;
      }
      Path written = Files.createTempFile(folder, "git-system-config", ".tmp");
      try {
        Files.writeString(written, line, StandardCharsets.UTF_8);
        Files.move(
            written, memo, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(written);
      }
    } catch (IOException | RuntimeException e) {
      // a read-only or missing cache folder: the next run asks Git again
    }
  }

  /**
   * What the answer depends on, as the start of the memo's line: the format, the {@code git} of the
   * PATH with its size and modification time, and {@code GIT_CONFIG_SYSTEM}; empty when there is no
   * {@code git} or a value that a line cannot hold.
   */
  private static Optional<String> situation(Map<String, String> env) {
    Optional<Path> git = git(env);
    String system = env.getOrDefault("GIT_CONFIG_SYSTEM", "");
    if (git.isEmpty() || !plain(git.get().toString()) || !plain(system)) {
      return Optional.empty();
    }
    Optional<String> stamp = stamp(git.get());
    if (stamp.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        FORMAT
            + "\t"
            + git.get()
            + "\t"
            + stamp.get()
            + "\t"
            + (system.isEmpty() ? "-" : "=" + system)
            + "\t");
  }

  /** A regular file's size and modification time (links followed), or empty. */
  private static Optional<String> stamp(Path file) {
    java.nio.file.attribute.BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
    } catch (IOException e) {
      return Optional.empty(); // as Files.isRegularFile: missing or unreadable is not a file
    }
    return a.isRegularFile()
        ? Optional.of(a.size() + "\t" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS))
        : Optional.empty();
  }

  /** True for a text a tab-separated line can hold. */
  private static boolean plain(String text) {
    return text.indexOf('\t') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0;
  }
}
