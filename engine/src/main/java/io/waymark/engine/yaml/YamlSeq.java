package io.waymark.engine.yaml;

import java.util.List;

/** A YAML sequence. */
public record YamlSeq(List<YamlNode> items, int line, int column, long weight, long bytes)
    implements YamlNode {

  public YamlSeq {
    items = List.copyOf(items);
  }

  static YamlSeq of(List<YamlNode> items, int line, int column) {
    long w = 1;
    long b = 0;
    for (YamlNode n : items) {
      w += n.weight();
      b += n.bytes();
    }
    return new YamlSeq(items, line, column, w, b);
  }
}
