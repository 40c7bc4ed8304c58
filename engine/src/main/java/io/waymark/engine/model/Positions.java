package io.waymark.engine.model;

import java.util.Optional;

/**
 * Where a value of a document is written, and where the values inside it are: positions only, never
 * the values themselves. An {@link Anchor} keeps one, so a finding can point at the most specific
 * node (a field of a record, a key) while the model holds no parser's node tree.
 */
public interface Positions {

  /** 1-based line of the value's first character. */
  int line();

  /** 1-based column of the value's first character. */
  int column();

  /**
   * The positions of the value under a mapping key or at a sequence index ({@code token} is one
   * unescaped JSON Pointer reference token), if there is one.
   */
  Optional<? extends Positions> child(String token);

  /** Where {@code key} itself is written, when this is a mapping that has it. */
  Optional<? extends Positions> key(String key);

  /**
   * The positions of a whole document kept as one table, when this node is one of its entries (at
   * {@link #index()}); null otherwise. An {@link Anchor} then keeps the table and the index, not
   * this object: a model holds an anchor for about every value it read.
   */
  default Table table() {
    return null;
  }

  /** This node's index in its {@link #table()}; unused without one. */
  default int index() {
    return 0;
  }

  /** The positions of one document, each node named by an index. */
  interface Table {
    /** The node at {@code index}, as {@link Positions#index()} of one of its nodes gave it. */
    Positions node(int index);
  }
}
