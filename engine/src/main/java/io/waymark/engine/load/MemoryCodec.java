package io.waymark.engine.load;

import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Location;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Kind;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The bytes of what one validation keeps for the next on disk (the rule memory: what each file was,
 * the kinds of document it held, every rule's findings), kept in {@link FolderCache#RULES} inside
 * the framing of a {@link StoredRun} (magic, format version, the file's own identity, the inputs it
 * was judged with, CRC-32). Its own format, never Java serialisation:
 *
 * <pre>
 * u16 version · string as-of date
 * · varint n · n × (string path · string stamp)
 * · varint n · n × (string path · varint kinds, one bit per {@link Kind} ordinal)
 * · varint n · n × (string rule · varint m · m × finding)
 * finding: string rule · u8 severity · string file · varint line · varint column · string pointer
 *          · string message · string hint
 * string: varint (length &lt;&lt; 1 | form) · UTF-8 bytes (form 0) or UTF-16 code units (form 1)
 * </pre>
 *
 * A payload that does not decode exactly (a count past the end, an unknown kind or severity, a line
 * below 1, bytes left over) is no memory: the run judges everything.
 */
public final class MemoryCodec {

  static final int VERSION = 1;

  private MemoryCodec() {}

  /**
   * A rule memory as stored.
   *
   * @param asOf the as-of date the rules judged with
   * @param stamps path → what the file was (its listing or the digest of its bytes)
   * @param kinds path → the kinds of document it held
   * @param findings rule id → its findings
   */
  public record Memory(
      String asOf,
      Map<String, String> stamps,
      Map<String, Set<Kind>> kinds,
      Map<String, List<Finding>> findings) {}

  /**
   * The bytes of {@code memory}, in the order of paths and rule ids (the same memory, the same
   * bytes).
   */
  public static byte[] encode(Memory memory) {
    try {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 * (memory.stamps().size() + 16));
      DataOutputStream out = new DataOutputStream(buffer);
      out.writeShort(VERSION);
      string(out, memory.asOf());
      Map<String, String> stamps = memory.stamps();
      varint(out, stamps.size());
      for (String path : sorted(stamps)) {
        string(out, path);
        string(out, stamps.get(path));
      }
      Map<String, Set<Kind>> kinds = memory.kinds();
      varint(out, kinds.size());
      for (String path : sorted(kinds)) {
        string(out, path);
        int mask = 0;
        for (Kind k : kinds.get(path)) {
          mask |= 1 << k.ordinal();
        }
        varint(out, mask);
      }
      Map<String, List<Finding>> findings = new TreeMap<>(memory.findings());
      varint(out, findings.size());
      for (Map.Entry<String, List<Finding>> e : findings.entrySet()) {
        string(out, e.getKey());
        varint(out, e.getValue().size());
        for (Finding f : e.getValue()) {
          string(out, f.rule());
          out.writeByte(f.severity().ordinal());
          string(out, f.location().file());
          varint(out, f.location().line());
          varint(out, f.location().column());
          string(out, f.location().path());
          string(out, f.message());
          string(out, f.hint());
        }
      }
      out.flush();
      return buffer.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array never fails
    }
  }

  /** The memory in {@code bytes}, or empty when they are not exactly what {@link #encode} wrote. */
  public static Optional<Memory> decode(byte[] bytes) {
    try {
      CachePack.Bytes in = new CachePack.Bytes(bytes, 0, bytes.length);
      if (in.u16() != VERSION) {
        return Optional.empty();
      }
      String asOf = in.varstring();
      int n = in.varcount(2);
      Map<String, String> stamps = new LinkedHashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        stamps.put(in.varstring(), in.varstring());
      }
      Kind[] all = Kind.values();
      n = in.varcount(2);
      Map<String, Set<Kind>> kinds = new LinkedHashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        String path = in.varstring();
        int mask = in.varint();
        if (mask == 0 || (all.length < 31 && mask >>> all.length != 0)) {
          return Optional.empty();
        }
        Set<Kind> set = EnumSet.noneOf(Kind.class);
        for (Kind k : all) {
          if ((mask & (1 << k.ordinal())) != 0) {
            set.add(k);
          }
        }
        kinds.put(path, Set.copyOf(set));
      }
      Severity[] severities = Severity.values();
      n = in.varcount(2);
      Map<String, List<Finding>> findings = new HashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        String rule = in.varstring();
        int m = in.varcount(8);
        List<Finding> list = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
          String id = in.varstring();
          int severity = in.u8();
          if (severity >= severities.length) {
            return Optional.empty();
          }
          Location at = new Location(in.varstring(), in.varint(), in.varint(), in.varstring());
          list.add(new Finding(id, severities[severity], at, in.varstring(), in.varstring()));
        }
        findings.put(rule, List.copyOf(list));
      }
      if (!in.atEnd()) {
        return Optional.empty();
      }
      return Optional.of(new Memory(asOf, stamps, kinds, findings));
    } catch (RuntimeException malformed) {
      // A count past the end, a line below 1, a null: not what this Waymark wrote.
      return Optional.empty();
    }
  }

  /**
   * The keys of {@code map}, sorted: as they come when they come sorted already (a run's memory
   * notes its files in the order of the sorted listing, a decoded one keeps the stored order), so
   * that ten thousand paths with long common prefixes are compared once each, not sorted again.
   */
  private static String[] sorted(Map<String, ?> map) {
    String[] keys = map.keySet().toArray(new String[0]);
    for (int i = 1; i < keys.length; i++) {
      if (keys[i - 1].compareTo(keys[i]) > 0) {
        Arrays.sort(keys);
        break;
      }
    }
    return keys;
  }

  private static void varint(DataOutputStream out, int value) throws IOException {
    int v = value;
    while ((v & ~0x7f) != 0) {
      out.writeByte((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out.writeByte(v);
  }

  /** UTF-8 when the text is well formed (no lone surrogate), else its UTF-16 code units. */
  private static void string(DataOutputStream out, String text) throws IOException {
    boolean surrogates = false;
    for (int i = 0; i < text.length() && !surrogates; i++) {
      surrogates = Character.isSurrogate(text.charAt(i));
    }
    if (!surrogates) {
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      varint(out, utf8.length << 1);
      out.write(utf8);
      return;
    }
    varint(out, text.length() << 1 | 1);
    for (int i = 0; i < text.length(); i++) {
      out.writeChar(text.charAt(i));
    }
  }
}
