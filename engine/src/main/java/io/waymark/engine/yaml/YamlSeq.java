package io.waymark.engine.yaml;

import java.util.List;

/** A YAML sequence. */
public record YamlSeq(List<YamlNode> items, int line, int column, long weight) implements YamlNode {

  public YamlSeq {
    items = List.copyOf(items);
  }

  static YamlSeq of(List<YamlNode> items, int line, int column) {
    long w = 1;
    for (YamlNode n : items) {
      w += n.weight();
    }
    return new YamlSeq(items, line, column, w);
  }
}
