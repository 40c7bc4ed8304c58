package io.waymark.engine.yaml;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Trusted JSON (Waymark's own bundled schema files) read as plain values with the YAML library,
 * since JSON is YAML: a JSON object is a {@code Map<String, Object>} in the file's order, an array
 * a {@code List<Object>}, a string a {@code String}, a number a {@code BigDecimal} exactly as
 * written, {@code true} and {@code false} a {@code Boolean}, and {@code null} {@link #NULL}. The
 * quick schema verdict compiles from these, so that a run whose documents it finds valid never
 * starts the full validator's JSON library.
 */
public final class PlainJson {

  /** JSON's {@code null} (a map holds no Java null). */
  public static final Object NULL =
      new Object() {
        @Override
        public String toString() {
          return "null";
        }
      };

  private PlainJson() {}

  /** The value of a JSON text. */
  public static Object read(String text) {
    LoadSettings settings = LoadSettings.builder().setLabel("bundled JSON").build();
    Composer composer =
        new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
    if (!composer.hasNext()) {
      throw new IllegalArgumentException("empty JSON text");
    }
    return value(composer.next());
  }

  /** The value at a JSON Pointer (RFC 6901) in {@code root}, if there is one. */
  public static Optional<Object> at(Object root, String pointer) {
    if (pointer.isEmpty()) {
      return Optional.of(root);
    }
    if (pointer.charAt(0) != '/') {
      return Optional.empty();
    }
    Object here = root;
    for (String token : pointer.substring(1).split("/", -1)) {
      String key = token.replace("~1", "/").replace("~0", "~");
      if (here instanceof Map<?, ?> map && map.containsKey(key)) {
        here = map.get(key);
      } else if (here instanceof List<?> list
          && key.matches("0|[1-9][0-9]{0,8}")
          && Integer.parseInt(key) < list.size()) {
        here = list.get(Integer.parseInt(key));
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(here);
  }

  private static Object value(Node node) {
    if (node instanceof MappingNode mapping) {
      Map<String, Object> object = new LinkedHashMap<>();
      for (NodeTuple t : mapping.getValue()) {
        if (!(t.getKeyNode() instanceof ScalarNode key)) {
          throw new IllegalArgumentException("a JSON object's key is not a string");
        }
        object.put(key.getValue(), value(t.getValueNode()));
      }
      return object;
    }
    if (node instanceof SequenceNode sequence) {
      List<Object> array = new ArrayList<>();
      sequence.getValue().forEach(item -> array.add(value(item)));
      return array;
    }
    ScalarNode scalar = (ScalarNode) node;
    String text = scalar.getValue();
    if (scalar.getScalarStyle() != ScalarStyle.PLAIN) {
      return text; // JSON writes every string in quotes
    }
    return switch (text) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      case "null" -> NULL;
      default -> new BigDecimal(text);
    };
  }
}
