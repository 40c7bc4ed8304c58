package io.waymark.engine.spend;

/**
 * A deliberate violation, read only by {@code ArchitectureTest} to prove its rules can fail: a
 * calculation using the facade.
 */
public final class DeliberateViolation {
  io.waymark.engine.Validator validator;
}
