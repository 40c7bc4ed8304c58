package io.waymark.engine.yaml;

import java.util.Optional;

/**
 * A node of a parsed YAML document that remembers where it came from (1-based line and column of
 * its first character). Scalars are already resolved to JSON types as YAML 1.2's core schema does,
 * with the stricter choices of SPEC §8.
 */
public sealed interface YamlNode permits YamlMap, YamlSeq, YamlScalar {

  int line();

  int column();

  /** Number of nodes this node stands for once aliases are expanded (itself included). */
  long weight();

  /**
   * UTF-8 bytes of the scalar text (keys included) this node stands for once aliases are expanded.
   */
  long bytes();

  /** UTF-8 length of a text, without encoding it. */
  static long utf8Length(String text) {
    long n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      n += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }
    return n;
  }

  /** The node at an RFC 6901 JSON Pointer below this one, if there is one. */
  default Optional<YamlNode> at(String pointer) {
    if (pointer.isEmpty()) {
      return Optional.of(this);
    }
    YamlNode current = this;
    for (String raw : pointer.substring(1).split("/", -1)) {
      String token = raw.replace("~1", "/").replace("~0", "~");
      if (current instanceof YamlMap map) {
        current = map.get(token).orElse(null);
      } else if (current instanceof YamlSeq seq && token.matches("\\d{1,9}")) {
        int index = Integer.parseInt(token);
        current = index < seq.items().size() ? seq.items().get(index) : null;
      } else {
        current = null;
      }
      if (current == null) {
        return Optional.empty();
      }
    }
    return Optional.of(current);
  }

  /** Escapes one JSON Pointer reference token. */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
