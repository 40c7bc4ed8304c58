package io.waymark.engine.rules;

/**
 * A deliberate violation, read only by {@code ArchitectureTest} to prove its rules can fail: a rule
 * reading the loader's result and a document's source tree, and using the model's violation (a
 * model ⇄ rules cycle).
 */
public final class DeliberateViolation {
  io.waymark.engine.load.LoadResult load;
  io.waymark.engine.model.DeliberateViolation model;

  Object tree(io.waymark.engine.model.Document document) {
    return document.root();
  }
}
