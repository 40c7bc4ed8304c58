package io.waymark.engine.load;

import io.waymark.engine.model.Positions;
import io.waymark.engine.model.SourceNode;
import java.util.AbstractList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A document's tree as the on-disk cache gives it back ({@link OutcomeCodec}): its {@link
 * NodePositions} (one {@code int} array and the keys) and the scalar values beside them in one
 * array indexed by node, instead of a node object and a map per mapping. The model and the rules
 * read it exactly as they read a parsed file's {@link YamlSource}; {@link #released()} drops the
 * values as {@link YamlSource#released} does, so a valid document keeps its positions only.
 */
final class PackedSource implements SourceNode {

  private final NodePositions positions;

  /** Scalar values by node offset ({@link NodePositions#offset()}), or null once released. */
  private final Object[] values;

  PackedSource(NodePositions positions, Object[] values) {
    this.positions = positions;
    this.values = values;
  }

  /** The same tree with its positions only: shapes, keys and places, no values. */
  PackedSource released() {
    return values == null ? this : new PackedSource(positions, null);
  }

  @Override
  public Positions positions() {
    return positions;
  }

  @Override
  public int line() {
    return positions.line();
  }

  @Override
  public int column() {
    return positions.column();
  }

  @Override
  public Shape shape() {
    return positions.kind();
  }

  @Override
  public Optional<SourceNode> get(String key) {
    NodePositions p = positions.value(key);
    return p == null ? Optional.empty() : Optional.of(new PackedSource(p, values));
  }

  @Override
  public Set<String> keys() {
    return positions.isMapping() ? new LinkedHashSet<>(positions.keys()) : Set.of();
  }

  @Override
  public List<SourceNode> items() {
    if (!positions.isSequence()) {
      return List.of();
    }
    return new AbstractList<>() {
      @Override
      public SourceNode get(int index) {
        return new PackedSource(positions.at(Objects.checkIndex(index, size())), values);
      }

      @Override
      public int size() {
        return positions.size();
      }
    };
  }

  @Override
  public Object value() {
    return values == null || positions.isMapping() || positions.isSequence()
        ? null
        : values[positions.offset()];
  }

  @Override
  public Optional<? extends Positions> key(String key) {
    return positions.key(key);
  }
}
