package io.waymark.engine.rules;

import io.waymark.engine.finding.Severity;

/**
 * A rule in the engine's rule package name but loaded from the tests' classes: what a rule pack
 * that borrowed the name would be ({@code JudgedAsReadTest}).
 */
public final class OutsideRule implements Rule {

  @Override
  public RuleDescriptor descriptor() {
    return new RuleDescriptor(
        "test-outside", Severity.INFO, "test", "a test rule", "for a test", "nothing", "", "");
  }

  @Override
  public RuleScope scope() {
    return RuleScope.perDocument();
  }

  @Override
  public void check(RuleContext context) {
    // Reads nothing: only where it was loaded from matters.
  }
}
