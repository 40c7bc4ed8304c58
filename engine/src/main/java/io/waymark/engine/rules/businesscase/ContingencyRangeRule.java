package io.waymark.engine.rules.businesscase;

import io.waymark.engine.finding.Numbers;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The contingency reserve is 10-20%: of the roadmap's total budget, and as a business case's {@code
 * contingencyPct}.
 */
public final class ContingencyRangeRule implements Rule {

  static final BigDecimal LOW_PCT = BigDecimal.TEN;
  static final BigDecimal HIGH_PCT = BigDecimal.valueOf(20);

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "contingency-range",
          Severity.WARNING,
          "budget",
          "The contingency reserve is outside 10-20%: of the roadmap's total budget, or a"
              + " business case's contingencyPct.",
          """
          AI infrastructure projects hit unexpected complications: data that turns out dirtier
          than assessed, latency that only shows under load, skills that take longer to build.
          The methodology reserves 10-20% of the total budget as contingency. Below 10% the
          first surprise becomes an overrun and a new approval round; above 20% the reserve
          hides money that should be planned (or padding that the review board will cut).
          The same band applies to each business case, whose `contingencyPct` is added to its
          one-off costs in C0 and so flows into NPV, IRR, ROI and payback.""",
          """
          Set the roadmap's `spec.budget.contingency` between 10% and 20% of `total` (the hint
          gives the amounts), or the case's `contingencyPct` between 10 and 20. Use the low
          end for well-understood work such as training, the high end for technology the team
          has not run before.""",
          """
          # roadmap.yaml
          budget: {total: 1800000, contingency: 90000}    # 5%
          # business-cases/etl.yaml
          contingencyPct: 25
          """,
          """
          # roadmap.yaml
          budget: {total: 1800000, contingency: 270000}   # 15%
          # business-cases/etl.yaml
          contingencyPct: 15
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /**
   * Findings on a file depend only on that file's documents: a roadmap's on its own budget or
   * initiatives, a business case's on its own figures (nothing resolves a reference across files).
   */
  @Override
  public RuleScope scope() {
    return RuleScope.perDocument();
  }

  @Override
  public void check(RuleContext context) {
    String currency = context.plan().config().currency();
    for (Roadmap roadmap : context.plan().roadmaps()) {
      roadmap.budget().ifPresent(b -> checkRoadmap(context, b, currency));
    }
    for (BusinessCase bc : context.plan().businessCases()) {
      BigDecimal pct = bc.contingencyPct();
      if (outside(pct)) {
        context.report(
            bc.at().location("spec/contingencyPct"),
            "business case '"
                + bc.metadata().id()
                + "' adds "
                + Numbers.percent(pct)
                + " contingency to its one-off costs; the methodology reserves 10-20%",
            "Set 'contingencyPct' between 10 and 20: low for well-understood work, high for"
                + " technology the team has not run before.");
      }
    }
  }

  private static void checkRoadmap(RuleContext context, Roadmap.Budget budget, String currency) {
    if (budget.total().signum() <= 0) {
      return; // no share of nothing; budget-overrun judges a reserve without a total
    }
    BigDecimal pct =
        budget.contingency().movePointRight(2).divide(budget.total(), MathContext.DECIMAL64);
    if (!outside(pct)) {
      return;
    }
    context.report(
        budget.at().location("contingency"),
        "contingency "
            + Numbers.money(budget.contingency(), currency)
            + " is "
            + Numbers.percent(pct)
            + " of the total budget "
            + Numbers.money(budget.total(), currency)
            + "; the methodology reserves 10-20%",
        "Set 'contingency' between "
            + Numbers.money(budget.total().multiply(LOW_PCT).movePointLeft(2), currency)
            + " and "
            + Numbers.money(budget.total().multiply(HIGH_PCT).movePointLeft(2), currency)
            + " (10-20% of the total).");
  }

  private static boolean outside(BigDecimal pct) {
    return pct.compareTo(LOW_PCT) < 0 || pct.compareTo(HIGH_PCT) > 0;
  }
}
