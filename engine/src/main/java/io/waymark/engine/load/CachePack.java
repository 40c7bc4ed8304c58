package io.waymark.engine.load;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * The bytes of the on-disk cache: one pack per roadmap folder that holds, for every file of the
 * last run, its stamp, the SHA-256 of its content and what loading it gave (see {@link
 * OutcomeCodec}). Its own binary format, never Java serialisation:
 *
 * <pre>
 * "WAYMARK-CACHE\n" (magic) · u16 format version · string fingerprint · string identity
 * · u32 count · count × (string path · string stamp · 32-byte SHA-256 · u32 length · payload)
 * · u64 CRC-32 of every byte before it
 * </pre>
 *
 * Strings are a u32 length and UTF-8 bytes. A pack whose magic, version, fingerprint, identity,
 * lengths or checksum do not check out is not used at all: the run reads every file and writes a
 * new pack.
 *
 * <p>A run that changed a few entries writes only those, in a changes file beside the pack, instead
 * of the whole pack again:
 *
 * <pre>
 * "WAYMARK-CHANGES\n" (magic) · u16 format version · string fingerprint · string identity
 * · string pack (the identity and checksum of the pack it applies to) · u32 removed
 * · removed × string path · u32 count · count × entry as in the pack · u64 CRC-32
 * </pre>
 *
 * It is applied only to the very pack it names (a pack written since has another identity and
 * checksum) and is checked as the pack is; one that does not check out is ignored and replaced.
 */
final class CachePack {

  static final byte[] MAGIC = "WAYMARK-CACHE\n".getBytes(StandardCharsets.US_ASCII);
  static final byte[] CHANGES_MAGIC = "WAYMARK-CHANGES\n".getBytes(StandardCharsets.US_ASCII);
  static final int FORMAT = 2;
  static final int HASH_BYTES = 32;

  /** One file's entry: offsets into the pack's bytes (nothing is copied). */
  record Item(String stamp, byte[] hash, byte[] pack, int offset, int length) {

    /** The stored payload. */
    byte[] payload() {
      return Arrays.copyOfRange(pack, offset, offset + length);
    }
  }

  private final Map<String, Item> items;

  /** The identity and checksum of the pack file these items were read from ("" for none). */
  private final String reference;

  /** The bytes of all payloads, for telling a few changed entries from many. */
  private final long payloadBytes;

  private CachePack(Map<String, Item> items, String reference, long payloadBytes) {
    this.items = items;
    this.reference = reference;
    this.payloadBytes = payloadBytes;
  }

  static CachePack empty() {
    return new CachePack(Map.of(), "", 0);
  }

  int size() {
    return items.size();
  }

  /** What a changes file names to be applied to this pack: its file's identity and checksum. */
  String reference() {
    return reference;
  }

  long payloadBytes() {
    return payloadBytes;
  }

  /** The paths of this pack's entries. */
  java.util.Set<String> paths() {
    return items.keySet();
  }

  /** The entries a changes file holds, and the paths it removes. */
  record Changes(Map<String, Item> items, List<String> removed) {}

  /** This pack with {@code changes} applied: removed paths left out, changed entries replaced. */
  CachePack with(Changes changes) {
    Map<String, Item> merged = new HashMap<>(items);
    changes.removed().forEach(merged::remove);
    merged.putAll(changes.items());
    return new CachePack(merged, reference, payloadBytes);
  }

  /** The entry of {@code path}, if the pack has one. */
  Optional<Item> item(String path) {
    return Optional.ofNullable(items.get(path));
  }

  /**
   * The pack in {@code bytes}, or empty when they are not a pack this Waymark wrote for this
   * fingerprint and this file identity (corrupt, truncated, foreign, older format, other
   * configuration).
   */
  static Optional<CachePack> parse(byte[] bytes, String fingerprint, String identity) {
    try {
      Optional<Bytes> opened = opened(bytes, MAGIC);
      if (opened.isEmpty()) {
        return Optional.empty();
      }
      Bytes in = opened.get();
      if (in.u16() != FORMAT || !in.string().equals(fingerprint) || !in.string().equals(identity)) {
        return Optional.empty();
      }
      Map<String, Item> items = new HashMap<>();
      long payload = items(in, bytes, items);
      if (!in.atEnd()) {
        return Optional.empty();
      }
      return Optional.of(new CachePack(items, reference(bytes, identity), payload));
    } catch (Bytes.Malformed e) {
      return Optional.empty();
    }
  }

