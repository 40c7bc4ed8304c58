package io.waymark.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

/**
 * The entries along one path in a commit's tree: the id and mode of each folder on the way, then of
 * the file. A file's history asks this of every commit's parent; the parent's entries are read one
 * folder at a time, and the reading stops at the first entry whose id and mode are those of the
 * commit after it: below it the trees are the same objects, so the file is too. A commit that did
 * not touch the file's top folder costs one tree read, not one per folder.
 *
 * <p>Answers what {@code TreeWalk.forPath} and a check of the mode answer: a regular or executable
 * file at the path, else none (absent, a folder, a link, a submodule, or a folder on the way that
 * is not a tree).
 */
final class TreePath {

  private final byte[][] names;
  private final ObjectId[] ids;
  private final int[] modes;

  /** How many entries of the path were found (all of them: the path is there). */
  private final int found;

  private TreePath(byte[][] names, ObjectId[] ids, int[] modes, int found) {
    this.names = names;
    this.ids = ids;
    this.modes = modes;
    this.found = found;
  }

  /** The names of a path's folders and file ({@code a/b/c.yaml}). */
  static byte[][] names(String path) {
    String[] parts = path.split("/", -1);
    byte[][] names = new byte[parts.length][];
    for (int i = 0; i < parts.length; i++) {
      names[i] = parts[i].getBytes(StandardCharsets.UTF_8);
    }
    return names;
  }

  /** The entries of the path {@code names} in {@code tree}. */
  static TreePath in(TreeCache trees, ObjectId tree, byte[][] names) throws IOException {
    return in(trees, tree, names, null);
  }

  /**
   * The entries of the path {@code names} in {@code tree}, read only as far as they differ from
   * {@code known} (the same path in another tree; null: none).
   */
  static TreePath in(TreeCache trees, ObjectId tree, byte[][] names, TreePath known)
      throws IOException {
    int n = names.length;
    ObjectId[] ids = new ObjectId[n];
    int[] modes = new int[n];
    boolean comparable = known != null && Arrays.deepEquals(known.names, names);
    ObjectId folder = tree;
    CanonicalTreeParser entries = new CanonicalTreeParser();
    for (int level = 0; level < n; level++) {
      entries.reset(trees.get(folder));
      if (!seek(entries, names[level])) {
        return new TreePath(names, ids, modes, level);
      }
      ids[level] = entries.getEntryObjectId();
      modes[level] = entries.getEntryRawMode();
      if (comparable
          && known.found > level
          && known.modes[level] == modes[level]
          && known.ids[level].equals(ids[level])) {
        // The same object from here down: the rest of the path is the known one's.
        System.arraycopy(known.ids, level + 1, ids, level + 1, n - level - 1);
        System.arraycopy(known.modes, level + 1, modes, level + 1, n - level - 1);
        return new TreePath(names, ids, modes, known.found);
      }
      if (level < n - 1) {
        if (FileMode.fromBits(modes[level]) != FileMode.TREE) {
          return new TreePath(names, ids, modes, level + 1); // a folder on the way is not one
        }
        folder = ids[level];
      }
    }
    return new TreePath(names, ids, modes, n);
  }

  /** Moves {@code entries} to the entry named {@code name}; false when the tree has none. */
  private static boolean seek(CanonicalTreeParser entries, byte[] name) throws IOException {
    for (; !entries.eof(); entries.next(1)) {
      if (entries.getNameLength() == name.length
          && Arrays.equals(
              entries.getEntryPathBuffer(),
              entries.getNameOffset(),
              entries.getNameOffset() + name.length,
              name,
              0,
              name.length)) {
        return true;
      }
    }
    return false;
  }

  /** The names of the path's folders and file. */
  byte[][] names() {
    return names;
  }

  /** The file's blob: null when the path is absent or not a regular or executable file. */
  ObjectId blob() {
    if (found < names.length) {
      return null;
    }
    return isRegular(FileMode.fromBits(modes[names.length - 1])) ? ids[names.length - 1] : null;
  }

  /** Whether an entry of this mode is a file Waymark reads: regular or executable. */
  static boolean isRegular(FileMode mode) {
    return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
  }
}
