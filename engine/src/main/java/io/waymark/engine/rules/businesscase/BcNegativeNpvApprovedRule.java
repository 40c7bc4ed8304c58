package io.waymark.engine.rules.businesscase;

import io.waymark.engine.finance.CaseFinancials;
import io.waymark.engine.finding.Numbers;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;

/** An approved business case whose computed NPV is negative. */
public final class BcNegativeNpvApprovedRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "bc-negative-npv-approved",
          Severity.WARNING,
          "business cases",
          "An approved business case has a negative computed NPV.",
          """
          NPV is the CFO's first test: a negative NPV at the case's own discount rate means
          the investment destroys value over its horizon, as the case itself describes it.
          Approving one can be right (a regulatory must-do, a risk-mitigation case, an option
          on later phases), but then the reason belongs in the record: otherwise the
          programme's "positive ROI demonstrated" gate is being walked towards with a case
          that, by its own numbers, loses money. Waymark recomputes the NPV from the costs,
          benefits, contingency, horizon and discount rate (SPEC 3.1) rather than trusting the
          declared figure.""",
          """
          Revisit the case: correct the costs or benefits if they are wrong, shorten the
          scope, or lengthen the horizon if the asset truly lives longer. If the board
          approved it knowingly, say why in the approving Governance decision and suppress
          this finding in waymark.yaml with that reason.""",
          """
          status: approved
          costs:
            - {category: infrastructure, oneOff: 400000}
          contingencyPct: 10
          benefits:
            - {description: Fewer outages, annual: 90000}
          financials: {discountRatePct: 8, horizonYears: 3}    # NPV -208,061.27
          """,
          """
          status: approved
          costs:
            - {category: infrastructure, oneOff: 200000}
          contingencyPct: 10
          benefits:
            - {description: Fewer outages, annual: 90000}
          financials: {discountRatePct: 8, horizonYears: 3}    # NPV 11,938.73
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Findings on a file depend only on that file's documents. */
  @Override
  public RuleScope scope() {
    return RuleScope.perDocument();
  }

  @Override
  public void check(RuleContext context) {
    String currency = context.plan().config().currency();
    for (BusinessCase bc : context.plan().businessCases()) {
      if (!bc.approved()) {
        continue;
      }
      CaseFinancials f = context.financials(bc);
      if (f.npv().signum() >= 0) {
        continue;
      }
      context.report(
          bc.at().location("spec/status"),
          "business case '"
              + bc.metadata().id()
              + "' is approved with a negative NPV: computed "
              + Numbers.money(f.npv(), currency)
              + " from the "
              + CashFlowBasis.describe(f, currency),
          "Correct the costs or benefits if they are wrong; if the board approved a"
              + " value-losing case on purpose, record why in its approval decision.");
    }
  }
}
