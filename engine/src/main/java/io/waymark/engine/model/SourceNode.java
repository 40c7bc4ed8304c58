package io.waymark.engine.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One node of the tree a document was written as, read-only: a mapping with string keys in source
 * order, a sequence, or a scalar already resolved to {@code null}, a {@link Boolean}, a {@link
 * BigDecimal} or a {@link String}. The model is read from this port; the {@code load} package
 * adapts the YAML reader's nodes to it, so the model depends on no parser.
 */
public interface SourceNode extends Positions {

  /** What a node is. */
  enum Shape {
    MAPPING,
    SEQUENCE,
    SCALAR
  }

  Shape shape();

  /** The value under {@code key} of a mapping; empty for an absent key or any other node. */
  Optional<SourceNode> get(String key);

  /** The keys of a mapping in source order; empty for any other node. */
  Set<String> keys();

  /** The items of a sequence; empty for any other node. */
  List<SourceNode> items();

  /**
   * The value of a scalar: {@code null}, a {@link Boolean}, a {@link BigDecimal} or a {@link
   * String}; {@code null} for a mapping or a sequence.
   */
  Object value();

  /**
   * Where this node and everything below it is written, without the values: what an {@link Anchor}
   * keeps, so a model holds no parser's tree. The node itself by default.
   */
  default Positions positions() {
    return this;
  }

  @Override
  default Optional<SourceNode> child(String token) {
    return switch (shape()) {
      case MAPPING -> get(token);
      case SEQUENCE -> {
        List<SourceNode> items = items();
        if (!token.matches("\\d{1,9}")) {
          yield Optional.empty();
        }
        int index = Integer.parseInt(token);
        yield index < items.size() ? Optional.of(items.get(index)) : Optional.empty();
      }
      case SCALAR -> Optional.empty();
    };
  }
}
