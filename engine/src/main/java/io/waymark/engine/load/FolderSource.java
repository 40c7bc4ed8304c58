package io.waymark.engine.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  private final FolderWalk.Opener opener;

  /**
   * The files of the last {@link #list()} whose names may not turn back into their paths (a name
   * that is not plain ASCII): such a file is read through the {@link Path} the listing found, never
   * through its name turned back into a path, which fails (or finds another file) when the JVM
   * cannot encode the name in its locale ({@code LANG=C}). Any other name is resolved against the
   * root again when read: a path kept per file would cost a tenth of a large run's listing.
   */
  private final Map<String, Path> listed = new ConcurrentHashMap<>();

  /** What the last {@link #list()} found of each file, for {@link #stamp(String)}. */
  private volatile Stamps stamps = Stamps.NONE;

  /**
   * The names of a listing (sorted) with what one {@code lstat} said of each (null for an entry
   * that could not be read): a stamp is written when asked, not kept as a string per file (a run
   * without the cache asks for none).
   */
  private record Stamps(String[] names, FolderWalk.Stat[] stats, long listedAt) {
    static final Stamps NONE = new Stamps(new String[0], new FolderWalk.Stat[0], 0);

    String of(String name) {
      int i = java.util.Arrays.binarySearch(names, name);
      return i < 0 || stats[i] == null ? "" : stamp(stats[i], listedAt);
    }
  }

  /**
   * @param root the repository folder; when it is itself a symbolic link, the folder it names is
   *     the repository (the user chose it), and nothing below it is followed
   */
  public FolderSource(Path root, String label) {
    this(root, label, Files::newDirectoryStream);
  }

  /** As {@link #FolderSource(Path, String)}, each folder listed by {@code opener} (tests). */
  FolderSource(Path root, String label, FolderWalk.Opener opener) {
    this.opener = opener;
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

  /** A folder below the root that no walk enters: `.git`, `node_modules`, `target`, the cache. */
  private boolean skipped(Path dir) {
    return !dir.equals(root)
        && (SKIPPED_DIRS.contains(dir.getFileName().toString())
            || dir.equals(root.resolve(CACHE_DIR)));
  }

  /**
   * The walk of the last {@link #snapshot()}, given by {@link #list()} instead of walking the
   * folder again (null: none): a run that looks for a stored outcome first, finds none and then
   * loads the folder walks it once. Turned into entries and stamps only if {@link #list()} asks: a
   * run with nothing changed never does.
   */
  private volatile Walked snapshotted;

  /**
   * The last walk a {@link FolderWatch} gave {@link #list()}, with its listing: given the same walk
   * again (nothing changed below the root), the listing is not made again.
   */
  private volatile Walked watched;

  private static final class Walked {
    final List<FolderWalk.Item> items;
    final long listedAt;

    /** The folders the walk listed, when a snapshot walked them itself; else null. */
    final List<Path> folders;

    /** The listing made of it, once asked (guarded by the source). */
    List<Entry> entries;

    /** And the stamps of its files, made with it. */
    Stamps stamps;

    Walked(List<FolderWalk.Item> items, long listedAt, List<Path> folders) {
      this.items = items;
      this.listedAt = listedAt;
      this.folders = folders;
    }
  }

  /**
   * The files below the root, sorted by name; after a {@link #snapshot()} of this source, the
   * entries that walk found (with the stamps of that moment), without walking again.
   */
  @Override
  public List<Entry> list() throws IOException {
    return list(Integer.MAX_VALUE, null);
  }

  /**
   * As {@link #list()}; {@code whenMany} runs while the folder is walked, once it is known. In a
   * long-lived process watching its folders ({@link FolderWatch#enter}: the language server), the
   * last walk when nothing below the root changed since.
   */
  @Override
  public List<Entry> list(int many, Runnable whenMany) throws IOException {
    Walked walked = snapshotted;
    FolderWatch watch = walked == null ? FolderWatch.current() : null;
    if (watch != null) {
      walked = watched(watch.walk(root, this::skipped));
    }
    if (walked == null) {
      long listedAt = System.currentTimeMillis();
      walked =
          new Walked(FolderWalk.of(root, this::skipped, many, whenMany, opener), listedAt, null);
    } else if (whenMany != null && walked.items.size() >= many) {
      whenMany.run();
    }
    return listing(walked);
  }

  /**
   * The walk a {@link FolderWatch} gave: the last one with its listing when it is the same walk
   * given again (entries sorted, stamps noted: a file too recent for a stamp then keeps none, and
   * is read, until the folder is walked again).
   */
  private Walked watched(List<FolderWalk.Item> items) {
    Walked last = watched;
    if (last != null && last.items == items) {
      return last;
    }
    Walked walked = new Walked(items, System.currentTimeMillis(), null);
    watched = walked;
    return walked;
  }

  /** The entries of a walk, as {@link #list()} gives them; its stamps noted. */
  private synchronized List<Entry> listing(Walked walked) {
    if (walked.entries != null) {
      stamps = walked.stamps;
      return walked.entries;
    }
    FolderWalk.Item[] items = walked.items.toArray(new FolderWalk.Item[0]);
    java.util.Arrays.sort(items, (a, b) -> a.name().compareTo(b.name()));
    Entry[] entries = new Entry[items.length];
    String[] names = new String[items.length];
    FolderWalk.Stat[] stats = new FolderWalk.Stat[items.length];
    for (int i = 0; i < items.length; i++) {
      FolderWalk.Item item = items[i];
      String name = item.name();
      names[i] = name;
      FolderWalk.Stat stat = item.stat();
      if (stat == null) {
        entries[i] = new Entry(name, Type.UNREADABLE, 0, problem(item));
        continue;
      }
      if (!plain(name)) {
        listed.put(name, item.path());
      }
      Type type =
          switch (stat.kind()) {
            case LINK -> Type.SYMLINK;
            case FILE -> Type.REGULAR;
            default -> Type.OTHER;
          };
      entries[i] = new Entry(name, type, stat.size());
      stats[i] = stat;
    }
    walked.entries = List.of(entries);
    walked.stamps = new Stamps(names, stats, walked.listedAt);
    stamps = walked.stamps;
    return walked.entries;
  }

  /**
   * True for a name that turns back into its file's path whatever the JVM's encoding: printable
   * ASCII without a backslash (a name the JVM could not decode is written with {@code \\x} escapes,
   * see {@link FileNames}), on a system whose separator is the name's.
   */
  private static boolean plain(String name) {
    if (java.io.File.separatorChar != '/') {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /** What could not be read and what that means, for a finding. */
  private static String problem(FolderWalk.Item item) {
    String reason = reason(item.failure());
    return Files.isDirectory(item.path(), LinkOption.NOFOLLOW_LINKS)
        ? "folder could not be listed in full ("
            + reason
            + "): roadmap files in it may not have been validated"
        : "could not be read (" + reason + "): it was not validated";
  }

  /** Why an entry could not be read, in a few words for a finding. */
  static String reason(IOException failure) {
    if (failure instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (failure instanceof NoSuchFileException) {
      return "it was removed while it was being read";
    }
    if (failure instanceof java.nio.file.FileSystemException f) {
      // Without a reason its message is the file's absolute path, which a finding must not carry.
      return f.getReason() == null
          ? "input/output error"
          : f.getReason().toLowerCase(java.util.Locale.ROOT);
    }
    String message = failure.getMessage();
    return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
  }

  /**
   * What every file below the root is, walked as {@link #list()} walks (the same folders skipped,
   * no link followed), appended to {@code out}: the root, then for each file its name, kind, size,
   * modification time and inode change time (to the nanosecond) and file key, in the order the
   * folders list them. It changes whenever a file is added, removed, renamed, replaced or written,
   * also when its modification time is put back (the inode change time is not). False when the walk
   * fails or some regular file changed too recently for its stamp to tell (see {@link
   * #stamp(FolderWalk.Stat, long)}): its content must then be read, and what was appended is no
   * snapshot.
   */
  public boolean snapshot(InputBytes out) {
    long listedAt = System.currentTimeMillis();
    List<FolderWalk.Item> items;
    List<Path> folders = null;
    try {
      // In a long-lived process watching its folders: the last walk when nothing changed since.
      FolderWatch watch = FolderWatch.current();
      if (watch != null) {
        items = watch.walk(root, this::skipped);
      } else {
        List<Path> entered = new ArrayList<>();
        items = FolderWalk.of(root, this::skipped, entered::add);
        folders = entered;
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
    snapshotted = new Walked(items, listedAt, folders);
    out.text(root.toString()).number(items.size());
    for (FolderWalk.Item item : items) {
      if (!append(out, item, listedAt)) {
        return false;
      }
    }
    return true;
  }

  /**
   * One file of a snapshot; false when it changed too recently. A method of its own: called once
   * per file, it is compiled after a few hundred files, where the loop that calls it is not.
   */
  private static boolean append(InputBytes out, FolderWalk.Item item, long listedAt) {
    out.text(item.name());
    FolderWalk.Stat stat = item.stat();
    if (stat == null) {
      out.mark('x').text(item.failure().getClass().getName());
      return true;
    }
    if (stat.kind() == FolderWalk.Kind.FILE && unstable(stat, listedAt)) {
      return false;
    }
    out.mark(stat.kind().mark)
        .number(stat.size())
        .number(stat.modified())
        .number(stat.modifiedNanos())
        .number(stat.changed())
        .number(stat.changedNanos());
    if (stat.fileKey() == null) {
      out.mark('u').number(stat.device()).number(stat.inode());
    } else {
      out.mark('k').text(stat.fileKey());
    }
    return true;
  }

  /**
   * Every path the last {@link #snapshot(InputBytes)} was made of, for a check of the same inputs
   * without a JVM ({@link AnswerCheck}): each folder it listed (a file added, removed or renamed in
   * a folder changes the folder's attributes) and each entry it found. Empty when there was no such
   * snapshot, when a watch gave its walk, or when an entry could not be read.
   */
  public Optional<SnapshotPaths> snapshotPaths() {
    Walked walked = snapshotted;
    if (walked == null || walked.folders == null) {
      return Optional.empty();
    }
    for (FolderWalk.Item item : walked.items) {
      if (item.stat() == null) {
        return Optional.empty();
      }
    }
    return Optional.of(new SnapshotPaths(walked.folders, walked.items));
  }

  /**
   * The paths of a snapshot: the folders listed (whose own attributes the snapshot does not hold)
   * and the entries found, with what their {@code lstat} said then.
   */
  public static final class SnapshotPaths {
    final List<Path> folders;
    final List<FolderWalk.Item> entries;

    SnapshotPaths(List<Path> folders, List<FolderWalk.Item> entries) {
      this.folders = List.copyOf(folders);
      this.entries = entries;
    }
  }

  /** The bytes {@link #snapshot(InputBytes)} appends, on their own; empty when it gives none. */
  public Optional<ByteBuffer> snapshot() {
    InputBytes out = new InputBytes(4096);
    return snapshot(out) ? Optional.of(ByteBuffer.wrap(out.toByteArray())) : Optional.empty();
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
    Path relative = root.relativize(file);
    Path cursor = root;
    int last = relative.getNameCount() - 1;
    for (int i = 0; i < last; i++) {
      cursor = cursor.resolve(relative.getName(i));
      if (Files.isSymbolicLink(cursor)) {
        throw new NoSuchFileException(path, null, "symbolic link not followed");
      }
    }
    // The file itself: one lstat says both whether it is a link and whether it is a regular file
    // (never opened otherwise: a named pipe would block the open).
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new NoSuchFileException(path, null, "not a regular file");
    }
    if (attributes.isSymbolicLink()) {
      throw new NoSuchFileException(path, null, "symbolic link not followed");
    }
    if (!attributes.isRegularFile()) {
      throw new NoSuchFileException(path, null, "not a regular file");
    }
    return Files.readAllBytes(file);
  }

  @Override
  public String stamp(String path) {
    return stamps.of(path);
  }

  /**
   * A regular file's size, modification time and inode change time (to the nanosecond, where the
   * file system keeps them) and file key (device and inode), as Git's index stamps files. A file
   * changed in the last two seconds gets none: a file system whose clock ticks coarsely could
   * change it again within the same tick, so its content is read (and hashed) to tell.
   */
  static String stamp(FolderWalk.Stat stat, long listedAt) {
    if (stat.kind() != FolderWalk.Kind.FILE || unstable(stat, listedAt)) {
      return "";
    }
    return new StringBuilder(64)
        .append(stat.size())
        .append(' ')
        .append(stat.modified())
        .append('.')
        .append(stat.modifiedNanos())
        .append(' ')
        .append(stat.changed())
        .append('.')
        .append(stat.changedNanos())
        .append(' ')
        .append(stat.key())
        .toString();
  }

  /** A file changed too recently to be told by its stamp, or one without a file key. */
  private static boolean unstable(FolderWalk.Stat stat, long listedAt) {
    return stat.modifiedMillis() > listedAt - RECENT_MILLIS || !stat.keyed();
  }

  /** How long after its last change a file is stamped (see {@link #stamp}). */
  static final long RECENT_MILLIS = 2_000;
}
