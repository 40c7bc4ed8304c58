package io.waymark.engine.load;

import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Location;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Document;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.ModelProblem;
import io.waymark.engine.model.UnreadableFile;
import io.waymark.engine.yaml.YamlMap;
import io.waymark.engine.yaml.YamlNode;
import io.waymark.engine.yaml.YamlScalar;
import io.waymark.engine.yaml.YamlSeq;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What loading one file gave, as bytes for the on-disk cache and back: its documents (kind, id,
 * schema verdict, the tree with every position), which of them have a typed model (and which
 * sequence items a partial model leaves out), its load and schema findings, and its inline ignore
 * comments. Decoding rebuilds the documents on {@link PackedSource} trees (the compact positions a
 * parsed file's documents keep, with the values beside them) and reads their models again (cheap
 * next to parsing and schema checking), so the rules see exactly what a fresh read gives. Bad bytes
 * are {@link CachePack.Bytes.Malformed}, never trusted.
 */
final class OutcomeCodec {

  private static final int VERSION = 2;
  private static final int MAP = 0;
  private static final int SEQ = 1;
  private static final int NULL = 2;
  private static final int TRUE = 3;
  private static final int FALSE = 4;
  private static final int NUMBER = 5;
  private static final int STRING = 6;

  private OutcomeCodec() {}

  /** The bytes of {@code o}. */
  static byte[] encode(Loader.FileOutcome o) {
    Writer w = new Writer();
    w.varint(VERSION);
    w.string(o.file);
    w.varint(o.documents.size());
    for (int i = 0; i < o.documents.size(); i++) {
      Document d = o.documents.get(i);
      w.varint(d.index());
      w.string(d.kind().id());
      w.string(d.id());
      w.varint(d.valid() ? 1 : 0);
      Set<String> excluded = o.modelExclusions.get(i);
      if (excluded == null) {
        w.varint(0);
      } else {
        w.varint(1 + excluded.size());
        excluded.stream().sorted().forEach(w::string);
      }
      w.node(o.roots.get(i));
    }
    w.varint(o.problems.size());
    for (Finding f : o.problems) {
      w.string(f.rule());
      w.string(f.severity().name());
      w.string(f.location().file());
      w.varint(f.location().line());
      w.varint(f.location().column());
      w.string(f.location().path());
      w.string(f.message());
      w.string(f.hint());
    }
    w.varint(o.ignores.size());
    for (InlineIgnore ignore : o.ignores) {
      w.string(ignore.rule());
      w.string(ignore.reason());
      w.varint(ignore.line());
    }
    UnreadableFile u = o.unreadable;
    w.varint(u == null ? 0 : 1 + u.documents().size());
    if (u != null) {
      for (UnreadableFile.Declared d : u.documents()) {
        w.string(d.kind().id());
        w.string(d.id());
      }
      w.varint(u.ids().size());
      u.ids().forEach(w::string);
    }
    return w.bytes.toByteArray();
  }

