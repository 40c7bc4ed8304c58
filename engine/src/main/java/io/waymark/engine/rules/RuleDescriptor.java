package io.waymark.engine.rules;

import io.waymark.engine.finding.Severity;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a rule is, for people: its stable id, default severity, group, a one-line summary, the
 * rationale (with the methodology fact behind it), how to fix a finding, and a small failing and
 * passing example. {@code waymark rules}, {@code waymark explain} and {@code docs/rules.md} are
 * generated from it.
 */
public record RuleDescriptor(
    String id,
    Severity severity,
    String group,
    String summary,
    String rationale,
    String fix,
    String failingExample,
    String passingExample) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  public RuleDescriptor {
    Objects.requireNonNull(severity, "severity");
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("rule id must be kebab-case: " + id);
    }
    for (String text : new String[] {group, summary, rationale, fix}) {
      if (text == null || text.isBlank()) {
        throw new IllegalArgumentException(
            "rule " + id + " needs a group, summary, rationale and fix");
      }
    }
    failingExample = failingExample == null ? "" : failingExample.strip();
    passingExample = passingExample == null ? "" : passingExample.strip();
  }
}
