package io.waymark.engine.rules.businesscase;

import io.waymark.engine.finance.CaseSensitivity;
import io.waymark.engine.finding.Numbers;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;

/** An approved case whose NPV turns negative when its benefits fall by 10 %. */
public final class BcFragileRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "bc-fragile",
          Severity.WARNING,
          "business cases",
          "An approved business case whose NPV turns negative when its benefits fall by 10%.",
          """
          Benefit estimates are the least certain figures of a business case: adoption is
          slower, the saving is smaller, the ramp-up longer. A case that only creates value if
          every benefit arrives in full is a bet, not an investment, and the board should know
          it approved one. Waymark moves every benefit down by 10% (costs unchanged) and
          recomputes the NPV exactly; the break-even margin in the message is how far the
          benefits may fall before the NPV is negative: NPV / present value of the benefits.
          `waymark validate --format json` lists the margins and the NPV and payback at
          -20%, -10%, +10% and +20% on benefits and on costs for every approved or proposed
          case; the QBR draws them as a tornado chart.""",
          """
          Make the case robust before relying on it: cut or stage the costs, phase the
          investment so that the first stage pays for itself, or show why the benefits are
          firm (contracted savings, measured baselines). If the board accepts the risk, record
          it in the approval decision and keep the finding visible, or suppress it with that
          justification.""",
          """
          status: approved
          costs:
            - {category: infrastructure, oneOff: 100000}
          contingencyPct: 10
          benefits:
            - {description: Saved contractor time, annual: 45000}
          financials: {discountRatePct: 8, horizonYears: 3}
          # NPV 5,969.36; with benefits 10% lower -5,627.57: they may fall only 5.15%
          """,
          """
          status: approved
          costs:
            - {category: infrastructure, oneOff: 100000}
          contingencyPct: 10
          benefits:
            - {description: Saved contractor time, annual: 60000}
          financials: {discountRatePct: 8, horizonYears: 3}
          # NPV 44,625.82; benefits may fall 28.86% before it turns negative
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
      // The scenarios, for the message, only for a case that falls: most hold.
      if (!CaseSensitivity.fallsNegativeAtMinus10PctBenefits(bc)) {
        continue;
      }
      CaseSensitivity s = CaseSensitivity.of(bc);
      String atMinus10 =
          s.scenario(CaseSensitivity.Driver.BENEFITS, -10)
              .map(x -> Numbers.money(x.npv(), currency))
              .orElse("negative");
      context.report(
          bc.at().location("spec/benefits"),
          "approved business case '"
              + bc.metadata().id()
              + "' turns NPV-negative when its benefits fall by 10%: NPV "
              + Numbers.money(s.npv(), currency)
              + ", "
              + atMinus10
              + " with benefits 10% lower; benefits may fall only "
              + s.benefitFallPct().map(Numbers::percent).orElse("0%")
              + " before the NPV is negative",
          "Stage or cut the costs, or show why the benefits are firm; if the board accepts the"
              + " risk, say so in the approval decision.");
    }
  }
}
