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
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

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
    /**
     * The numbers and keys, or {@code null} while forgotten ({@link #forget}). One object with
     * final fields: a thread that sees it sees its arrays filled, without a lock on every read.
     */
    private Numbers numbers;

    /** How to lay the document out again once forgotten; null while the numbers are held. */
    private Supplier<NodePositions> again;

    /** Where the document starts: what every node reports when it cannot be laid out again. */
    private final int rootLine;

    private final int rootColumn;

    /** Per large mapping's offset, its keys' indexes; made on the first lookup. */
    private volatile Map<Integer, Map<String, Integer>> indexes;

    /** A copy of the first {@code size} numbers of {@code data} (which the caller may reuse). */
    Tree(int[] data, int size, String[] keys) {
      this.numbers = new Numbers(data, size, keys);
      this.rootLine = size > 1 ? data[0] : 1;
      this.rootColumn = size > 1 ? data[1] : 1;
    }

    int length() {
      return held().length();
    }

    @Override
    public NodePositions node(int offset) {
      return new NodePositions(this, offset);
    }

    int get(int i) {
      return held().get(i);
    }

    /** Whether the document could not be laid out again: every node is then its start. */
    boolean lost() {
      return held().lost;
    }

    /**
     * Number {@code field} (0 line, 1 column, 2 shape) of the node at {@code offset}; of the
     * document's start when its layout is lost.
     */
    int header(int offset, int field) {
      Numbers n = held();
      return n.lost ? n.get(field) : n.get(offset + field);
    }

    String key(int i) {
      return held().keys[i];
    }

    /** The numbers, laid out again first when they were forgotten. */
    private Numbers held() {
      Numbers n = numbers;
      return n != null ? n : restore();
    }

    private synchronized Numbers restore() {
      if (numbers == null) {
        NodePositions laid = null;
        try {
          laid = again.get();
        } catch (RuntimeException unreadable) {
          // the file cannot be read or parsed again: every node is where the document starts
        }
        numbers =
            laid != null && laid.offset == 0
                ? laid.tree.held()
                : Numbers.lost(rootLine, rootColumn);
        again = null;
      }
      return numbers;
    }

    /** Drops the numbers and keys; {@code again} lays the same document out when they are read. */
    synchronized void forget(Supplier<NodePositions> again) {
      this.again = Objects.requireNonNull(again);
      this.numbers = null;
      this.indexes = null;
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

  /** One document's numbers (as {@code char}s when every one fits) and mapping keys. */
  private static final class Numbers {
    /** The layout above when some number does not fit in a {@code char}, else {@code null}. */
    private final int[] wide;

    /**
     * The same numbers as {@code char}s when every one fits (a document under 65,536 lines, columns
     * and array slots: about every document), at half the memory; else {@code null}.
     */
    private final char[] narrow;

    final String[] keys;

    /**
     * Whether these stand for a document that could not be laid out again ({@link #lost}): one
     * scalar at its start, which stands for every node and key of it.
     */
    final boolean lost;

    Numbers(int[] data, int size, String[] keys) {
      char[] chars = narrow(data, size);
      this.wide = chars != null ? null : Arrays.copyOf(data, size);
      this.narrow = chars;
      this.keys = keys;
      this.lost = false;
    }

    private Numbers(int line, int column) {
      this.wide = new int[] {line, column, SCALAR};
      this.narrow = null;
      this.keys = new String[0];
      this.lost = true;
    }

    /** A document whose layout is lost: one scalar at its start. */
    static Numbers lost(int line, int column) {
      return new Numbers(line, column);
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

    int get(int i) {
      char[] chars = narrow;
      return chars != null ? chars[i] : wide[i];
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

  /**
   * Drops the numbers of this whole document (a root: offset 0); {@code again} lays the same
   * document out again when they are next read, or gives null when it cannot (the file changed):
   * every node then reports the document's start.
   */
  void forget(Supplier<NodePositions> again) {
    if (offset == 0) {
      tree.forget(again);
    }
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
    return tree.header(offset, 2);
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
    return tree.key(tree.get(offset + 4 + 4 * i));
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
    return tree.header(offset, 0);
  }

  @Override
  public int column() {
    return tree.header(offset, 1);
  }

  @Override
  public Optional<NodePositions> child(String token) {
    if (tree.lost()) {
      // Every value is somewhere in the document: its pointer stays whole, its place the start.
      return Optional.of(this);
    }
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
    if (tree.lost()) {
      return Optional.of(new KeyPosition(line(), column()));
    }
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
