package io.waymark.engine.model;

import io.waymark.engine.finding.Location;

/**
 * Where a model value was written. Rules use it to point a finding at the most specific node (a
 * field of a record) without reading YAML themselves. It keeps the {@link Positions} of the value,
 * never its node: what the value was is in the model record, where it was is here.
 */
public final class Anchor {

  /** Index tokens of the first items of a list, one copy each. */
  private static final String[] INDEX_TOKENS = new String[64];

  static {
    for (int i = 0; i < INDEX_TOKENS.length; i++) {
      INDEX_TOKENS[i] = Integer.toString(i).intern();
    }
  }

  /**
   * The anchor this one is a child of, or {@code null} when {@link #pointer} was given whole. A
   * model holds an anchor for about every value it read: the pointer of each is written only when
   * asked (findings, exclusions), not kept as a string per value.
   */
  private final Anchor parent;

  /**
   * Below a {@link #parent}: the reference token, not escaped. Without one: the file. One field for
   * both, as a child's file is its parent's: an anchor per model value stays four references and an
   * index (32 bytes, not 40; 11 MB of a 100,000-document run).
   */
  private final String name;

  /** The JSON Pointer, once written (always set without a parent). */
  private String pointer;

  /**
   * Where the value is written: a {@link Positions}, or the {@link Positions.Table} of its whole
   * document when the positions are kept as one (then {@link #index} names the value in it), so
   * that an anchor per model value is one object, not an anchor and a view; null for none.
   */
  private final Object node;

  /**
   * The value's index in its {@link Positions.Table}; {@link #DETACHED} for an anchor of a document
   * read from history; 0 otherwise.
   */
  private final int index;

  /** The {@link #index} of a {@link #detached} anchor (it has no table). */
  private static final int DETACHED = -1;

  public Anchor(String file, String pointer, Positions node) {
    this(null, file, pointer, node, false);
  }

  private Anchor(Anchor parent, String name, String pointer, Positions node, boolean detached) {
    this.parent = parent;
    this.name = name;
    this.pointer = pointer;
    // A source node's positions only: the anchor must not keep the values' tree alive.
    Positions positions = node instanceof SourceNode source ? source.positions() : node;
    Positions.Table table = positions == null ? null : positions.table();
    this.node = table != null ? table : positions;
    this.index = table != null ? positions.index() : detached ? DETACHED : 0;
  }

  /** The token of item {@code i} of a list ({@code String.valueOf(i)}, shared when small). */
  static String indexToken(int i) {
    return i >= 0 && i < INDEX_TOKENS.length ? INDEX_TOKENS[i] : Integer.toString(i);
  }

  /**
   * One anchor for every value of a document read from an older commit: it points at the file only
   * and keeps no node, so a long history holds typed models and never their YAML trees.
   */
  public static Anchor detached(String file) {
    return new Anchor(null, file, "", null, true);
  }

  /** True for the anchor of a document read from history (see {@link #detached}). */
  public boolean isDetached() {
    return index == DETACHED;
  }

  /** An anchor for tests and synthetic values: the start of a file. */
  public static Anchor ofFile(String file) {
    return new Anchor(file, "", null);
  }

  public String file() {
    Anchor a = this;
    while (a.parent != null) {
      a = a.parent;
    }
    return a.name;
  }

  public String pointer() {
    String p = pointer;
    if (p == null) {
      // Written once per anchor asked; a race writes the same string twice, harmlessly.
      p = parent.pointer() + "/" + escape(name);
      pointer = p;
    }
    return p;
  }

  /** The positions of the value, or null for none. */
  private Positions positions() {
    return node instanceof Positions.Table table ? table.node(index) : (Positions) node;
  }

  /** The location of the node itself. */
  public Location location() {
    Positions at = positions();
    return at == null
        ? Location.ofFile(file())
        : new Location(file(), at.line(), at.column(), pointer());
  }

  /**
   * The location of a descendant, by a relative pointer such as {@code "status"} or {@code
   * "financials/declared/npv"}; the nearest existing ancestor when it is absent.
   */
  public Location location(String relative) {
    if (node == null || relative.isEmpty()) {
      return location();
    }
    Positions current = positions();
    StringBuilder path = new StringBuilder(pointer());
    for (String token : relative.split("/")) {
      Positions next = current.child(token).orElse(null);
      if (next == null) {
        break;
      }
      current = next;
      path.append('/').append(escape(token));
    }
    return new Location(file(), current.line(), current.column(), path.toString());
  }

  /** The location of a key inside this mapping (for "unexpected key" style findings). */
  public Location keyLocation(String key) {
    if (node == null) {
      return location();
    }
    return positions()
        .key(key)
        .<Location>map(
            k -> new Location(file(), k.line(), k.column(), pointer() + "/" + escape(key)))
        .orElse(location());
  }

  /** An anchor for a child node. */
  Anchor child(String token, Positions child) {
    if (isDetached()) {
      return this;
    }
    return new Anchor(this, token, null, child, false);
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
