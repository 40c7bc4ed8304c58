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
    this.entries = Collections.unmodifiableMap(entries);
    this.line = line;
    this.column = column;
    long w = 1;
    long b = 0;
    for (Entry e : entries.values()) {
      w += 1 + e.value().weight();
      b += YamlNode.utf8Length(e.key()) + e.value().bytes();
    }
    this.weight = w;
    this.bytes = b;
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
