package io.waymark.engine.load;

import io.waymark.engine.model.Positions;
import io.waymark.engine.model.SourceNode;
import io.waymark.engine.yaml.YamlMap;
import io.waymark.engine.yaml.YamlNode;
import io.waymark.engine.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where every node of a document is written (line and column of each value and of each mapping
 * key), without the values: what the model's anchors keep once the model is read, so a repository
 * of thousands of documents holds its typed models and not their YAML trees. A whole document's
 * positions are one {@code int} array and one array of keys; a {@code NodePositions} is a node of
 * it (the array and an offset). Mapping keys are shared across documents (every Assessment has a
 * {@code title}).
 */
final class NodePositions implements Positions {

  /** Mapping keys seen so far, one copy each; stops growing at {@link #MAX_SHARED_KEYS}. */
  private static final Map<String, String> SHARED_KEYS = new ConcurrentHashMap<>();

  private static final int MAX_SHARED_KEYS = 20_000;

  /** Above this many keys, a mapping looks its keys up by hash instead of scanning them. */
  private static final int SCAN_LIMIT = 12;

  static final int SCALAR = 0;
  static final int SEQUENCE = 1;
  static final int MAPPING = 2;

  /**
   * One document's positions, node after node in document order. A node at offset {@code o}: {@code
   * [o]} line, {@code [o+1]} column, {@code [o+2]} its shape; a sequence or mapping then has its
   * size {@code n} at {@code [o+3]}, followed by the offset of each item (a sequence) or, per
   * entry, the key's index in {@link Tree#keys}, the key's line and column and the value's offset
   * (a mapping).
   */
  private static final class Tree implements Positions.Table {
    /** The layout above when some number does not fit in a {@code char}, else {@code null}. */
    private final int[] wide;

    /**
     * The same numbers as {@code char}s when every one fits (a document under 65,536 lines, columns
     * and array slots: about every document), at half the memory; else {@code null}.
     */
    private final char[] narrow;

    final String[] keys;

    /** Per large mapping's offset, its keys' indexes; made on the first lookup. */
    private volatile Map<Integer, Map<String, Integer>> indexes;

    /** A copy of the first {@code size} numbers of {@code data} (which the caller may reuse). */
    Tree(int[] data, int size, String[] keys) {
      char[] chars = narrow(data, size);
      this.wide = chars != null ? null : Arrays.copyOf(data, size);
      this.narrow = chars;
      this.keys = keys;
    }

    /**
     * The first {@code size} numbers of {@code data} as {@code char}s, or {@code null} if one is
     * negative or too large.
     */
    private static char[] narrow(int[] data, int size) {
      char[] chars = new char[size];
      for (int i = 0; i < size; i++) {
        int v = data[i];
        if (v < 0 || v > Character.MAX_VALUE) {
          return null;
        }
        chars[i] = (char) v;
      }
      return chars;
    }

    int length() {
      return narrow != null ? narrow.length : wide.length;
    }

    @Override
    public NodePositions node(int offset) {
      return new NodePositions(this, offset);
    }

    int get(int i) {
      char[] chars = narrow;
      return chars != null ? chars[i] : wide[i];
    }

    Map<Integer, Map<String, Integer>> indexes() {
      Map<Integer, Map<String, Integer>> m = indexes;
      if (m == null) {
        synchronized (this) {
          m = indexes;
          if (m == null) {
            m = new ConcurrentHashMap<>();
            indexes = m;
          }
        }
      }
      return m;
    }
  }

  private final Tree tree;
  private final int offset;

  private NodePositions(Tree tree, int offset) {
    this.tree = tree;
    this.offset = offset;
  }

  /** The positions of {@code node} and of everything below it. */
  static NodePositions of(YamlNode node) {
    Builder b = new Builder(SCRATCH.get());
    b.write(node);
    // The tree keeps a copy of the numbers: the thread's array serves its next document.
    NodePositions positions =
        new NodePositions(new Tree(b.data, b.size, b.keys.toArray(new String[0])), 0);
    if (b.data.length <= MAX_SCRATCH) {
      SCRATCH.set(b.data);
    }
    return positions;
  }

  /**
   * Each thread's array for the numbers of the document it lays out ({@link Builder#data}), grown
   * as needed up to {@link #MAX_SCRATCH}: a large repository's load made and dropped one (doubled a
   * few times) per document, about 4% of what a 10,000-document run allocates.
   */
  private static final ThreadLocal<int[]> SCRATCH = ThreadLocal.withInitial(() -> new int[256]);

  /** A larger array (a huge document's) is not kept for the next one. */
  private static final int MAX_SCRATCH = 1 << 16;

  /**
   * The positions of a whole document already laid out as {@link Tree} describes, root at offset 0
   * (the on-disk cache reads them back in that layout: {@link OutcomeCodec}).
   */
  static NodePositions packed(int[] data, String[] keys) {
    return packed(data, data.length, keys);
  }

  /** As {@link #packed(int[], String[])}, of the first {@code size} numbers of {@code data}. */
  static NodePositions packed(int[] data, int size, String[] keys) {
    return new NodePositions(new Tree(data, size, keys), 0);
  }

  /** The length of the whole document's array (one past the largest offset). */
  int extent() {
    return tree.length();
  }

  /** Where this node starts in its document's array: a key for what is kept beside it. */
  int offset() {
    return offset;
  }

  /** Writes a tree in the layout {@link Tree} describes. */
  private static final class Builder {
    int[] data;
    int size;
    final List<String> keys = new ArrayList<>();

