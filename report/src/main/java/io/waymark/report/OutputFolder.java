package io.waymark.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The one way Waymark writes a file. A pull request controls the repository and often the folder a
 * pipeline writes into, so a symbolic link planted there must never redirect a write: the folder is
 * resolved once, a symbolic link is refused at the folder itself, at every folder between the
 * current folder and it, at every folder below it and at the target, and each file is written to a
 * temporary file beside the target and then renamed over it (a rename replaces a link, never
 * follows it). A reader never sees half a file, and a failed write (a full disk) leaves the
 * previous file as it was.
 *
 * <p>Character devices and pipes ({@code /dev/stdout}, {@code /dev/full}) cannot be replaced and
 * are written in place.
 */
public final class OutputFolder {

  /** Writes the bytes of a new temporary file: the seam tests use to simulate a full disk. */
  @FunctionalInterface
  public interface ContentWriter {
    void write(Path temp, byte[] content) throws IOException;
  }

  /** Creates {@code temp} (never through a link), writes it whole and forces it to the disk. */
  public static final ContentWriter DISK =
      (temp, content) -> {
        try (FileChannel channel =
            FileChannel.open(
                temp,
                StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
          ByteBuffer buffer = ByteBuffer.wrap(content);
          while (buffer.hasRemaining()) {
            channel.write(buffer);
          }
          channel.force(true);
        }
      };

  private static final Set<PosixFilePermission> EXECUTABLE =
      PosixFilePermissions.fromString("rwxr-xr-x");

  private final Path folder;
  private final String display;
  private final ContentWriter writer;

  private OutputFolder(Path folder, String display, ContentWriter writer) {
    this.folder = folder;
    this.display = display;
    this.writer = writer;
  }

  /**
   * Opens (and creates) {@code folder} for writing.
   *
   * @throws OutputException when the folder or a folder on the way to it is a symbolic link or not
   *     a folder, or cannot be created
   */
  public static OutputFolder open(Path folder) throws OutputException {
    return open(folder, DISK);
  }

  /** As {@link #open(Path)}, with the bytes written by {@code writer}. */
  public static OutputFolder open(Path folder, ContentWriter writer) throws OutputException {
    String display = display(folder);
    return new OutputFolder(verified(folder, display), display, writer);
  }

  /**
   * Writes one file atomically: {@code file}'s folder is opened as by {@link #open(Path)}, then the
   * file is replaced.
   */
  public static void writeFile(Path file, byte[] content) throws OutputException {
    writeFile(file, content, DISK);
  }

  /** As {@link #writeFile(Path, byte[])}, with the bytes written by {@code writer}. */
  public static void writeFile(Path file, byte[] content, ContentWriter writer)
      throws OutputException {
    Path absolute = file.toAbsolutePath().normalize();
    Path name = absolute.getFileName();
    if (name == null) {
      throw new OutputException(
          "cannot write "
              + display(file)
              + ": it names a folder, not a file; give a file name (e.g. findings.txt)");
    }
    Path parent = file.getParent() != null ? file.getParent() : absolute.getParent();
    OutputFolder folder =
        new OutputFolder(verified(parent, display(parent)), display(parent), writer);
    folder.write(folder.path().resolve(name), display(file), content, false);
  }

  /** The folder, absolute. */
  public Path path() {
    return folder;
  }

  /** The folder as the user wrote it, for messages. */
  public String display() {
    return display;
  }

  /**
   * Writes {@code name} (a path relative to this folder with '/' separators; missing folders are
   * created) by an atomic replace.
   */
  public void write(String name, byte[] content) throws OutputException {
    write(resolve(name), join(name), content, false);
  }

  /** As {@link #write(String, byte[])}, for a script: the file is made executable. */
  public void writeExecutable(String name, byte[] content) throws OutputException {
    write(resolve(name), join(name), content, true);
  }

  /** Writes every file, in the map's order, each as by {@link #write(String, byte[])}. */
  public void write(Map<String, byte[]> files) throws OutputException {
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      write(e.getKey(), e.getValue());
    }
  }

  /**
   * Writes {@code name} only when nothing is there yet.
   *
   * @return false when a file (or folder) of that name already exists and was kept
   * @throws OutputException when a symbolic link is on the way or at the target
   */
  public boolean createNew(String name, byte[] content) throws OutputException {
    Path target = resolve(name);
    Optional<BasicFileAttributes> existing = attributes(target);
    if (existing.isPresent()) {
      if (existing.get().isSymbolicLink()) {
        throw linked(join(name));
      }
      return false;
    }
    write(target, join(name), content, false);
    return true;
  }

