package io.waymark.engine.rules;

/**
 * One check with a stable id. Implementations are discovered with {@link java.util.ServiceLoader}
 * (register them in {@code META-INF/services/io.waymark.engine.rules.Rule}), so a company can ship
 * its own rules in a jar on the class path.
 *
 * <p>A rule reads the typed model from the context and reports findings through it; it never throws
 * for bad input (a finding is data) and never does I/O.
 */
public interface Rule {

  RuleDescriptor descriptor();

  void check(RuleContext context);

  /**
   * What this rule's findings depend on, for incremental runs (the language server re-runs after a
   * keystroke only the rules whose inputs changed). The default, {@link RuleScope#wholePlan()}, is
   * always correct; a narrower scope must be honest: the engine's tests compare every built-in
   * rule's incremental findings with a full run's.
   */
  default RuleScope scope() {
    return RuleScope.wholePlan();
  }
}
