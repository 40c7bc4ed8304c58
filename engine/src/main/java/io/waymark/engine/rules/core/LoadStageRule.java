package io.waymark.engine.rules.core;

import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleScope;

/**
 * A rule whose findings are made while files are read (syntax, envelope, schema): the loader
 * records them as data and the validator reports them under this rule's id and default severity, so
 * severities, suppressions and the rule catalogue treat them like any other rule. The rule itself
 * has nothing left to check.
 */
abstract class LoadStageRule implements Rule {

  /** Findings on a file depend only on that file's documents. */
  @Override
  public RuleScope scope() {
    return RuleScope.perDocument();
  }

  @Override
  public final void check(RuleContext context) {
    // Reported by the validator (Validator.loadStageFindings), from the loader's result.
  }
}