    /** A builder writing into {@code scratch} (its numbers are overwritten, never read). */
    Builder(int[] scratch) {
      this.data = scratch;
    }

    private int reserve(int n) {
      int at = size;
      if (size + n > data.length) {
        data = Arrays.copyOf(data, Math.max(data.length * 2, size + n));
      }
      size += n;
      return at;
    }

    int write(YamlNode node) {
      if (node instanceof YamlMap map) {
        Map<String, YamlMap.Entry> entries = map.entries();
        int n = entries.size();
        int at = reserve(4 + 4 * n);
        header(at, node, MAPPING);
        data[at + 3] = n;
        int slot = at + 4;
        for (YamlMap.Entry e : entries.values()) {
          data[slot] = keys.size();
          keys.add(shared(e.key()));
          data[slot + 1] = e.line();
          data[slot + 2] = e.column();
          int child = write(e.value());
          data[slot + 3] = child;
          slot += 4;
        }
        return at;
      }
      if (node instanceof YamlSeq seq) {
        List<YamlNode> items = seq.items();
        int n = items.size();
        int at = reserve(4 + n);
        header(at, node, SEQUENCE);
        data[at + 3] = n;
        for (int i = 0; i < n; i++) {
          int child = write(items.get(i));
          data[at + 4 + i] = child;
        }
        return at;
      }
      int at = reserve(3);
      header(at, node, SCALAR);
      return at;
    }

    private void header(int at, YamlNode node, int shape) {
      data[at] = node.line();
      data[at + 1] = node.column();
      data[at + 2] = shape;
    }
  }

  /** One copy of a mapping key shared by every document (see {@link #MAX_SHARED_KEYS}). */
  static String shared(String key) {
    String known = SHARED_KEYS.get(key);
    if (known != null) {
      return known;
    }
    if (SHARED_KEYS.size() >= MAX_SHARED_KEYS) {
      return key;
    }
    known = SHARED_KEYS.putIfAbsent(key, key);
    return known == null ? key : known;
  }

  private int shape() {
    return tree.get(offset + 2);
  }

  /**
   * The node's shape, for the sources that read this tree ({@link YamlSource}, {@link
   * PackedSource}).
   */
  SourceNode.Shape kind() {
    return isMapping()
        ? SourceNode.Shape.MAPPING
        : isSequence() ? SourceNode.Shape.SEQUENCE : SourceNode.Shape.SCALAR;
  }

  boolean isMapping() {
    return shape() == MAPPING;
  }

  boolean isSequence() {
    return shape() == SEQUENCE;
  }

  /** A mapping's keys in source order (empty for anything else). */
  List<String> keys() {
    if (!isMapping()) {
      return List.of();
    }
    int n = size();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(keyAt(i));
    }
    return out;
  }

  private String keyAt(int i) {
    return tree.keys[tree.get(offset + 4 + 4 * i)];
  }

  /** The number of values or items below this node. */
  int size() {
    return shape() == SCALAR ? 0 : tree.get(offset + 3);
  }

  /** The positions of the value or item at {@code i}. */
  NodePositions at(int i) {
    int slot = isMapping() ? offset + 4 + 4 * i + 3 : offset + 4 + i;
    return new NodePositions(tree, tree.get(slot));
  }

  /** The index of {@code key} in a mapping, or -1. */
  int indexOf(String key) {
    if (!isMapping()) {
      return -1;
    }
    int n = size();
    if (n <= SCAN_LIMIT) {
      for (int i = 0; i < n; i++) {
        if (keyAt(i).equals(key)) {
          return i;
        }
      }
      return -1;
    }
    Map<String, Integer> byKey =
        tree.indexes()
            .computeIfAbsent(
                offset,
                o -> {
                  Map<String, Integer> index = new HashMap<>(n * 2);
                  for (int i = n - 1; i >= 0; i--) {
                    index.put(keyAt(i), i);
                  }
                  return index;
                });
    Integer i = byKey.get(key);
    return i == null ? -1 : i;
  }

  /** The positions of the value under {@code key}, or {@code null}. */
  NodePositions value(String key) {
    int i = indexOf(key);
    return i < 0 ? null : at(i);
  }

  @Override
  public Positions.Table table() {
    return tree;
  }

  @Override
  public int index() {
    return offset;
  }

  @Override
  public int line() {
    return tree.get(offset);
  }

  @Override
  public int column() {
    return tree.get(offset + 1);
  }

  @Override
  public Optional<NodePositions> child(String token) {
    int shape = shape();
    if (shape == MAPPING) {
      return Optional.ofNullable(value(token));
    }
    if (shape == SCALAR || token.isEmpty() || token.length() > 9) {
      return Optional.empty();
    }
    for (int i = 0; i < token.length(); i++) {
      if (token.charAt(i) < '0' || token.charAt(i) > '9') {
        return Optional.empty();
      }
    }
    int i = Integer.parseInt(token);
    return i < size() ? Optional.of(at(i)) : Optional.empty();
  }

  @Override
  public Optional<? extends Positions> key(String key) {
    int i = indexOf(key);
    if (i < 0) {
      return Optional.empty();
    }
    int slot = offset + 4 + 4 * i;
    return Optional.of(new KeyPosition(tree.get(slot + 1), tree.get(slot + 2)));
  }

  /** Where a mapping key is written: a leaf. */
  private record KeyPosition(int line, int column) implements Positions {
    @Override
    public Optional<? extends Positions> child(String token) {
      return Optional.empty();
    }

    @Override
    public Optional<? extends Positions> key(String key) {
      return Optional.empty();
    }
  }
}
