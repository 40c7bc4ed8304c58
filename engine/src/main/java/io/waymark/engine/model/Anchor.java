package io.waymark.engine.model;

import io.waymark.engine.finding.Location;

/**
 * Where a model value was written. Rules use it to point a finding at the most specific node (a
 * field of a record) without reading YAML themselves. It keeps the {@link Positions} of the value,
 * never its node: what the value was is in the model record, where it was is here.
 */
public final class Anchor {

  private final String file;
  private final String pointer;
  private final Positions node;
  private final boolean detached;

  public Anchor(String file, String pointer, Positions node) {
    this(file, pointer, node, false);
  }

  private Anchor(String file, String pointer, Positions node, boolean detached) {
    this.file = file;
    this.pointer = pointer;
    // A source node's positions only: the anchor must not keep the values' tree alive.
    this.node = node instanceof SourceNode source ? source.positions() : node;
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
    Positions current = node;
    StringBuilder path = new StringBuilder(pointer);
    for (String token : relative.split("/")) {
      Positions next = current.child(token).orElse(null);
      if (next == null) {
        break;
      }
      current = next;
      path.append('/').append(escape(token));
    }
    return new Location(file, current.line(), current.column(), path.toString());
  }

  /** The location of a key inside this mapping (for "unexpected key" style findings). */
  public Location keyLocation(String key) {
    if (node == null) {
      return location();
    }
    return node.key(key)
        .<Location>map(k -> new Location(file, k.line(), k.column(), pointer + "/" + escape(key)))
        .orElse(location());
  }

  /** An anchor for a child node. */
  Anchor child(String token, Positions child) {
    if (detached) {
      return this;
    }
    return new Anchor(file, pointer + "/" + escape(token), child);
  }

  /** Escapes one JSON Pointer reference token (RFC 6901). */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  @Override
  public String toString() {
    return location().toString();
  }
}
