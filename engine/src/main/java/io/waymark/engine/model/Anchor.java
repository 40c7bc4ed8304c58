package io.waymark.engine.model;

import io.waymark.engine.finding.Location;
import io.waymark.engine.yaml.YamlMap;
import io.waymark.engine.yaml.YamlNode;

/**
 * Where a model value was written. Rules use it to point a finding at the most specific node (a
 * field of a record) without reading YAML themselves.
 */
public final class Anchor {

  private final String file;
  private final String pointer;
  private final YamlNode node;
  private final boolean detached;

  public Anchor(String file, String pointer, YamlNode node) {
    this(file, pointer, node, false);
  }

  private Anchor(String file, String pointer, YamlNode node, boolean detached) {
    this.file = file;
    this.pointer = pointer;
    this.node = node;
    this.detached = detached;
  }

  /**
   * One anchor for every value of a document read from an older commit: it points at the file only
   * and keeps no node, so a long history holds typed models and never their YAML trees.
   */
  public static Anchor detached(String file) {
    return new Anchor(file, "", null, true);
  }

  /** True for the anchor of a document read from history (see {@link #detached}). */
  public boolean isDetached() {
    return detached;
  }

  /** An anchor for tests and synthetic values: the start of a file. */
  public static Anchor ofFile(String file) {
    return new Anchor(file, "", null);
  }

  public String file() {
    return file;
  }

  public String pointer() {
    return pointer;
  }

  /** The location of the node itself. */
  public Location location() {
    return node == null
        ? Location.ofFile(file)
        : new Location(file, node.line(), node.column(), pointer);
  }

  /**
   * The location of a descendant, by a relative pointer such as {@code "status"} or {@code
   * "financials/declared/npv"}; the nearest existing ancestor when it is absent.
   */
  public Location location(String relative) {
    if (node == null || relative.isEmpty()) {
      return location();
    }
    YamlNode current = node;
    StringBuilder path = new StringBuilder(pointer);
    for (String token : relative.split("/")) {
      YamlNode next = current.at("/" + YamlNode.escape(token)).orElse(null);
      if (next == null) {
        break;
      }
      current = next;
      path.append('/').append(YamlNode.escape(token));
    }
    return new Location(file, current.line(), current.column(), path.toString());
  }

  /** The location of a key inside this mapping (for "unexpected key" style findings). */
  public Location keyLocation(String key) {
    if (node instanceof YamlMap map) {
      return map.entry(key)
          .map(e -> new Location(file, e.line(), e.column(), pointer + "/" + YamlNode.escape(key)))
          .orElse(location());
    }
    return location();
  }

  /** An anchor for a child node. */
  Anchor child(String token, YamlNode child) {
    if (detached) {
      return this;
    }
    return new Anchor(file, pointer + "/" + YamlNode.escape(token), child);
  }

  @Override
  public String toString() {
    return location().toString();
  }
}
