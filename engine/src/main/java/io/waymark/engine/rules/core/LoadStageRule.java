package io.waymark.engine.rules.core;

import io.waymark.engine.finding.Finding;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;

/**
 * A rule whose findings are made while files are read (syntax, envelope, schema): the loader
 * records them as data and this rule reports them, so severities, suppressions and the rule
 * catalogue treat them like any other rule.
 */
abstract class LoadStageRule implements Rule {

  @Override
  public final void check(RuleContext context) {
    for (Finding f : context.load().problems(descriptor().id())) {
      context.report(f.location(), f.message(), f.hint());
    }
  }
}
