package io.waymark.engine.yaml;

import java.math.BigDecimal;

/**
 * A resolved scalar. {@code value} is {@code null}, a {@link Boolean}, a {@link BigDecimal} or a
 * {@link String}; {@code text} is the scalar as written.
 */
public record YamlScalar(Object value, String text, boolean integer, int line, int column)
    implements YamlNode {

  @Override
  public long weight() {
    return 1;
  }

  @Override
  public long bytes() {
    return YamlNode.utf8Length(text);
  }

  public boolean isNull() {
    return value == null;
  }

  public boolean isString() {
    return value instanceof String;
  }

  public boolean isNumber() {
    return value instanceof BigDecimal;
  }

  public boolean isBoolean() {
    return value instanceof Boolean;
  }
}
