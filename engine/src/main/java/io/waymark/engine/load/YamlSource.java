package io.waymark.engine.load;

import io.waymark.engine.model.Positions;
import io.waymark.engine.model.SourceNode;
import io.waymark.engine.yaml.YamlMap;
import io.waymark.engine.yaml.YamlNode;
import io.waymark.engine.yaml.YamlScalar;
import io.waymark.engine.yaml.YamlSeq;
import java.util.AbstractList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The YAML reader's nodes as the model's {@link SourceNode} port: a thin view (nothing is copied),
 * so the model is read from YAML without depending on the yaml package. Its {@link #positions()}
 * are a compact tree of where each node is written ({@link NodePositions}): anchors keep those, not
 * the YAML nodes, so once a document's model is read its node tree can go.
 */
public final class YamlSource implements SourceNode {

  /** The node, or {@code null} for a view that kept positions only (see {@link #released}). */
  private final YamlNode node;

  private final NodePositions positions;

  private YamlSource(YamlNode node, NodePositions positions) {
    this.node = node;
    this.positions = positions;
  }

  /** The view of {@code node} and everything below it. */
  public static SourceNode of(YamlNode node) {
    return new YamlSource(node, NodePositions.of(node));
  }

  /**
   * The same tree with its positions only: shapes, keys and where everything is written, but no
   * values ({@link #value()} is {@code null}). For a document whose model is read: the values live
   * in the model.
   */
  static SourceNode released(SourceNode source) {
    if (source instanceof PackedSource packed) {
      return packed.released();
    }
    return source instanceof YamlSource y ? new YamlSource(null, y.positions) : source;
  }

  /**
   * The same tree in the compact form the on-disk cache gives back ({@link PackedSource}): its
   * positions and its scalar values in one array, without a node object and a map per mapping. For
   * a document that failed its schema and so keeps its values (the id index reads its loose ids): a
   * large repository holds the few values it needs, not a YAML tree per invalid document.
   */
  static SourceNode packed(SourceNode source) {
    if (!(source instanceof YamlSource y) || y.node == null || y.positions.offset() != 0) {
      return source;
    }
    Object[] values = new Object[y.positions.extent()];
    fill(y.node, y.positions, values);
    return new PackedSource(y.positions, values);
  }

  /** Puts each scalar's value of {@code node} at its offset in {@code values}. */
  private static void fill(YamlNode node, NodePositions at, Object[] values) {
    if (node instanceof YamlMap map) {
      int i = 0;
      for (YamlMap.Entry e : map.entries().values()) {
        fill(e.value(), at.at(i++), values);
      }
    } else if (node instanceof YamlSeq seq) {
      List<YamlNode> items = seq.items();
      for (int i = 0; i < items.size(); i++) {
        fill(items.get(i), at.at(i), values);
      }
    } else if (node instanceof YamlScalar scalar) {
      values[at.offset()] = scalar.value();
    }
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
    if (node == null) {
      return positions.kind();
    }
    if (node instanceof YamlMap) {
      return Shape.MAPPING;
    }
    return node instanceof YamlSeq ? Shape.SEQUENCE : Shape.SCALAR;
  }

  @Override
  public Optional<SourceNode> get(String key) {
    if (node == null) {
      NodePositions p = positions.value(key);
      return p == null ? Optional.empty() : Optional.of(new YamlSource(null, p));
    }
    if (!(node instanceof YamlMap map)) {
      return Optional.empty();
    }
    Optional<YamlNode> value = map.get(key);
    return value.isEmpty()
        ? Optional.empty()
        : Optional.of(new YamlSource(value.get(), positions.value(key)));
  }

  @Override
  public Set<String> keys() {
    if (node == null) {
      return positions.isMapping() ? new LinkedHashSet<>(positions.keys()) : Set.of();
    }
    return node instanceof YamlMap map ? map.entries().keySet() : Set.of();
  }

  @Override
  public List<SourceNode> items() {
    if (node == null ? !positions.isSequence() : !(node instanceof YamlSeq)) {
      return List.of();
    }
    List<YamlNode> items = node == null ? null : ((YamlSeq) node).items();
    return new AbstractList<>() {
      @Override
      public SourceNode get(int index) {
        return new YamlSource(items == null ? null : items.get(index), positions.at(index));
      }

      @Override
      public int size() {
        return positions.size();
      }
    };
  }

  @Override
  public Object value() {
    return node instanceof YamlScalar scalar ? scalar.value() : null;
  }

  @Override
  public Optional<? extends Positions> key(String key) {
    return positions.key(key);
  }
}
