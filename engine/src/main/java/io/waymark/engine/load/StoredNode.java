package io.waymark.engine.load;

import io.waymark.engine.model.Positions;
import io.waymark.engine.model.SourceNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A document's tree as the on-disk cache gave it back: what {@link YamlSource} shows of a parsed
 * file (shapes, resolved scalar values, keys in source order, the positions of values and keys),
 * without the parser's nodes. The model and the rules read it exactly as they read a parsed file.
 */
final class StoredNode implements SourceNode {

  /** A mapping key with its position and value. */
  record Keyed(int line, int column, StoredNode value) {}

  private final Shape shape;
  private final int line;
  private final int column;
  private final Object value;
  private final Map<String, Keyed> entries;
  private final List<SourceNode> items;

  private StoredNode(
      Shape shape,
      int line,
      int column,
      Object value,
      Map<String, Keyed> entries,
      List<SourceNode> items) {
    this.shape = shape;
    this.line = line;
    this.column = column;
    this.value = value;
    this.entries = entries;
    this.items = items;
  }

  static StoredNode scalar(Object value, int line, int column) {
    return new StoredNode(Shape.SCALAR, line, column, value, Map.of(), List.of());
  }

  static StoredNode mapping(LinkedHashMap<String, Keyed> entries, int line, int column) {
    return new StoredNode(
        Shape.MAPPING, line, column, null, Collections.unmodifiableMap(entries), List.of());
  }

  static StoredNode sequence(List<SourceNode> items, int line, int column) {
    return new StoredNode(
        Shape.SEQUENCE, line, column, null, Map.of(), Collections.unmodifiableList(items));
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
  public Shape shape() {
    return shape;
  }

  @Override
  public Optional<SourceNode> get(String key) {
    Keyed k = entries.get(key);
    return k == null ? Optional.empty() : Optional.of(k.value());
  }

  @Override
  public Set<String> keys() {
    return entries.keySet();
  }

  @Override
  public List<SourceNode> items() {
    return items;
  }

  @Override
  public Object value() {
    return value;
  }

  @Override
  public Optional<? extends Positions> key(String key) {
    Keyed k = entries.get(key);
    return k == null ? Optional.empty() : Optional.of(new KeyPosition(k.line(), k.column()));
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
