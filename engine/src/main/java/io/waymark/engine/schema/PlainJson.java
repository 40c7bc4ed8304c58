package io.waymark.engine.schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Trusted JSON (Waymark's own bundled schema files) read as plain values: a JSON object is a {@code
 * Map<String, Object>} in the file's order, an array a {@code List<Object>}, a string a {@code
 * String}, a number a {@code BigDecimal} exactly as written, {@code true} and {@code false} a
 * {@code Boolean}, and {@code null} {@link #NULL}. The quick schema verdict compiles from these.
 *
 * <p>Read with Jackson's streaming parser (jackson-core alone: no object mapper, none of the full
 * validator's classes). It used to be the YAML library, since JSON is YAML; that took 40 to 50 ms
 * for the ten bundled files once the JVM had warmed up, and several times that in a fresh JVM,
 * against 3 ms and 35 to 50 ms here: every start that compiles a schema paid it (the pre-commit
 * hook on its main thread).
 */
final class PlainJson {

  private static final JsonFactory JSON = new JsonFactory();

  /** JSON's {@code null} (a map holds no Java null). */
  public static final Object NULL =
      new Object() {
        @Override
        public String toString() {
          return "null";
        }
      };

  private PlainJson() {}

  /** The value of a JSON text (one value; anything after it is refused). */
  static Object read(String text) {
    try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new IllegalArgumentException("empty JSON text");
      }
      Object value = value(parser, first);
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("more than one value in a JSON text");
      }
      return value;
    }
  }

  /** The value at a JSON Pointer (RFC 6901) in {@code root}, if there is one. */
  static Optional<Object> at(Object root, String pointer) {
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

  /** The value that begins with {@code token}, read to its end. */
  private static Object value(JsonParser parser, JsonToken token) {
    return switch (token) {
      case START_OBJECT -> {
        Map<String, Object> object = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
          String name = parser.currentName();
          object.put(name, value(parser, parser.nextToken()));
        }
        yield object;
      }
      case START_ARRAY -> {
        List<Object> array = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          array.add(value(parser, t));
        }
        yield array;
      }
      case VALUE_STRING -> parser.getString();
      // The number as written (its text), as the verdict compares it: 2.50 keeps its scale.
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new BigDecimal(parser.getString());
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> NULL;
      default -> throw new IllegalArgumentException("unexpected JSON token " + token);
    };
  }
}
