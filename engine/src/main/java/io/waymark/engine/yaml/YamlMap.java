package io.waymark.engine.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A YAML mapping with string keys, in source order; each entry keeps the position of its key. */
public final class YamlMap implements YamlNode {

  /** One key with its value; {@code line}/{@code column} are the key's position. */
  public record Entry(String key, int line, int column, YamlNode value) {}

  private final Map<String, Entry> entries;
  private final int line;
  private final int column;
  private final long weight;
  private final long bytes;

  /**
   * A mapping over {@code entries}, a map the caller made for it and hands over (no copy: the
   * reader makes one per mapping and never touches it again).
   */
  YamlMap(LinkedHashMap<String, Entry> entries, int line, int column) {
    this(entries, line, column, weight(entries), bytes(entries));
  }

  /**
   * As {@link #YamlMap(LinkedHashMap, int, int)}, with the weight and bytes the reader counted
   * while it placed the entries (the same sums, each text measured once).
   */
  YamlMap(LinkedHashMap<String, Entry> entries, int line, int column, long weight, long bytes) {
    this.entries = Collections.unmodifiableMap(entries);
    this.line = line;
    this.column = column;
    this.weight = weight;
    this.bytes = bytes;
  }

  /** 1, and 1 for each entry and the weight of its value. */
  static long weight(Map<String, Entry> entries) {
    long w = 1;
    for (Entry e : entries.values()) {
      w += 1 + e.value().weight();
    }
    return w;
  }

  /** The UTF-8 lengths of the keys and the bytes of the values. */
  static long bytes(Map<String, Entry> entries) {
    long b = 0;
    for (Entry e : entries.values()) {
      b += YamlNode.utf8Length(e.key()) + e.value().bytes();
    }
    return b;
  }

  public Map<String, Entry> entries() {
    return entries;
  }

  public Optional<YamlNode> get(String key) {
    Entry e = entries.get(key);
    return e == null ? Optional.empty() : Optional.of(e.value());
  }

  public Optional<Entry> entry(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  @Override
  public int line() {
    return line;
  }

  @Override
  public int column() {
    return column;
  }

  @Override
  public long weight() {
    return weight;
  }

  @Override
  public long bytes() {
    return bytes;
  }
}
