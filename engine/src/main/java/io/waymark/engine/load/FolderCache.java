package io.waymark.engine.load;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The on-disk cache in a folder (by default {@code .waymark/cache/} of the roadmap folder): one
 * pack file, {@value #PACK}, and the entries changed since it was written, {@value #CHANGES}, each
 * replaced whole by an atomic rename, and a {@code .gitignore} that keeps the folder out of Git.
 * Deleting the folder is always safe.
 *
 * <p>Symbolic links are never followed: when the cache folder, a folder on the way to it below the
 * roadmap folder, or the pack is a link, nothing is read and nothing is written. A pack is trusted
 * only when it is the very file this store wrote (same device and inode, recorded inside it), so a
 * pack copied in, committed to the repository or restored from elsewhere is ignored and rebuilt.
 */
public final class FolderCache implements LoadCache {

  /** The default cache folder, relative to the roadmap folder. */
  public static final String DEFAULT = ".waymark/cache";

  /** The pack's file name. */
  public static final String PACK = "load.bin";

  /**
   * The file of the pack's entries that changed since it was written (see {@link #changesStore()}).
   */
  public static final String CHANGES = "load-changes.bin";

  /** The file of the last run's whole outcome (see {@link #outcomeStore()}). */
  public static final String OUTCOME = "outcome.bin";

  /**
   * The file of the last run's answer as a launcher checks it without a JVM (see {@link
   * #answerStore()}).
   */
  public static final String ANSWER = "answer.bin";

  /** The file of the last run's rule memory (see {@link #memoryStore()}). */
  public static final String RULES = "rules.bin";

  /** A bigger file is not read (a roadmap of a hundred thousand files makes a few hundred MB). */
  static final long MAX_BYTES = 1L << 30;

  /** The most one read asks for (see {@link #read()}). */
  private static final int READ_SLICE = 1 << 16;

  private final Path base;
  private final Path folder;
  private final String file;

  /**
   * The cache in {@code folder}. When it lies below the roadmap folder {@code base}, every folder
   * from {@code base} down is checked; else only {@code folder} itself (a place the user chose).
   */
  public FolderCache(Path folder, Path base) {
    this.folder = folder.toAbsolutePath().normalize();
    Path b = base.toAbsolutePath().normalize();
    this.base = this.folder.startsWith(b) && !this.folder.equals(b) ? b : this.folder.getParent();
    this.file = PACK;
  }

  private FolderCache(FolderCache beside, String file) {
    this.folder = beside.folder;
    this.base = beside.base;
    this.file = file;
  }

  /** The cache in {@code folder}, which the user chose: only the folder itself is checked. */
  public FolderCache(Path folder) {
    this(folder, folder.toAbsolutePath().normalize().getParent());
  }

  /** The folder of the cache. */
  public Path folder() {
    return folder;
  }

  /**
   * The file {@value #OUTCOME} beside the pack, checked as the pack is (same folders, same identity
   * rule, same atomic replacement).
   */
  @Override
  public LoadCache outcomeStore() {
    return file.equals(OUTCOME) ? this : new FolderCache(this, OUTCOME);
  }

  /**
   * The file {@value #RULES} beside the pack, checked as the pack is (same folders, same identity
   * rule, same atomic replacement).
   */
  @Override
  public LoadCache memoryStore() {
    return file.equals(RULES) ? this : new FolderCache(this, RULES);
  }

  /**
   * The file {@value #ANSWER} beside the pack, written as the pack is (same folders, same atomic
   * replacement, the file's identity given to its content).
   */
  @Override
  public LoadCache answerStore() {
    return file.equals(ANSWER) ? this : new FolderCache(this, ANSWER);
  }

  /**
   * The file {@value #CHANGES} beside the pack, checked as the pack is (same folders, same identity
   * rule, same atomic replacement).
   */
  @Override
  public LoadCache changesStore() {
    return file.equals(CHANGES) ? this : new FolderCache(this, CHANGES);
  }

  /**
   * A file named after this store's with a random suffix, made new (never an existing file or
   * link), in the cache folder (made if missing, through no link), unlinked at once on systems that
   * allow an open file to be (its space is freed when the run closes it or ends).
   */
  @Override
  public Optional<FileChannel> scratch() throws IOException {
    if (!safeFolders(true)) {
      return Optional.empty();
    }
    ignoredByGit(); // where the scratch cannot be unlinked at once, a killed run leaves it there
    Path path =
        folder.resolve(
            file + ".scratch-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
    FileChannel channel =
        FileChannel.open(
            path,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE,
            StandardOpenOption.DELETE_ON_CLOSE,
            LinkOption.NOFOLLOW_LINKS);
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // Windows: removed when closed
    }
    return Optional.of(channel);
  }

  /** Deletes the file (a link is removed, never followed); nothing when a folder is unsafe. */
  @Override
  public void clear() throws IOException {
    if (safeFolders(false)) {
      Files.deleteIfExists(folder.resolve(file));
    }
  }

  @Override
  public Optional<Stored> read() throws IOException {
    return read(MAX_BYTES);
  }

  @Override
  public Optional<Stored> readStart(int most) throws IOException {
    return read(Math.min(most, MAX_BYTES));
  }

  /** The first {@code most} bytes of the file (all of a shorter one), read as {@link #read()}. */
  private Optional<Stored> read(long most) throws IOException {
    if (!safeFolders(false)) {
      return Optional.empty();
    }
    Path pack = folder.resolve(file);
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(pack, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    if (!attrs.isRegularFile() || attrs.size() > MAX_BYTES) {
      return Optional.empty(); // a link, a folder, a device: never read
    }
    try (SeekableByteChannel channel =
        Files.newByteChannel(pack, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      // The attributes were read without following links; read what is there now, bounded.
      long size = Math.min(channel.size(), most);
      byte[] bytes = new byte[(int) size];
      // In slices: a channel reads a heap array through a native buffer of the read's size, made
      // and zeroed for it (a megabyte in one read costs more than the read itself).
      int at = 0;
      while (at < bytes.length) {
        int n = channel.read(ByteBuffer.wrap(bytes, at, Math.min(READ_SLICE, bytes.length - at)));
        if (n <= 0) {
          return Optional.empty(); // shorter than it said: changed while read
        }
        at += n;
      }
      return Optional.of(new Stored(bytes, identity(attrs)));
    }
  }

  @Override
  public void write(Function<String, byte[]> content) throws IOException {
    writeStreamed(identity -> out -> out.write(content.apply(identity)));
  }

  /** Written to a new file beside the old one, which then takes its name in one rename. */
  @Override
  public void writeStreamed(Function<String, Writer> content) throws IOException {
    if (!safeFolders(true)) {
      return;
    }
    ignoredByGit();
    Path temp =
        folder.resolve(file + ".tmp-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
    try {
      Files.write(
          temp,
          new byte[0],
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE,
          LinkOption.NOFOLLOW_LINKS);
      BasicFileAttributes attrs =
          Files.readAttributes(temp, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      try (OutputStream out =
          Files.newOutputStream(
              temp,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING,
              LinkOption.NOFOLLOW_LINKS)) {
        content.apply(identity(attrs)).write(out);
      }
      // A rename replaces whatever has the pack's name (a link included) and follows nothing.
      Files.move(
          temp,
          folder.resolve(file),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Writes the cache folder's {@code .gitignore} (everything in it) unless it is there. */
  private void ignoredByGit() throws IOException {
    Path ignore = folder.resolve(".gitignore");
    if (!Files.exists(ignore, LinkOption.NOFOLLOW_LINKS)) {
      try {
        Files.write(
            ignore,
            "# Waymark's cache: safe to delete, never committed.\n*\n"
                .getBytes(StandardCharsets.UTF_8),
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS);
      } catch (FileAlreadyExistsException e) {
        // another run wrote it
      }
    }
  }

  /** Device and inode: the identity a pack must carry to be trusted. */
  private static String identity(BasicFileAttributes attrs) {
    Object key = attrs.fileKey();
    return key == null ? "" : key.toString();
  }

  /**
   * True when no folder from the base down to the cache folder is a symbolic link or anything but a
   * folder; with {@code create}, missing ones are made (never through a link).
   */
  private boolean safeFolders(boolean create) throws IOException {
    Path cursor = base;
    for (Path part : base.relativize(folder)) {
      cursor = cursor.resolve(part);
      if (Files.isSymbolicLink(cursor)) {
        return false;
      }
      if (!Files.exists(cursor, LinkOption.NOFOLLOW_LINKS)) {
        if (!create) {
          return false;
        }
        try {
          Files.createDirectory(cursor);
        } catch (FileAlreadyExistsException e) {
          // made meanwhile: checked below
        }
      }
      if (!Files.isDirectory(cursor, LinkOption.NOFOLLOW_LINKS)) {
        return false;
      }
    }
    return true;
  }
}
