package io.waymark.engine.rules.budget;

import io.waymark.engine.finding.Numbers;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.spend.Spend;
import java.math.BigDecimal;

/** Spend runs more than 15 points ahead of delivered value. */
public final class BudgetBurnRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "budget-burn",
          Severity.WARNING,
          "budget",
          "Spend to date runs more than 15 points ahead of delivered value, for an initiative or"
              + " for the programme.",
          """
          "Budget consumed faster than value delivered" is one of the guide's warning signs:
          by the time the money is gone, it is too late to change course. Waymark compares the
          share of a budget spent by the as-of date (the initiative's `actuals` on or before
          it, against its `budget`) with the share of value delivered: the milestones of the
          initiative's phase that are done (dropped milestones count neither way). For the
          programme it compares all actual spend against `spec.budget.total` (or, without it,
          the sum of the initiative budgets) with the milestones done and the phase-gate
          criteria met, together. Spend may run ahead of delivery by up to 15 points (work is
          paid before it is finished); beyond that the finding names both shares. The rule
          only looks at initiatives that record actual spend.""",
          """
          Look at what the money bought: if milestones are done but not marked, mark them; if
          the work is late, re-plan it with the board (record the reason in `replanned`) and
          slow the spend until delivery catches up; if the budget was too small, get the
          change approved.""",
          """
          # roadmap.yaml, phase-build-foundations: 1 of 4 milestones done, 25 % of the value
          milestones:
            - {id: ms-landing-zone, title: Landing zone, due: 2027-04-16, status: done}
            - {id: ms-etl-wave-1, title: ETL wave 1, due: 2027-06-18, status: planned}
            - {id: ms-etl-wave-2, title: ETL wave 2, due: 2027-07-30, status: planned}
            - {id: ms-go-live, title: Knowledge layer live, due: 2027-09-24, status: planned}
          initiatives:
            - id: i-pipelines
              title: Automate the priority pipelines
              category: foundation
              type: data-pipeline
              impact: 4
              effort: 3
              budget: 100000
              actuals:     # 60,000 spent: 60 %, 35 points ahead of 25 %
                - {date: 2027-03-31, amount: 30000, source: finance-export}
                - {date: 2027-04-30, amount: 30000, source: finance-export}
          """,
          """
          # roadmap.yaml, phase-build-foundations: 2 of 4 milestones done, 50 % of the value
          milestones:
            - {id: ms-landing-zone, title: Landing zone, due: 2027-04-16, status: done}
            - {id: ms-etl-wave-1, title: ETL wave 1, due: 2027-06-18, status: done}
            - {id: ms-etl-wave-2, title: ETL wave 2, due: 2027-07-30, status: planned}
            - {id: ms-go-live, title: Knowledge layer live, due: 2027-09-24, status: planned}
          initiatives:
            - id: i-pipelines
              title: Automate the priority pipelines
              category: foundation
              type: data-pipeline
              impact: 4
              effort: 3
              budget: 100000
              actuals:     # 60 % spent: 10 points ahead, within 15
                - {date: 2027-03-31, amount: 30000, source: finance-export}
                - {date: 2027-04-30, amount: 30000, source: finance-export}
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(RuleContext context) {
    String currency = context.plan().config().currency();
    for (Roadmap roadmap : context.plan().roadmaps()) {
      if (!Spend.recorded(roadmap)) {
        continue;
      }
      for (Phase phase : roadmap.phases()) {
        Spend.Delivered delivered = Spend.milestones(phase.milestones(), context.asOf());
        for (Initiative i : phase.initiatives()) {
          BigDecimal spent = i.spentBy(context.asOf());
          if (spent.signum() == 0
              || i.stoppedBy(context.asOf()) // stopped: no delivery is owed for its spend
              || !Spend.burnsAhead(spent, i.budget(), delivered)) {
            continue;
          }
          context.report(
              i.at().location("actuals"),
              "initiative '"
                  + i.id()
                  + "' has spent "
                  + Numbers.percent(Spend.pct(spent, i.budget()))
                  + " of its budget ("
                  + Numbers.money(spent, currency)
                  + " of "
                  + Numbers.money(i.budget(), currency)
                  + " by "
                  + context.asOf()
                  + ") but its phase '"
                  + phase.id()
                  + "' has delivered "
                  + Numbers.percent(delivered.pct())
                  + " of its milestones ("
                  + delivered.done()
                  + " of "
                  + delivered.total()
                  + " done): more than 15 points ahead of value",
              "Mark done milestones as done; otherwise slow the spend or re-plan with the board"
                  + " and record why in 'replanned'.");
        }
      }
      BigDecimal budget =
          roadmap
              .budget()
              .map(Roadmap.Budget::total)
              .orElseGet(
                  () ->
                      roadmap.initiatives().stream()
                          .map(Initiative::budget)
                          .reduce(BigDecimal.ZERO, BigDecimal::add));
      BigDecimal spent = Spend.spentBy(roadmap, context.asOf());
      Spend.Delivered delivered = Spend.programme(context.plan(), roadmap, context.asOf());
      if (Spend.burnsAhead(spent, budget, delivered)) {
        context.report(
            roadmap.at().location(roadmap.budget().isPresent() ? "spec/budget/total" : "spec"),
            "the programme has spent "
                + Numbers.percent(Spend.pct(spent, budget))
                + " of its budget ("
                + Numbers.money(spent, currency)
                + " of "
                + Numbers.money(budget, currency)
                + " by "
                + context.asOf()
                + ") but delivered "
                + Numbers.percent(delivered.pct())
                + " of its milestones and gate criteria ("
                + delivered.done()
                + " of "
                + delivered.total()
                + "): more than 15 points ahead of value",
            "Review the spend of the initiatives that burn fastest against what they delivered,"
                + " and re-plan with the board where delivery lags.");
      }
    }
  }
}