  /**
   * The changes in {@code bytes} when they are a changes file this Waymark wrote for this
   * fingerprint and file identity, to be applied to the pack {@code pack} names; else empty.
   */
  static Optional<Changes> parseChanges(
      byte[] bytes, String fingerprint, String identity, CachePack pack) {
    try {
      Optional<Bytes> opened = opened(bytes, CHANGES_MAGIC);
      if (opened.isEmpty() || pack.reference.isEmpty()) {
        return Optional.empty();
      }
      Bytes in = opened.get();
      if (in.u16() != FORMAT
          || !in.string().equals(fingerprint)
          || !in.string().equals(identity)
          || !in.string().equals(pack.reference)) {
        return Optional.empty();
      }
      int removed = in.count(4);
      List<String> paths = new java.util.ArrayList<>(removed);
      for (int i = 0; i < removed; i++) {
        paths.add(in.string());
      }
      Map<String, Item> items = new HashMap<>();
      items(in, bytes, items);
      if (!in.atEnd()) {
        return Optional.empty();
      }
      return Optional.of(new Changes(items, List.copyOf(paths)));
    } catch (Bytes.Malformed e) {
      return Optional.empty();
    }
  }

  /** Reads a count and that many entries into {@code items}; returns the bytes of the payloads. */
  private static long items(Bytes in, byte[] bytes, Map<String, Item> items) {
    int count = in.count(4 + 4 + HASH_BYTES + 4);
    long payload = 0;
    for (int i = 0; i < count; i++) {
      String path = in.string();
      String stamp = in.string();
      byte[] hash = in.bytes(HASH_BYTES);
      int length = in.count(1);
      int offset = in.skip(length);
      if (items.put(path, new Item(stamp, hash, bytes, offset, length)) != null) {
        throw new Bytes.Malformed(); // one entry per path
      }
      payload += length;
    }
    return payload;
  }

  /** A pack file's identity and checksum (its last eight bytes). */
  private static String reference(byte[] bytes, String identity) {
    return identity
        + " "
        + java.util.HexFormat.of().formatHex(bytes, bytes.length - 8, bytes.length);
  }

  /**
   * One entry of a new pack: its payload is {@code length} bytes of {@code payload} from {@code
   * offset}, or, without {@code payload}, of the run's {@link Scratch} from {@code scratchAt}.
   */
  record Entry(
      String path,
      String stamp,
      byte[] hash,
      byte[] payload,
      int offset,
      int length,
      long scratchAt) {

    /** An entry whose payload is in memory. */
    Entry(String path, String stamp, byte[] hash, byte[] payload, int offset, int length) {
      this(path, stamp, hash, payload, offset, length, -1);
    }

    /** Writes the payload to {@code out}. */
    void writePayload(OutputStream out, Scratch scratch) throws IOException {
      if (payload != null) {
        out.write(payload, offset, length);
      } else {
        scratch.copy(scratchAt, length, out);
      }
    }
  }

  /** The bytes of a pack of {@code entries}. */
  static byte[] write(String fingerprint, String identity, List<Entry> entries) {
    return collected(out -> write(out, fingerprint, identity, entries, null));
  }

  /**
   * A pack of {@code entries} written to {@code out} as it is made, sealed ({@link
   * #sealed(OutputStream, Body)}).
   */
  static void write(
      OutputStream out, String fingerprint, String identity, List<Entry> entries, Scratch scratch)
      throws IOException {
    write(out, MAGIC, fingerprint, identity, null, List.of(), entries, scratch);
  }

  /**
   * The bytes of a changes file: {@code entries} replace those of the pack {@code pack} names
   * ({@link #reference()}), {@code removed} are left out of it.
   */
  static byte[] writeChanges(
      String fingerprint, String identity, String pack, List<String> removed, List<Entry> entries) {
    return collected(out -> writeChanges(out, fingerprint, identity, pack, removed, entries, null));
  }

  /** As {@link #writeChanges(String, String, String, List, List)}, written to {@code out}. */
  static void writeChanges(
      OutputStream out,
      String fingerprint,
      String identity,
      String pack,
      List<String> removed,
      List<Entry> entries,
      Scratch scratch)
      throws IOException {
    write(out, CHANGES_MAGIC, fingerprint, identity, pack, removed, entries, scratch);
  }

