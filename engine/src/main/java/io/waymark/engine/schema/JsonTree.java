package io.waymark.engine.schema;

import io.waymark.engine.yaml.YamlMap;
import io.waymark.engine.yaml.YamlNode;
import io.waymark.engine.yaml.YamlScalar;
import io.waymark.engine.yaml.YamlSeq;
import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Converts a YAML node tree into the JSON tree the schema validator reads. */
final class JsonTree {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTree() {}

  static JsonNode of(YamlNode node) {
    if (node instanceof YamlMap map) {
      ObjectNode object = NODES.objectNode();
      for (YamlMap.Entry e : map.entries().values()) {
        object.set(e.key(), of(e.value()));
      }
      return object;
    }
    if (node instanceof YamlSeq seq) {
      ArrayNode array = NODES.arrayNode(seq.items().size());
      for (YamlNode item : seq.items()) {
        array.add(of(item));
      }
      return array;
    }
    YamlScalar scalar = (YamlScalar) node;
    Object value = scalar.value();
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof BigDecimal d) {
      if (!NumberRange.readable(d)) {
        // SchemaCheck reports it; the validator sees a stand-in it can compare without overflow.
        return NumberRange.integerDigits(d) > NumberRange.MAX_INTEGER_DIGITS
            ? NODES.numberNode(d.signum() * NumberRange.CLAMP)
            : NODES.numberNode(0);
      }
      if (scalar.integer()) {
        return d.precision() - d.scale() < 19
            ? NODES.numberNode(d.longValueExact())
            : NODES.numberNode(d.toBigIntegerExact());
      }
      return NODES.numberNode(d);
    }
    return NODES.stringNode((String) value);
  }
}
