package io.waymark.engine.model;

/**
 * A deliberate violation, read only by {@code ArchitectureTest} to prove its rules can fail: the
 * model holding a YAML node and using a rule (with {@code rules.DeliberateViolation}, a cycle).
 */
public final class DeliberateViolation {
  io.waymark.engine.yaml.YamlNode node;
  io.waymark.engine.rules.DeliberateViolation rule;
}