  /** What {@code writer} writes, as bytes. */
  static byte[] collected(LoadCache.Writer writer) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try {
      writer.write(buffer);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array never fails
    }
    return buffer.toByteArray();
  }

  /** What writes the body of a file of the cache. */
  @FunctionalInterface
  interface Body {
    void write(DataOutputStream out) throws IOException;
  }

  /**
   * What {@code body} writes, written to {@code sink} as it is made and sealed: followed by its
   * CRC-32 in 8 bytes, big-endian, as {@link #opened} checks it. A large file of the cache is never
   * held whole in memory (at 100,000 files the pack is 200 MB).
   */
  static void sealed(OutputStream sink, Body body) throws IOException {
    CRC32 crc = new CRC32();
    // Buffered above the checksum: it sees the bytes in their order, in large writes.
    DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(new CheckedOutputStream(sink, crc), 1 << 16));
    body.write(out);
    out.flush();
    new DataOutputStream(sink).writeLong(crc.getValue());
  }

  private static void write(
      OutputStream sink,
      byte[] magic,
      String fingerprint,
      String identity,
      String pack,
      List<String> removed,
      List<Entry> entries,
      Scratch scratch)
      throws IOException {
    sealed(
        sink,
        out -> {
          out.write(magic);
          out.writeShort(FORMAT);
          string(out, fingerprint);
          string(out, identity);
          if (pack != null) {
            string(out, pack);
            out.writeInt(removed.size());
            for (String path : removed) {
              string(out, path);
            }
          }
          out.writeInt(entries.size());
          for (Entry e : entries) {
            string(out, e.path());
            string(out, e.stamp());
            out.write(e.hash());
            out.writeInt(e.length());
            e.writePayload(out, scratch);
          }
        });
  }

  /**
   * The body of a file {@link #sealed(OutputStream, Body) sealed} that starts with {@code magic}
   * (and has room for a format number), read from after the magic to before the CRC; empty when it
   * is too short, starts otherwise or its CRC does not match.
   */
  static Optional<Bytes> opened(byte[] bytes, byte[] magic) {
    if (bytes.length < magic.length + 2 + 8
        || !Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length)) {
      return Optional.empty();
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 8);
    long stored = new Bytes(bytes, bytes.length - 8, bytes.length).u64();
    if (stored != crc.getValue()) {
      return Optional.empty();
    }
    return Optional.of(new Bytes(bytes, magic.length, bytes.length - 8));
  }

  static void string(DataOutputStream out, String text) throws IOException {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  /**
   * A bounds-checked reader of big-endian numbers and strings: a length that runs past the end is
   * {@link Malformed}, never an allocation of what the bytes claim.
   */
  static final class Bytes {

    /** The bytes do not hold what they should. */
    static final class Malformed extends RuntimeException {
      private static final long serialVersionUID = 1L;

      Malformed() {
        super("malformed cache entry", null, false, false);
      }
    }

    private final byte[] data;
    private int pos;
    private final int end;

    Bytes(byte[] data, int from, int end) {
      this.data = data;
      this.pos = from;
      this.end = end;
    }

    boolean atEnd() {
      return pos == end;
    }

    /** Where the next read starts. */
    int position() {
      return pos;
    }

    private void need(long n) {
      if (n < 0 || n > end - pos) {
        throw new Malformed();
      }
    }

    int u8() {
      need(1);
      return data[pos++] & 0xff;
    }

    int u16() {
      need(2);
      int v = ((data[pos] & 0xff) << 8) | (data[pos + 1] & 0xff);
      pos += 2;
      return v;
    }

    int i32() {
      need(4);
      int v =
          ((data[pos] & 0xff) << 24)
              | ((data[pos + 1] & 0xff) << 16)
              | ((data[pos + 2] & 0xff) << 8)
              | (data[pos + 3] & 0xff);
      pos += 4;
      return v;
    }

    long u64() {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | u8();
      }
      return v;
    }

    /** An unsigned variable-length int (7 bits a byte). */
    int varint() {
      int v = 0;
      for (int shift = 0; shift < 35; shift += 7) {
        int b = u8();
        v |= (b & 0x7f) << shift;
        if ((b & 0x80) == 0) {
          if (v < 0) {
            throw new Malformed();
          }
          return v;
        }
      }
      throw new Malformed();
    }

    /** A count of things each at least {@code minBytes} long: never more than the bytes left. */
    int count(int minBytes) {
      int n = i32();
      need((long) n * minBytes);
      return n;
    }

    /** A count written as a varint, checked as {@link #count(int)}. */
    int varcount(int minBytes) {
      int n = varint();
      need((long) n * minBytes);
      return n;
    }

    byte[] bytes(int n) {
      need(n);
      byte[] out = Arrays.copyOfRange(data, pos, pos + n);
      pos += n;
      return out;
    }

    int skip(int n) {
      need(n);
      int at = pos;
      pos += n;
      return at;
    }

    String string() {
      int n = i32();
      need(n);
      String s = new String(data, pos, n, StandardCharsets.UTF_8);
      pos += n;
      return s;
    }

    /** A varint of length and form (low bit 1: UTF-16 code units, 0: UTF-8), then the text. */
    String varstring() {
      int header = varint();
      int n = header >>> 1;
      if ((header & 1) == 0) {
        need(n);
        String s = new String(data, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
      }
      need(2L * n);
      char[] chars = new char[n];
      for (int i = 0; i < n; i++) {
        chars[i] = (char) ((data[pos] & 0xff) << 8 | (data[pos + 1] & 0xff));
        pos += 2;
      }
      return new String(chars);
    }
  }
}
