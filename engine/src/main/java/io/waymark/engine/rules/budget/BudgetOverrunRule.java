package io.waymark.engine.rules.budget;

import io.waymark.engine.finding.Numbers;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.math.BigDecimal;

/** The initiative budgets plus the contingency reserve fit in the total budget. */
public final class BudgetOverrunRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "budget-overrun",
          Severity.ERROR,
          "budget",
          "The initiative budgets plus the contingency reserve exceed the total budget.",
          """
          The total budget is what the board approved; the contingency reserve (10-20% of it)
          is held back for the complications AI projects always hit. When the initiatives
          alone plus that reserve come to more than the total, the plan is overcommitted
          before it starts: either the reserve is quietly spent on planned work, or the
          programme will ask for more money mid-flight. Budget consumed faster than value
          delivered is a warning sign the roadmap is going off track.""",
          """
          Cut or defer initiatives until their budgets plus `spec.budget.contingency` fit in
          `spec.budget.total`, or get a larger total approved and record the decision in
          `governance.yaml`. Do not shrink the reserve below 10% to make the numbers fit.""",
          """
          budget:
            total: 1000000
            contingency: 150000
          # initiatives add up to 900,000: 900,000 + 150,000 > 1,000,000
          """,
          """
          budget:
            total: 1000000
            contingency: 150000
          # initiatives add up to 850,000
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
    for (Roadmap roadmap : context.plan().roadmaps()) {
      if (roadmap.budget().isEmpty()) {
        continue;
      }
      Roadmap.Budget budget = roadmap.budget().get();
      // A stopped initiative takes what it spent; the rest of its budget is released.
      BigDecimal initiatives = roadmap.allocatedBy(context.asOf());
      BigDecimal planned = initiatives.add(budget.contingency());
      if (planned.compareTo(budget.total()) <= 0) {
        continue;
      }
      context.report(
          roadmap.at().location("spec/budget/total"),
          "initiative budgets of "
              + Numbers.money(initiatives, currency)
              + " plus the contingency of "
              + Numbers.money(budget.contingency(), currency)
              + " come to "
              + Numbers.money(planned, currency)
              + ", "
              + Numbers.money(planned.subtract(budget.total()), currency)
              + " more than the total of "
              + Numbers.money(budget.total(), currency),
          "Cut or defer initiatives worth at least "
              + Numbers.money(planned.subtract(budget.total()), currency)
              + ", or get a larger total approved and record the decision in governance.yaml.");
    }
  }
}
