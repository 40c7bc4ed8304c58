package io.waymark.engine.load;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where the documents come from: a folder on disk, or a Git revision read from the object database.
 * Paths are relative to the repository root with {@code /} separators.
 */
public interface RepositorySource {

  /** What a path is; only {@link Type#REGULAR} files are ever read. */
  enum Type {
    REGULAR,
    SYMLINK,
    /** A named pipe, socket or device. */
    OTHER,
    /** A Git submodule (a gitlink: a commit of another repository) in a revision's tree. */
    SUBMODULE,
    /** A folder that could not be listed (or only in part), or an entry that could not be read. */
    UNREADABLE
  }

  /**
   * One candidate file.
   *
   * @param problem why an {@link Type#UNREADABLE} entry could not be read ("permission denied"),
   *     else empty
   */
  record Entry(String path, Type type, long size, String problem) {

    public Entry(String path, Type type, long size) {
      this(path, type, size, "");
    }
  }

  /** A label for the root, as shown in reports ("example-roadmap", "HEAD~1"). */
  String label();

  /** Every file below the root, in a stable order, without following symbolic links. */
  List<Entry> list() throws IOException;

  /**
   * As {@link #list()}, running {@code whenMany} once if the listing holds at least {@code many}
   * entries, as early as the source can tell (a folder: while it is still being walked): a hint for
   * work that pays only on a large repository, never needed for a correct result.
   */
  default List<Entry> list(int many, Runnable whenMany) throws IOException {
    List<Entry> entries = list();
    if (whenMany != null && entries.size() >= many) {
      whenMany.run();
    }
    return entries;
  }

  /** The bytes of a regular file listed by {@link #list()}. */
  byte[] read(String path) throws IOException;

  /**
   * A text that changes whenever the content of a file listed by the last {@link #list()} does (a
   * Git blob id; a folder's size, modification time and inode), or empty when the source cannot
   * tell: the on-disk cache takes a file's stored results without reading it only when its stamp is
   * the one stored.
   */
  default String stamp(String path) {
    return "";
  }

  /**
   * The Git object id (hexadecimal) of a regular file listed by the last {@link #list()} when the
   * source knows it without reading the file (a revision's tree), else empty: a work tree is
   * compared with its commit without reading the commit's files ({@link GitBlobs}).
   */
  default Optional<String> blobId(String path) {
    return Optional.empty();
  }
}
