package io.waymark.engine.rules.core;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Config;
import io.waymark.engine.model.Kind;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;

/** A Config suppression whose expiry date has passed. */
public final class SuppressionExpiredRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "suppression-expired",
          Severity.WARNING,
          "configuration",
          "A suppression in waymark.yaml has expired; the findings it hid count again.",
          """
          Suppressions are debts with an owner and a due date. When the date passes the
          suppression stops working, so the finding it hid fails the build again, and this
          warning says why the build changed without anyone touching the roadmap.""",
          """
          Fix the underlying findings and delete the suppression, or agree a new date with its
          owner and update `expires` and `reason`.""",
          """
          spec:
            suppressions:
              - {rule: budget-split, file: roadmap.yaml, reason: re-plan in Q2,
                 owner: pmo, expires: 2027-03-31}     # as of 2027-05-01: expired
          """,
          """
          spec:
            suppressions:
              - {rule: budget-split, file: roadmap.yaml, reason: re-plan in Q3,
                 owner: pmo, expires: 2027-09-30}
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Reads only the documents of these kinds. */
  @Override
  public RuleScope scope() {
    return RuleScope.kinds(Kind.CONFIG);
  }

  @Override
  public void check(RuleContext context) {
    for (Config.Suppression s : context.plan().config().suppressions()) {
      if (s.expires().isPresent() && s.expires().get().isBefore(context.asOf())) {
        context.report(
            s.at().location("expires"),
            "suppression of '"
                + s.rule()
                + "' in "
                + s.file()
                + " expired on "
                + s.expires().get()
                + " (owner "
                + s.owner()
                + "); its findings count again",
            "Fix the findings, or renew the suppression with a new 'expires' date and reason.");
      }
    }
  }
}
