package io.waymark.engine.load;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One walk of the files below a folder, as {@link FolderSource} lists and stamps them: every entry
 * that is not a folder (a folder that cannot be opened counts as one), each with what one {@code
 * lstat} says of it. No link is followed; {@code skipped} folders are not entered. A folder whose
 * listing fails part-way (a permission, a file system that refuses some entries: {@code /proc})
 * gives the entries listed before the failure and an entry of its own with the failure, and the
 * walk goes on with the other folders. The order is the order the folders list their entries in (a
 * folder's files before its subfolders' files), which does not change while the folder does not;
 * callers that show entries sort them.
 *
 * <p>Leaner than {@link Files#walkFileTree}: no visitor events, no per-file strings but the name,
 * and where the file system has the {@code unix} view, the same single call also gives the time of
 * the inode's last change (ctime), which no program can set back: a file whose content was written
 * and whose modification time was then put back, at the same size, still differs (Git's index
 * checks the same).
 */
final class FolderWalk {

  /** What one entry is. */
  enum Kind {
    FILE('f'),
    FOLDER('d'),
    LINK('l'),
    OTHER('o');

    final char mark;

    Kind(char mark) {
      this.mark = mark;
    }
  }

  /**
   * What one {@code lstat} said of an entry, as plain numbers (no time or key object per file: a
   * walk of a large folder makes one of these per file).
   *
   * @param modified seconds of the modification time
   * @param modifiedNanos and its nanoseconds
   * @param changed seconds of the inode's last change (ctime); the modification time where the file
   *     system does not tell it
   * @param changedNanos and its nanoseconds
   * @param device the device, where the {@code unix} view tells it (else 0)
   * @param inode the inode, where the {@code unix} view tells it (else 0)
   * @param fileKey the file key as the JDK prints it, where there is no {@code unix} view (null
   *     with one, empty when the file system has no key)
   */
  record Stat(
      Kind kind,
      long size,
      long modified,
      int modifiedNanos,
      long changed,
      int changedNanos,
      long device,
      long inode,
      String fileKey) {

    /** Device and inode, empty when the file system has no such key. */
    String key() {
      return fileKey != null
          ? fileKey
          : new StringBuilder(24)
              .append(Long.toHexString(device))
              .append(':')
              .append(inode)
              .toString();
    }

    /** True when the file system gave a key (see {@link #key()}). */
    boolean keyed() {
      return fileKey == null || !fileKey.isEmpty();
    }

    /** The modification time in milliseconds. */
    long modifiedMillis() {
      if (modified >= Long.MAX_VALUE / 1000) {
        return Long.MAX_VALUE;
      }
      if (modified <= Long.MIN_VALUE / 1000) {
        return Long.MIN_VALUE;
      }
      return modified * 1000 + modifiedNanos / 1_000_000;
    }
  }

  /**
   * One entry: its name relative to the root ('/'-separated), its path, and its stat or why it
   * could not be read (then a folder that could not be listed, or listed only in part, or an entry
   * whose {@code lstat} failed).
   */
  record Item(String name, Path path, Stat stat, IOException failure) {}

  /** Opens a folder's listing: {@link Files#newDirectoryStream(Path)}, but in tests. */
  @FunctionalInterface
  interface Opener {
    DirectoryStream<Path> open(Path dir) throws IOException;
  }

  private static final String UNIX_ATTRIBUTES = "unix:mode,size,lastModifiedTime,ctime,ino,dev";
  private static final int TYPE_MASK = 0170000;
  private static final int TYPE_FOLDER = 0040000;
  private static final int TYPE_FILE = 0100000;
  private static final int TYPE_LINK = 0120000;

  private final Path root;
  private final int prefix;
  private final Predicate<Path> skipped;
  private final boolean unix;
  private final List<Item> items = new ArrayList<>();
  private final Opener opener;

  /** The entries of the folders listed so far (folders included). */
  private int seen;

  /**
   * How many entries make {@link #whenMany} run (see {@link #of(Path, Predicate, int, Runnable)}).
   */
  private final int many;

  /** Run once when {@link #seen} reaches {@link #many}; null once run, or when nobody asks. */
  private Runnable whenMany;

  /** Told of each folder before it is listed (see {@link #of(Path, Predicate, Consumer)}); null. */
  private final Consumer<Path> entering;

  private FolderWalk(
      Path root,
      Predicate<Path> skipped,
      int many,
      Runnable whenMany,
      Consumer<Path> entering,
      Opener opener) {
    this.entering = entering;
    this.opener = opener;
    this.root = root;
    this.prefix = root.toString().length() + 1;
    this.skipped = skipped;
    this.unix = unix(root.getFileSystem());
    this.many = many;
    this.whenMany = whenMany;
  }

  /** True when {@code fs} has the {@code unix} view (with the inode change time). */
  static boolean unix(FileSystem fs) {
    return fs.supportedFileAttributeViews().contains("unix");
  }

  /**
   * The entries below {@code root}, a real path (no link in it).
   *
   * @throws IOException when the root itself cannot be listed (a folder below it that cannot be
   *     listed is an entry)
   */
  static List<Item> of(Path root, Predicate<Path> skipped) throws IOException {
    return of(root, skipped, Integer.MAX_VALUE, null);
  }

  /**
   * As {@link #of(Path, Predicate)}, running {@code whenMany} (on the walking thread) as soon as
   * the folders listed so far hold {@code many} entries: a hint, before the walk ends, that the
   * folder is a large one (work that pays only then can start early). Not run for a smaller folder.
   */
  static List<Item> of(Path root, Predicate<Path> skipped, int many, Runnable whenMany)
      throws IOException {
    return of(root, skipped, many, whenMany, Files::newDirectoryStream);
  }

  /** As {@link #of(Path, Predicate, int, Runnable)}, each folder listed by {@code opener}. */
  static List<Item> of(
      Path root, Predicate<Path> skipped, int many, Runnable whenMany, Opener opener)
      throws IOException {
    return walk(new FolderWalk(root, skipped, many, whenMany, null, opener));
  }

  /**
   * As {@link #of(Path, Predicate)}, telling {@code entering} of each folder (the root first)
   * before the folder is listed: a watch registered there then misses no change made after the
   * listing.
   */
  static List<Item> of(Path root, Predicate<Path> skipped, Consumer<Path> entering)
      throws IOException {
    return walk(
        new FolderWalk(
            root, skipped, Integer.MAX_VALUE, null, entering, Files::newDirectoryStream));
  }

  private static List<Item> walk(FolderWalk walk) throws IOException {
    Path root = walk.root;
    Stat top;
    try {
      top = walk.stat(root);
    } catch (IOException e) {
      walk.items.add(new Item("", root, null, e));
      return walk.items;
    }
    if (top.kind() != Kind.FOLDER) {
      walk.items.add(new Item("", root, top, null));
      return walk.items;
    }
    walk.folder(root);
    return walk.items;
  }

  private void folder(Path dir) throws IOException {
    if (entering != null) {
      entering.accept(dir);
    }
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> listing = opener.open(dir)) {
      for (Path entry : listing) {
        entries.add(entry);
      }
    } catch (DirectoryIteratorException e) {
      if (dir.equals(root)) {
        throw e.getCause(); // the repository itself cannot be listed: nothing to judge
      }
      // Failed part-way: what was listed is walked, and the folder is told as not read in full.
      items.add(new Item(name(dir), dir, null, e.getCause()));
    } catch (IOException e) {
      if (dir.equals(root)) {
        throw e;
      }
      items.add(new Item(name(dir), dir, null, e)); // cannot be opened
      return;
    }
    seen += entries.size();
    if (whenMany != null && seen >= many) {
      Runnable run = whenMany;
      whenMany = null;
      run.run();
    }
    Item[] read = new Item[entries.size()];
    int half = entries.size() >= TWO_THREADS_FROM ? entries.size() / 2 : entries.size();
    Part second = new Part(this, entries, half, entries.size(), read);
    Thread helper = null;
    if (half < entries.size()) {
      helper = new Thread(second, "waymark-walk");
      helper.setDaemon(true);
      helper.start();
    }
    Part first = new Part(this, entries, 0, half, read);
    first.run();
    if (helper != null) {
      second.awaitOn(helper);
    }
    first.rethrow();
    List<Path> folders = new ArrayList<>();
    for (Item item : read) {
      if (item.stat() != null && item.stat().kind() == Kind.FOLDER) {
        if (!skipped.test(item.path())) {
          folders.add(item.path());
        }
      } else {
        items.add(item);
      }
    }
    for (Path f : folders) {
      folder(f);
    }
  }

  /**
   * From this many entries in one folder, a second thread stats half of them: the {@code lstat}
   * calls are most of a walk, and the kernel serves them on both cores.
   */
  static final int TWO_THREADS_FROM = 256;

  /** The stats of one range of a folder's entries, into their places in {@code read}. */
  private static final class Part implements Runnable {
    private final FolderWalk walk;
    private final List<Path> entries;
    private final int from;
    private final int to;
    private final Item[] read;
    private RuntimeException failure;

    Part(FolderWalk walk, List<Path> entries, int from, int to, Item[] read) {
      this.walk = walk;
      this.entries = entries;
      this.from = from;
      this.to = to;
      this.read = read;
    }

    @Override
    public void run() {
      try {
        for (int i = from; i < to; i++) {
          read[i] = walk.item(entries.get(i));
        }
      } catch (RuntimeException e) {
        failure = e;
      }
    }

    /** Waits for {@code thread}, which runs this part, and passes on what it failed with. */
    void awaitOn(Thread thread) {
      boolean interrupted = false;
      while (true) {
        try {
          thread.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // the walk is short: finish it, then pass the interrupt on
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      rethrow();
    }

    /** Passes on what this part failed with, if anything. */
    void rethrow() {
      if (failure != null) {
        throw failure;
      }
    }
  }

  /**
   * One entry, statted. A method of its own: called once per entry, it is compiled after a few
   * hundred entries, where the loop that calls it is not.
   */
  private Item item(Path entry) {
    try {
      return new Item(name(entry), entry, stat(entry), null);
    } catch (IOException e) {
      return new Item(name(entry), entry, null, e);
    }
  }

  private String name(Path file) {
    String whole = file.toString();
    String name = whole.length() > prefix ? whole.substring(prefix) : "";
    if (name.indexOf('\\') >= 0) {
      name = name.replace('\\', '/');
    }
    // A name the JVM could not decode: its bytes say which file it is (two such names differ).
    return name.indexOf('\uFFFD') < 0 ? name : FileNames.decoded(root, file).orElse(name);
  }

  private Stat stat(Path file) throws IOException {
    return stat(file, unix);
  }

  /** What one {@code lstat} says of {@code file}; {@code unix}: its file system has that view. */
  static Stat stat(Path file, boolean unix) throws IOException {
    if (unix && UnixStat.OPEN) {
      PosixFileAttributes a =
          Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (a.getClass() == UnixStat.TYPE) {
        return UnixStat.of(a);
      }
    }
    return unix ? viewStat(file) : basicStat(file);
  }

  /**
   * What the {@code unix} view says of {@code file} (an attribute map: slower, the same values).
   */
  static Stat viewStat(Path file) throws IOException {
    Map<String, Object> a = Files.readAttributes(file, UNIX_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
    FileTime modified = (FileTime) a.get("lastModifiedTime");
    FileTime changed = (FileTime) a.get("ctime");
    return new Stat(
        kind((Integer) a.get("mode")),
        (Long) a.get("size"),
        seconds(modified),
        nanos(modified),
        seconds(changed),
        nanos(changed),
        (Long) a.get("dev"),
        (Long) a.get("ino"),
        null);
  }

  private static long seconds(FileTime time) {
    return time.to(TimeUnit.SECONDS);
  }

  private static int nanos(FileTime time) {
    return (int) Math.floorMod(time.to(TimeUnit.NANOSECONDS), 1_000_000_000L);
  }

  /** Without the {@code unix} view: no inode change time (the modification time stands in). */
  private static Stat basicStat(Path file) throws IOException {
    BasicFileAttributes a =
        Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    Kind kind =
        a.isSymbolicLink()
            ? Kind.LINK
            : a.isDirectory() ? Kind.FOLDER : a.isRegularFile() ? Kind.FILE : Kind.OTHER;
    Object key = a.fileKey();
    FileTime modified = a.lastModifiedTime();
    return new Stat(
        kind,
        a.size(),
        seconds(modified),
        nanos(modified),
        seconds(modified),
        nanos(modified),
        0,
        0,
        key == null ? "" : key.toString());
  }

  private static Kind kind(int mode) {
    return switch (mode & TYPE_MASK) {
      case TYPE_FILE -> Kind.FILE;
      case TYPE_FOLDER -> Kind.FOLDER;
      case TYPE_LINK -> Kind.LINK;
      default -> Kind.OTHER;
    };
  }

  /**
   * The inode change time, read from the JDK's own {@code lstat} result where the JDK opens it to
   * Waymark ({@code Add-Opens: java.base/sun.nio.fs} in the jar's manifest, read when it is started
   * with {@code -jar}): the same single call as the basic attributes, without the attribute map of
   * the {@code unix} view (which costs about as much again as the walk itself). Elsewhere (a class
   * path: the switch {@code --add-opens} would cost every start about 30 ms, the JVM's archived
   * module graph rebuilt) the {@code unix} view gives the same values.
   */
  static final class UnixStat {
    static final Class<?> TYPE;
    static final boolean OPEN;
    private static final Field MODE;
    private static final Field SIZE;
    private static final Field MTIME_SECONDS;
    private static final Field MTIME_NANOS;
    private static final Field CTIME_SECONDS;
    private static final Field CTIME_NANOS;
    private static final Field DEV;
    private static final Field INO;

    static {
      Class<?> type = null;
      String[] names = {
        "st_mode",
        "st_size",
        "st_mtime_sec",
        "st_mtime_nsec",
        "st_ctime_sec",
        "st_ctime_nsec",
        "st_dev",
        "st_ino"
      };
      Field[] fields = new Field[names.length];
      boolean open = false;
      try {
        type = Class.forName("sun.nio.fs.UnixFileAttributes");
        for (int i = 0; i < names.length; i++) {
          fields[i] = type.getDeclaredField(names[i]);
          fields[i].setAccessible(true);
        }
        open = true;
      } catch (ReflectiveOperationException | RuntimeException e) {
        // not opened to Waymark (or another JDK): the unix view's map instead
      }
      TYPE = type;
      OPEN = open;
      MODE = fields[0];
      SIZE = fields[1];
      MTIME_SECONDS = fields[2];
      MTIME_NANOS = fields[3];
      CTIME_SECONDS = fields[4];
      CTIME_NANOS = fields[5];
      DEV = fields[6];
      INO = fields[7];
    }

    private UnixStat() {}

    static Stat of(PosixFileAttributes a) {
      try {
        return new Stat(
            kind(MODE.getInt(a)),
            SIZE.getLong(a),
            MTIME_SECONDS.getLong(a),
            (int) MTIME_NANOS.getLong(a),
            CTIME_SECONDS.getLong(a),
            (int) CTIME_NANOS.getLong(a),
            DEV.getLong(a),
            INO.getLong(a),
            null);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("opened fields of the JDK's stat result", e);
      }
    }
  }
}
