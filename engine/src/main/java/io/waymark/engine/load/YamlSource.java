package io.waymark.engine.load;

import io.waymark.engine.model.Positions;
import io.waymark.engine.model.SourceNode;
import io.waymark.engine.yaml.YamlMap;
import io.waymark.engine.yaml.YamlNode;
import io.waymark.engine.yaml.YamlScalar;
import io.waymark.engine.yaml.YamlSeq;
import java.util.AbstractList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The YAML reader's nodes as the model's {@link SourceNode} port: a thin view (nothing is copied),
 * so the model is read from YAML without depending on the yaml package.
 */
public final class YamlSource implements SourceNode {

  private final YamlNode node;

  private YamlSource(YamlNode node) {
    this.node = node;
  }

  /** The view of {@code node} and everything below it. */
  public static SourceNode of(YamlNode node) {
    return new YamlSource(node);
  }

  @Override
  public int line() {
    return node.line();
  }

  @Override
  public int column() {
    return node.column();
  }

  @Override
  public Shape shape() {
    if (node instanceof YamlMap) {
      return Shape.MAPPING;
    }
    return node instanceof YamlSeq ? Shape.SEQUENCE : Shape.SCALAR;
  }

  @Override
  public Optional<SourceNode> get(String key) {
    return node instanceof YamlMap map ? map.get(key).map(YamlSource::of) : Optional.empty();
  }

  @Override
  public Set<String> keys() {
    return node instanceof YamlMap map ? map.entries().keySet() : Set.of();
  }

  @Override
  public List<SourceNode> items() {
    if (!(node instanceof YamlSeq seq)) {
      return List.of();
    }
    List<YamlNode> items = seq.items();
    return new AbstractList<>() {
      @Override
      public SourceNode get(int index) {
        return of(items.get(index));
      }

      @Override
      public int size() {
        return items.size();
      }
    };
  }

  @Override
  public Object value() {
    return node instanceof YamlScalar scalar ? scalar.value() : null;
  }

  @Override
  public Optional<? extends Positions> key(String key) {
    return node instanceof YamlMap map
        ? map.entry(key).map(e -> new KeyPosition(e.line(), e.column()))
        : Optional.empty();
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
