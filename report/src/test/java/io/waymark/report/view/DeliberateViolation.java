package io.waymark.report.view;

/**
 * A deliberate violation, read only by {@code ArchitectureTest} to prove its rules can fail: a view
 * model reading the loader's result and discovering the rule registry itself, and (with {@code
 * text.DeliberateViolation}) a view ⇄ text cycle.
 */
public final class DeliberateViolation {
  io.waymark.engine.load.LoadResult load;
  io.waymark.engine.rules.RuleRegistry registry;
  io.waymark.report.text.DeliberateViolation text;
}
