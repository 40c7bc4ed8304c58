package io.waymark.engine.load;

import java.io.IOException;
import java.util.List;

/**
 * Where the documents come from: a folder on disk, or a Git revision read from the object database.
 * Paths are relative to the repository root with {@code /} separators.
 */
public interface RepositorySource {

  /** What a path is; only {@link Type#REGULAR} files are ever read. */
  enum Type {
    REGULAR,
    SYMLINK,
    OTHER
  }

  /**
   * One candidate file.
   *
   * @param stamp a text that changes whenever the file's content does (a Git blob id; a folder's
   *     size, modification time and inode), or empty when the source cannot tell: the on-disk cache
   *     takes a file's stored results without reading it only when its stamp is the one stored
   */
  record Entry(String path, Type type, long size, String stamp) {

    public Entry {
      stamp = stamp == null ? "" : stamp;
    }

    /** A file whose content the source cannot stamp. */
    public Entry(String path, Type type, long size) {
      this(path, type, size, "");
    }
  }

  /** A label for the root, as shown in reports ("example-roadmap", "HEAD~1"). */
  String label();

  /** Every file below the root, in a stable order, without following symbolic links. */
  List<Entry> list() throws IOException;

  /** The bytes of a regular file listed by {@link #list()}. */
  byte[] read(String path) throws IOException;
}
