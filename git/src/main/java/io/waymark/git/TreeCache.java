package io.waymark.git;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * The content of the tree objects that path look-ups read ({@link TreePath}), kept while a history
 * is read: following one file through the commits reads the same folders again and again, and a
 * portfolio follows hundreds of files (its metrics) through the same commits, each time inflating
 * the folder that holds them all (476 metrics files in one folder, 31 commits: 15,000 inflates of
 * one 19 KB tree, most of a 0.7 s history). The least recently used trees go first once the kept
 * ones exceed {@link #MAX_BYTES}.
 */
final class TreeCache {

  /** The most tree bytes kept. */
  static final long MAX_BYTES = 16L << 20;

  private final ObjectReader reader;
  private final long maxBytes;
  private final LinkedHashMap<ObjectId, byte[]> trees = new LinkedHashMap<>(64, 0.75f, true);
  private long bytes;

  TreeCache(ObjectReader reader) {
    this(reader, MAX_BYTES);
  }

  /** Keeping at most {@code maxBytes} of trees. */
  TreeCache(ObjectReader reader, long maxBytes) {
    this.reader = reader;
    this.maxBytes = maxBytes;
  }

  /** How many trees are kept. */
  synchronized int size() {
    return trees.size();
  }

  /** The raw content of the tree {@code id}; the array is shared: never change it. */
  synchronized byte[] get(ObjectId id) throws IOException {
    byte[] tree = trees.get(id);
    if (tree == null) {
      tree = reader.open(id, Constants.OBJ_TREE).getCachedBytes();
      trees.put(id.copy(), tree);
      bytes += tree.length;
      for (Iterator<Map.Entry<ObjectId, byte[]>> i = trees.entrySet().iterator();
          bytes > maxBytes && i.hasNext(); ) {
        bytes -= i.next().getValue().length;
        i.remove();
      }
    }
    return tree;
  }
}
