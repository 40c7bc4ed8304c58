package io.waymark.engine.load;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A roadmap repository in a folder. Walks the tree without following symbolic links, skips {@code
 * .git} and build output, and refuses to read anything that is not a regular file inside the root.
 */
public final class FolderSource implements RepositorySource {

  private static final Set<String> SKIPPED_DIRS = Set.of(".git", "node_modules", "target");

  /** The on-disk cache's default folder: Waymark's own output, never a roadmap file. */
  private static final String CACHE_DIR = FolderCache.DEFAULT;

  private final Path root;
  private final String label;

  /**
   * The files of the last {@link #list()} by the names it gave them: a file is read through the
   * {@link Path} the listing found, never through its name turned back into a path, which fails (or
   * finds another file) when the JVM cannot encode the name in its locale ({@code LANG=C}).
   */
  private final Map<String, Path> listed = new ConcurrentHashMap<>();

  /** The stamps of the regular files of the last {@link #list()} (see {@link #stamp(String)}). */
  private final Map<String, String> stamps = new ConcurrentHashMap<>();

  /**
   * @param root the repository folder; when it is itself a symbolic link, the folder it names is
   *     the repository (the user chose it), and nothing below it is followed
   */
  public FolderSource(Path root, String label) {
    Path absolute = root.toAbsolutePath().normalize();
    Path real;
    try {
      real = absolute.toRealPath();
    } catch (IOException e) {
      real = absolute; // listing reports the problem
    }
    this.root = real;
    this.label = label;
  }

  public Path root() {
    return root;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public List<Entry> list() throws IOException {
    List<Entry> entries = new ArrayList<>();
    long listedAt = System.currentTimeMillis();
    Files.walkFileTree(
        root,
        EnumSet.noneOf(FileVisitOption.class),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (!dir.equals(root)
                && (SKIPPED_DIRS.contains(dir.getFileName().toString())
                    || dir.equals(root.resolve(CACHE_DIR)))) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            Type type =
                attrs.isSymbolicLink()
                    ? Type.SYMLINK
                    : attrs.isRegularFile() ? Type.REGULAR : Type.OTHER;
            String name = relative(file);
            listed.put(name, file);
            entries.add(new Entry(name, type, attrs.size()));
            String stamp = stamp(attrs, listedAt);
            if (stamp.isEmpty()) {
              stamps.remove(name);
            } else {
              stamps.put(name, stamp);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            entries.add(new Entry(relative(file), Type.OTHER, 0));
            return FileVisitResult.CONTINUE;
          }
        });
    entries.sort(Comparator.comparing(Entry::path));
    return entries;
  }

  @Override
  public byte[] read(String path) throws IOException {
    Path file = listed.get(path);
    if (file == null) {
      try {
        file = root.resolve(path).normalize();
      } catch (InvalidPathException e) {
        throw new NoSuchFileException(path, null, "not a name this system can encode");
      }
    }
    if (!file.startsWith(root)) {
      throw new NoSuchFileException(path, null, "outside the repository");
    }
    // Check every element on the way: a symlinked folder must not lead elsewhere.
    Path cursor = root;
    for (Path part : root.relativize(file)) {
      cursor = cursor.resolve(part);
      if (Files.isSymbolicLink(cursor)) {
        throw new NoSuchFileException(path, null, "symbolic link not followed");
      }
    }
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new NoSuchFileException(path, null, "not a regular file");
    }
    return Files.readAllBytes(file);
  }

  @Override
  public String stamp(String path) {
    return stamps.getOrDefault(path, "");
  }

  /**
   * A regular file's size, modification time (to the nanosecond, where the file system keeps it)
   * and file key (device and inode), as Git's index stamps files. A file changed in the last two
   * seconds gets none: a file system whose clock ticks coarsely could change it again within the
   * same tick, so its content is read (and hashed) to tell.
   */
  static String stamp(BasicFileAttributes attrs, long listedAt) {
    if (!attrs.isRegularFile()) {
      return "";
    }
    java.nio.file.attribute.FileTime modified = attrs.lastModifiedTime();
    if (modified.toMillis() > listedAt - RECENT_MILLIS || attrs.fileKey() == null) {
      return "";
    }
    return attrs.size() + " " + modified.toInstant() + " " + attrs.fileKey();
  }

  /** How long after its last change a file is stamped (see {@link #stamp}). */
  static final long RECENT_MILLIS = 2_000;

  private String relative(Path file) {
    String name = root.relativize(file).toString().replace('\\', '/');
    return name.indexOf('\uFFFD') < 0 ? name : FileNames.decoded(root, file).orElse(name);
  }
}
