package io.waymark.engine.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * A copy of a node tree without some sequence items, named by JSON Pointer. Used to check whether
 * the rest of a document is schema-valid once the items that hold schema errors are set aside. The
 * copy's pointers shift (a removed item renumbers the ones after it), so it is only ever checked,
 * never reported on.
 */
public final class YamlPruning {

  private YamlPruning() {}

  /** {@code root} without the sequence items whose pointers are in {@code excluded}. */
  public static YamlNode without(YamlNode root, Set<String> excluded) {
    return copy(root, "", excluded);
  }

  private static YamlNode copy(YamlNode node, String pointer, Set<String> excluded) {
    if (node instanceof YamlMap map) {
      LinkedHashMap<String, YamlMap.Entry> entries = new LinkedHashMap<>();
      for (YamlMap.Entry e : map.entries().values()) {
        YamlNode value = copy(e.value(), pointer + "/" + YamlNode.escape(e.key()), excluded);
        entries.put(e.key(), new YamlMap.Entry(e.key(), e.line(), e.column(), value));
      }
      return new YamlMap(entries, map.line(), map.column());
    }
    if (node instanceof YamlSeq seq) {
      List<YamlNode> items = new ArrayList<>();
      for (int i = 0; i < seq.items().size(); i++) {
        String itemPointer = pointer + "/" + i;
        if (!excluded.contains(itemPointer)) {
          items.add(copy(seq.items().get(i), itemPointer, excluded));
        }
      }
      return YamlSeq.of(items, seq.line(), seq.column());
    }
    return node;
  }
}