  /**
   * Removes the file {@code name} if it exists.
   *
   * @return whether something was removed
   * @throws OutputException when a symbolic link is on the way or at the target (it is not
   *     Waymark's, so it is left for the user to look at)
   */
  public boolean remove(String name) throws OutputException {
    Path target = resolveExisting(name);
    if (target == null) {
      return false;
    }
    if (attributes(target).map(BasicFileAttributes::isSymbolicLink).orElse(false)) {
      throw linked(join(name));
    }
    try {
      return Files.deleteIfExists(target);
    } catch (IOException e) {
      throw failure("cannot remove " + join(name), e);
    }
  }

  /**
   * Removes the files directly in the subfolder {@code name} whose names {@code matching} accepts;
   * a missing subfolder is fine, a symbolic link among them is refused as by {@link #remove}.
   *
   * @return the names removed
   */
  public List<String> removeAll(String name, Predicate<String> matching) throws OutputException {
    Path sub = resolveExisting(name);
    List<String> removed = new ArrayList<>();
    if (sub == null) {
      return removed;
    }
    Optional<BasicFileAttributes> attrs = attributes(sub);
    if (attrs.isEmpty()) {
      return removed;
    }
    if (attrs.get().isSymbolicLink()) {
      throw linked(join(name));
    }
    if (!attrs.get().isDirectory()) {
      return removed;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(sub)) {
      for (Path entry : entries) {
        String file = entry.getFileName().toString();
        if (!matching.test(file)) {
          continue;
        }
        if (Files.isSymbolicLink(entry)) {
          throw linked(join(name + "/" + file));
        }
        if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          Files.deleteIfExists(entry);
          removed.add(file);
        }
      }
    } catch (OutputException e) {
      throw e;
    } catch (IOException e) {
      throw failure("cannot clear " + join(name), e);
    }
    return removed;
  }

  /** "cannot write FILE: no space left on device": the cause of an I/O error, in words. */
  public static String reason(IOException e) {
    String text;
    if (e instanceof AccessDeniedException) {
      text = "permission denied";
    } else if (e instanceof NoSuchFileException) {
      text = "no such file or folder";
    } else if (e instanceof FileAlreadyExistsException) {
      text = "it already exists";
    } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
      text = fse.getReason();
    } else {
      text = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
    return text.isEmpty()
        ? text
        : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1).strip();
  }

  /**
   * The folder, absolute, after every check; missing folders are created one at a time (a folder
   * creation never follows a link either).
   */
  private static Path verified(Path given, String display) throws OutputException {
    Path absolute = given.toAbsolutePath().normalize();
    int checkedFrom = firstChecked(absolute);
    Path cursor = absolute.getRoot();
    int count = absolute.getNameCount();
    for (int i = 0; i < count; i++) {
      cursor = cursor == null ? absolute.getName(i) : cursor.resolve(absolute.getName(i));
      boolean checked = i >= checkedFrom;
      Optional<BasicFileAttributes> attrs = attributes(cursor);
      if (attrs.isEmpty()) {
        try {
          Files.createDirectory(cursor);
        } catch (FileAlreadyExistsException e) {
          attrs = attributes(cursor); // made meanwhile: check what it is
        } catch (IOException e) {
          throw failure("cannot create the folder " + shown(cursor, absolute, display), e);
        }
      }
      if (checked && attrs.isPresent()) {
        if (attrs.get().isSymbolicLink()) {
          throw linked(shown(cursor, absolute, display));
        }
        if (!attrs.get().isDirectory()) {
          throw new OutputException(
              "cannot write into " + shown(cursor, absolute, display) + ": it is not a folder");
        }
      }
    }
    return absolute;
  }

  /**
   * The index of the first name of {@code absolute} that must not be a link: the one after the
   * current folder when {@code absolute} lies inside it (the current folder is where the pipeline
   * and the pull request's files are), else the last one (the folder that was named).
   */
  private static int firstChecked(Path absolute) {
    Path cwd = Path.of("").toAbsolutePath().normalize();
    Path cwdReal = real(cwd);
    Path cursor = absolute.getRoot();
    for (int i = 0; i < absolute.getNameCount(); i++) {
      cursor = cursor == null ? absolute.getName(i) : cursor.resolve(absolute.getName(i));
      if (cursor.equals(cwd) || cursor.equals(cwdReal)) {
        return i + 1;
      }
      if (attributes(cursor).map(BasicFileAttributes::isSymbolicLink).orElse(false)
          && cwdReal.equals(real(cursor))) {
        return i + 1; // a logical path to the current folder, e.g. $WORKSPACE
      }
    }
    return Math.max(0, absolute.getNameCount() - 1);
  }

  private static Path real(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path;
    }
  }

  private void write(Path target, String shown, byte[] content, boolean executable)
      throws OutputException {
    Optional<BasicFileAttributes> existing = attributes(target);
    if (existing.isPresent()) {
      BasicFileAttributes a = existing.get();
      if (a.isSymbolicLink()) {
        throw linked(shown);
      }
      if (a.isDirectory()) {
        throw new OutputException(
            "cannot write "
                + shown
                + ": a folder of that name is there; remove or rename it, or give another file"
                + " name");
      }
      if (a.isOther()) {
        writeInPlace(target, shown, content);
        return;
      }
    }
    Path temp =
        target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      writer.write(temp, content);
      if (executable) {
        executable(temp);
      }
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw failure("cannot write " + shown, e);
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // the write itself failed or succeeded already; a stray temporary file is all that is left
      }
    }
  }

  /** A device or a pipe: written as it is, never created, never through a link. */
  private static void writeInPlace(Path target, String shown, byte[] content)
      throws OutputException {
    try (OutputStream out =
        Files.newOutputStream(target, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      out.write(content);
      out.flush();
    } catch (IOException e) {
      throw failure("cannot write " + shown, e);
    }
  }

  private static void executable(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, EXECUTABLE);
    } catch (UnsupportedOperationException e) {
      if (!file.toFile().setExecutable(true, false)) {
        throw new IOException("cannot make " + file + " executable");
      }
    }
  }

  /** {@code name} below the folder, every folder on the way checked and created. */
  private Path resolve(String name) throws OutputException {
    Path target = folder;
    String[] parts = parts(name);
    for (int i = 0; i < parts.length - 1; i++) {
      target = target.resolve(parts[i]);
      Optional<BasicFileAttributes> attrs = attributes(target);
      if (attrs.isEmpty()) {
        try {
          Files.createDirectory(target);
        } catch (FileAlreadyExistsException e) {
          attrs = attributes(target);
        } catch (IOException e) {
          throw failure("cannot create the folder " + join(folder.relativize(target)), e);
        }
      }
      if (attrs.isPresent() && attrs.get().isSymbolicLink()) {
        throw linked(join(folder.relativize(target)));
      }
      if (attrs.isPresent() && !attrs.get().isDirectory()) {
        throw new OutputException(
            "cannot write into " + join(folder.relativize(target)) + ": it is not a folder");
      }
    }
    return target.resolve(parts[parts.length - 1]);
  }

  /** {@code name} below the folder, or null when a folder on the way is missing. */
  private Path resolveExisting(String name) throws OutputException {
    Path target = folder;
    String[] parts = parts(name);
    for (int i = 0; i < parts.length - 1; i++) {
      target = target.resolve(parts[i]);
      Optional<BasicFileAttributes> attrs = attributes(target);
      if (attrs.isEmpty() || !attrs.get().isDirectory() && !attrs.get().isSymbolicLink()) {
        return null;
      }
      if (attrs.get().isSymbolicLink()) {
        throw linked(join(folder.relativize(target)));
      }
    }
    return target.resolve(parts[parts.length - 1]);
  }

  private static String[] parts(String name) {
    String[] parts = name.split("/");
    for (String p : parts) {
      if (p.isEmpty() || p.equals(".") || p.equals("..")) {
        throw new IllegalArgumentException("not a plain relative name: " + name);
      }
    }
    return parts;
  }

  private String join(Path relative) {
    return join(relative.toString().replace('\\', '/'));
  }

  private String join(String name) {
    return display.equals(".")
        ? name
        : display.endsWith("/") ? display + name : display + "/" + name;
  }

  /** A folder on the way, shown as the user wrote it when it is part of what they wrote. */
  private static String shown(Path cursor, Path absolute, String display) {
    if (cursor.equals(absolute)) {
      return display;
    }
    return cursor.toString();
  }

  private static Optional<BasicFileAttributes> attributes(Path path) {
    try {
      return Optional.of(
          Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static OutputException linked(String shown) {
    return new OutputException(
        "refusing to write through the symbolic link "
            + shown
            + ": Waymark never follows a link when it writes; remove the link or choose another"
            + " output path");
  }

  private static OutputException failure(String what, IOException e) {
    return new OutputException(what + ": " + reason(e), e);
  }

  private static String display(Path path) {
    String text = path.toString().replace('\\', '/');
    return text.isEmpty() ? "." : text;
  }
}
