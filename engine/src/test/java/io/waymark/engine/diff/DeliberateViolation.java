package io.waymark.engine.diff;

/**
 * A deliberate violation, read only by {@code ArchitectureTest} to prove its rules can fail: {@code
 * waymark diff} using a rule.
 */
public final class DeliberateViolation {
  io.waymark.engine.rules.Rule rule;
}
