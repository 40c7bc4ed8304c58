package io.waymark.engine.schema;

/** A schema tried to load something other than a bundled schema. */
public final class SchemaRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SchemaRefusedException(String message) {
    super(message);
  }
}