  /**
   * The outcome in {@code bytes} for {@code file}.
   *
   * @param maxDepth the YAML reader's nesting limit: a deeper (forged) tree is refused
   * @throws CachePack.Bytes.Malformed when the bytes are not an outcome of {@code file}
   */
  static Loader.FileOutcome decode(
      byte[] bytes, int offset, int length, String file, int maxDepth) {
    Reader r = new Reader(new CachePack.Bytes(bytes, offset, offset + length), maxDepth);
    if (r.in.varint() != VERSION || !r.string().equals(file)) {
      throw new CachePack.Bytes.Malformed();
    }
    Loader.FileOutcome o = new Loader.FileOutcome(file);
    int documents = r.in.varcount(4);
    for (int i = 0; i < documents; i++) {
      int index = r.in.varint();
      Kind kind = Kind.of(r.string()).orElseThrow(CachePack.Bytes.Malformed::new);
      String id = r.string();
      boolean valid = r.in.varint() == 1;
      int model = r.in.varcount(0);
      Set<String> excluded = null;
      if (model > 0) {
        excluded = new LinkedHashSet<>();
        for (int k = 1; k < model; k++) {
          excluded.add(r.string());
        }
      }
      PackedSource root = r.tree();
      Document document = new Document(file, index, kind, id, root, false);
      o.models.add(
          excluded == null ? null : document.read(new ArrayList<ModelProblem>(), excluded));
      // As a fresh read: a valid document's values live in its model, only its positions stay.
      o.documents.add(
          valid ? new Document(file, index, kind, id, root.released(), true) : document);
      o.valid.add(valid);
      o.roots.add(null);
      o.modelExclusions.add(excluded);
    }
    int problems = r.in.varcount(7);
    for (int i = 0; i < problems; i++) {
      String rule = r.string();
      Severity severity;
      try {
        severity = Severity.valueOf(r.string());
      } catch (IllegalArgumentException e) {
        throw new CachePack.Bytes.Malformed();
      }
      Location location;
      try {
        location = new Location(r.string(), r.in.varint(), r.in.varint(), r.string());
      } catch (RuntimeException e) {
        throw e instanceof CachePack.Bytes.Malformed m ? m : new CachePack.Bytes.Malformed();
      }
      o.problems.add(new Finding(rule, severity, location, r.string(), r.string()));
    }
    int ignores = r.in.varcount(3);
    for (int i = 0; i < ignores; i++) {
      o.ignores.add(new InlineIgnore(r.string(), r.string(), r.in.varint()));
    }
    int unreadable = r.in.varcount(1);
    if (unreadable > 0) {
      List<UnreadableFile.Declared> declared = new ArrayList<>();
      for (int i = 1; i < unreadable; i++) {
        Kind kind = Kind.of(r.string()).orElseThrow(CachePack.Bytes.Malformed::new);
        declared.add(new UnreadableFile.Declared(kind, r.string()));
      }
      int count = r.in.varcount(1);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ids.add(r.string());
      }
      o.unreadable = new UnreadableFile(file, declared, ids);
    }
    if (!r.in.atEnd()) {
      throw new CachePack.Bytes.Malformed();
    }
    return o.compact();
  }

  /** Writes varints and strings; a string met before is written as a reference to it. */
  private static final class Writer {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    final Map<String, Integer> seen = new HashMap<>();

    void varint(int value) {
      int v = value;
      while ((v & ~0x7f) != 0) {
        bytes.write((v & 0x7f) | 0x80);
        v >>>= 7;
      }
      bytes.write(v);
    }

    void string(String text) {
      Integer ref = seen.get(text);
      if (ref != null) {
        varint(ref);
        return;
      }
      varint(0);
      if (wellFormed(text)) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        varint(utf8.length << 1);
        bytes.write(utf8, 0, utf8.length);
      } else {
        // A lone surrogate (a YAML escape such as "\uD800") has no UTF-8 form: keep the UTF-16
        // code units, so the warm run reports exactly what the cold one does.
        varint(text.length() << 1 | 1);
        for (int i = 0; i < text.length(); i++) {
          bytes.write(text.charAt(i) >>> 8);
          bytes.write(text.charAt(i));
        }
      }
      seen.put(text, seen.size() + 1);
    }

    private static boolean wellFormed(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)
            && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c)) {
          return false;
        }
      }
      return true;
    }

    void node(YamlNode node) {
      if (node instanceof YamlMap map) {
        varint(MAP);
        position(node);
        varint(map.entries().size());
        for (YamlMap.Entry e : map.entries().values()) {
          string(e.key());
          varint(e.line());
          varint(e.column());
          node(e.value());
        }
      } else if (node instanceof YamlSeq seq) {
        varint(SEQ);
        position(node);
        varint(seq.items().size());
        for (YamlNode item : seq.items()) {
          node(item);
        }
      } else {
        YamlScalar s = (YamlScalar) node;
        Object value = s.value();
        if (value == null) {
          varint(NULL);
          position(node);
        } else if (value instanceof Boolean b) {
          varint(b ? TRUE : FALSE);
          position(node);
        } else if (value instanceof BigDecimal d) {
          varint(NUMBER);
          position(node);
          string(d.toString());
        } else if (value instanceof String text) {
          varint(STRING);
          position(node);
          string(text);
        } else {
          throw new UncheckedIOException(
              new IOException("unexpected scalar value " + value.getClass()));
        }
      }
    }

    private void position(YamlNode node) {
      varint(node.line());
      varint(node.column());
    }
  }

  /** A thread's working arrays for reading trees (see {@link Reader#tree()}). */
  private static final class Scratch {
    static final int KEEP = 1 << 20;
    int[] data = new int[4096];
    Object[] values = new Object[4096];
    final List<String> keys = new ArrayList<>();

    void grow(int length) {
      data = Arrays.copyOf(data, length);
      values = Arrays.copyOf(values, length);
    }
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /** Reads what {@link Writer} wrote, every count and reference checked. */
  private static final class Reader {
    final CachePack.Bytes in;
    final List<String> seen = new ArrayList<>();
    final int maxDepth;

    Reader(CachePack.Bytes in, int maxDepth) {
      this.in = in;
      this.maxDepth = maxDepth;
    }

    String string() {
      int ref = in.varint();
      if (ref == 0) {
        String s = in.varstring();
        seen.add(s);
        return s;
      }
      if (ref > seen.size()) {
        throw new CachePack.Bytes.Malformed();
      }
      return seen.get(ref - 1);
    }

    /**
     * Node data in the layout of {@link NodePositions}, values beside it, keys in order: a thread's
     * working arrays, reused from file to file (each tree is copied out at its size).
     */
    private final Scratch scratch = SCRATCH.get();

    private int size;

    /** The tree of one document, read into the compact form a parsed file's positions have. */
    PackedSource tree() {
      size = 0;
      scratch.keys.clear();
      node(0);
      PackedSource tree =
          new PackedSource(
              NodePositions.packed(scratch.data, size, scratch.keys.toArray(new String[0])),
              Arrays.copyOf(scratch.values, size));
      if (scratch.data.length > Scratch.KEEP) {
        SCRATCH.remove(); // a huge document's arrays are not kept for the thread's life
      }
      return tree;
    }

    private int reserve(int n) {
      int at = size;
      if ((long) size + n > scratch.data.length) {
        scratch.grow(
            (int)
                Math.min(
                    Integer.MAX_VALUE - 16, Math.max(scratch.data.length * 2L, (long) size + n)));
      }
      size += n;
      return at;
    }

    private int header(int n, int line, int column, int shape) {
      int at = reserve(n);
      int[] data = scratch.data;
      data[at] = line;
      data[at + 1] = column;
      data[at + 2] = shape;
      scratch.values[at] = null;
      return at;
    }

    /** Reads one node and everything below it; returns its offset. */
    private int node(int depth) {
      if (depth > maxDepth) {
        throw new CachePack.Bytes.Malformed();
      }
      int tag = in.varint();
      int line = in.varint();
      int column = in.varint();
      switch (tag) {
        case MAP -> {
          int n = in.varcount(4);
          int at = header(4 + 4 * n, line, column, NodePositions.MAPPING);
          scratch.data[at + 3] = n;
          Set<String> large = n > 12 ? new HashSet<>(n * 2) : null;
          for (int i = 0; i < n; i++) {
            String key = string();
            int slot = at + 4 + 4 * i;
            if (large != null ? !large.add(key) : repeated(at, i, key)) {
              throw new CachePack.Bytes.Malformed();
            }
            scratch.data[slot] = scratch.keys.size();
            scratch.keys.add(NodePositions.shared(key));
            scratch.data[slot + 1] = in.varint();
            scratch.data[slot + 2] = in.varint();
            int child = node(depth + 1);
            scratch.data[slot + 3] = child;
          }
          return at;
        }
        case SEQ -> {
          int n = in.varcount(3);
          int at = header(4 + n, line, column, NodePositions.SEQUENCE);
          scratch.data[at + 3] = n;
          for (int i = 0; i < n; i++) {
            int child = node(depth + 1);
            scratch.data[at + 4 + i] = child;
          }
          return at;
        }
        case NULL -> {
          return scalar(null, line, column);
        }
        case TRUE -> {
          return scalar(Boolean.TRUE, line, column);
        }
        case FALSE -> {
          return scalar(Boolean.FALSE, line, column);
        }
        case NUMBER -> {
          try {
            return scalar(new BigDecimal(string()), line, column);
          } catch (NumberFormatException e) {
            throw new CachePack.Bytes.Malformed();
          }
        }
        case STRING -> {
          return scalar(string(), line, column);
        }
        default -> throw new CachePack.Bytes.Malformed();
      }
    }

    private int scalar(Object value, int line, int column) {
      int at = header(3, line, column, NodePositions.SCALAR);
      scratch.values[at] = value;
      return at;
    }

    /**
     * True when one of the first {@code count} keys of the mapping at {@code at} is {@code key}.
     */
    private boolean repeated(int at, int count, String key) {
      for (int j = 0; j < count; j++) {
        if (scratch.keys.get(scratch.data[at + 4 + 4 * j]).equals(key)) {
          return true;
        }
      }
      return false;
    }
  }
}
