package io.waymark.engine.load;

import java.io.File;
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
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

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

  /** The root as a path string ending with a separator. */
  private final String rootPrefix;

  /**
   * The files of the last {@link #list()} by the names it gave them: a file is read through the
   * {@link Path} the listing found, never through its name turned back into a path, which fails (or
   * finds another file) when the JVM cannot encode the name in its locale ({@code LANG=C}).
   */
  private final Map<String, Path> listed = new ConcurrentHashMap<>();

  /** The stamps of the regular files of the last {@link #list()} (see {@link #stamp(String)}). */
  private final Map<String, String> stamps = new ConcurrentHashMap<>();

  /**
   * The entries the last {@link #snapshot()} walked, given by {@link #list()} instead of walking
   * the folder again (null: none): a run that looks for a stored outcome first, finds none and then
   * loads the folder walks it once.
   */
  private volatile Walked snapshotted;

  /**
   * What a {@link #snapshot()} walk saw: every file with its attributes (null when they could not
   * be read) and when the walk began. Turned into entries and stamps only if {@link #list()} asks:
   * a run with nothing changed never does.
   */
  private static final class Walked {
    final List<Path> files;
    final List<BasicFileAttributes> attributes;
    final long listedAt;

    /** The listing made of it, once asked (guarded by the source). */
    List<Entry> entries;

    Walked(List<Path> files, List<BasicFileAttributes> attributes, long listedAt) {
      this.files = files;
      this.attributes = attributes;
      this.listedAt = listedAt;
    }
  }

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
    String r = real.toString();
    this.rootPrefix = r.endsWith(File.separator) ? r : r + File.separator;
  }

  public Path root() {
    return root;
  }

  @Override
  public String label() {
    return label;
  }

  /** A folder below the root that no walk enters: `.git`, `node_modules`, `target`, the cache. */
  private boolean skipped(Path dir) {
    return !dir.equals(root)
        && (SKIPPED_DIRS.contains(dir.getFileName().toString())
            || dir.equals(root.resolve(CACHE_DIR)));
  }

  /**
   * The files below the root, sorted by name; after a {@link #snapshot()} of this source, the
   * entries that walk found (with the stamps it took), without walking again.
   */
  @Override
  public List<Entry> list() throws IOException {
    Walked walked = snapshotted;
    if (walked != null) {
      return listing(walked);
    }
    return walk();
  }

  private List<Entry> walk() throws IOException {
    List<Entry> entries = new ArrayList<>();
    long listedAt = System.currentTimeMillis();
    Files.walkFileTree(
        root,
        EnumSet.noneOf(FileVisitOption.class),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return skipped(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
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

  /**
   * What every file below the root is, walked as {@link #list()} walks (the same folders skipped,
   * no link followed): one line per file with its name, kind, size, modification time (to the
   * nanosecond) and file key, sorted. It changes whenever a file is added, removed, renamed,
   * replaced or written. Empty when the walk fails or some regular file changed too recently for
   * its stamp to tell (see {@link #stamp(BasicFileAttributes, long)}): its content must then be
   * read. The same walk is this source's listing: a later {@link #list()} gives what it found (and
   * {@link #stamp} the stamps of that moment) without walking again.
   */
  public Optional<String> snapshot() {
    List<String> lines = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    List<BasicFileAttributes> attributes = new ArrayList<>();
    long listedAt = System.currentTimeMillis();
    boolean[] unstable = {false};
    StringBuilder line = new StringBuilder(128);
    int prefix = root.toString().length() + 1;
    try {
      Files.walkFileTree(
          root,
          EnumSet.noneOf(FileVisitOption.class),
          Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return skipped(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              files.add(file);
              attributes.add(attrs);
              FileTime modified = attrs.lastModifiedTime();
              if (attrs.isRegularFile()
                  && (modified.toMillis() > listedAt - RECENT_MILLIS || attrs.fileKey() == null)) {
                // No snapshot; the walk goes on for the listing (see list()).
                unstable[0] = true;
              }
              if (unstable[0]) {
                return FileVisitResult.CONTINUE;
              }
              line.setLength(0);
              String name = file.toString();
              line.append(name, Math.min(prefix, name.length()), name.length())
                  .append('\0')
                  .append(
                      attrs.isSymbolicLink()
                          ? 'l'
                          : attrs.isRegularFile() ? 'f' : attrs.isOther() ? 'o' : 'd')
                  .append(' ')
                  .append(attrs.size())
                  .append(' ')
                  .append(modified.to(TimeUnit.SECONDS))
                  .append('.')
                  .append(modified.to(TimeUnit.NANOSECONDS) % 1_000_000_000L)
                  .append(' ')
                  .append(attrs.fileKey());
              lines.add(line.toString());
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              files.add(file);
              attributes.add(null);
              line.setLength(0);
              String name = file.toString();
              line.append(name, Math.min(prefix, name.length()), name.length())
                  .append("\0failed ")
                  .append(e.getClass().getName());
              lines.add(line.toString());
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    snapshotted = new Walked(files, attributes, listedAt);
    if (unstable[0]) {
      return Optional.empty();
    }
    Collections.sort(lines);
    StringBuilder all = new StringBuilder(lines.size() * 96 + 256).append(root);
    for (String l : lines) {
      all.append('\n').append(l);
    }
    return Optional.of(all.toString());
  }

  /** The entries of a snapshot's walk, as {@link #list()} gives them; its stamps noted. */
  private synchronized List<Entry> listing(Walked walked) {
    if (walked.entries != null) {
      return walked.entries;
    }
    List<Entry> entries = new ArrayList<>(walked.files.size());
    for (int i = 0; i < walked.files.size(); i++) {
      Path file = walked.files.get(i);
      BasicFileAttributes attrs = walked.attributes.get(i);
      String name = relative(file);
      if (attrs == null) {
        entries.add(new Entry(name, Type.OTHER, 0));
        continue;
      }
      listed.put(name, file);
      entries.add(
          new Entry(
              name,
              attrs.isSymbolicLink()
                  ? Type.SYMLINK
                  : attrs.isRegularFile() ? Type.REGULAR : Type.OTHER,
              attrs.size()));
      String stamp = stamp(attrs, walked.listedAt);
      if (stamp.isEmpty()) {
        stamps.remove(name);
      } else {
        stamps.put(name, stamp);
      }
    }
    entries.sort(Comparator.comparing(Entry::path));
    walked.entries = List.copyOf(entries);
    return walked.entries;
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
    FileTime modified = attrs.lastModifiedTime();
    if (modified.toMillis() > listedAt - RECENT_MILLIS || attrs.fileKey() == null) {
      return "";
    }
    return attrs.size() + " " + time(modified) + " " + attrs.fileKey();
  }

  /** A modification time as seconds and nanoseconds since the epoch: "1764900000.123456789". */
  private static String time(FileTime modified) {
    java.time.Instant at = modified.toInstant();
    return at.getEpochSecond() + "." + at.getNano();
  }

  /** How long after its last change a file is stamped (see {@link #stamp}). */
  static final long RECENT_MILLIS = 2_000;

  private String relative(Path file) {
    String full = file.toString();
    String prefix = rootPrefix;
    // Below the root, on a system whose separator is '/': the name is the rest of the path.
    String name =
        File.separatorChar == '/' && full.length() > prefix.length() && full.startsWith(prefix)
            ? full.substring(prefix.length())
            : root.relativize(file).toString().replace('\\', '/');
    return name.indexOf('\uFFFD') < 0 ? name : FileNames.decoded(root, file).orElse(name);
  }
}
