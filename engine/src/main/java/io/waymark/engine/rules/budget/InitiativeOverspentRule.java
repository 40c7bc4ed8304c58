package io.waymark.engine.rules.budget;

import io.waymark.engine.finding.Numbers;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Governance;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import io.waymark.engine.spend.Spend;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** Actual spend above an initiative's budget without an approved Governance decision. */
public final class InitiativeOverspentRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "initiative-overspent",
          Severity.ERROR,
          "budget",
          "An initiative's actual spend is above its budget without an approved Governance"
              + " decision.",
          """
          A budget is what the board approved. Spending beyond it is a decision too, and it
          belongs to the board, not to the team that runs out of money. Waymark sums the
          initiative's `actuals` dated on or before the as-of date and compares them with its
          `budget`. The overspend is accepted when an approved Governance decision names the
          initiative in `relatesTo`, dated on or before the as-of date and no earlier than the
          initiative's first actual spend: the original funding decision, taken before any
          money was spent, does not cover an overrun.""",
          """
          Take the overrun to the review board and record the decision in governance.yaml
          (`outcome: approved`, `relatesTo: [<initiative id>]`), or raise the initiative's
          budget with that decision; or correct the actuals if they were booked to the wrong
          initiative.""",
          """
          # roadmap.yaml, in a phase
          initiatives:
            - id: i-pipelines
              budget: 100000
              actuals:
                - {date: 2027-03-31, amount: 70000}
                - {date: 2027-04-30, amount: 45000}   # 115,000 spent, 15,000 over
          """,
          """
          # roadmap.yaml, in a phase
          initiatives:
            - id: i-pipelines
              budget: 100000
              actuals:
                - {date: 2027-03-31, amount: 70000}
                - {date: 2027-04-30, amount: 45000}
          # governance.yaml
          decisions:
            - id: dec-pipelines-overrun
              date: 2027-05-02
              outcome: approved
              title: Pipelines may overrun by 20k for the telematics connector
              relatesTo: [i-pipelines]
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Reads only the documents of these kinds. */
  @Override
  public RuleScope scope() {
    return RuleScope.kinds(Kind.ROADMAP, Kind.GOVERNANCE);
  }

  @Override
  public void check(RuleContext context) {
    String currency = context.plan().config().currency();
    LocalDate asOf = context.asOf();
    for (Roadmap roadmap : context.plan().roadmaps()) {
      for (Initiative i : roadmap.initiatives()) {
        BigDecimal spent = i.spentBy(asOf);
        if (spent.compareTo(i.budget()) <= 0) {
          continue;
        }
        Optional<LocalDate> firstSpend =
            i.actuals().stream()
                .map(Initiative.Actual::date)
                .filter(d -> !d.isAfter(asOf))
                .min(LocalDate::compareTo);
        if (firstSpend.isPresent() && approvedSince(context, i.id(), firstSpend.get(), asOf)) {
          continue;
        }
        BigDecimal over = spent.subtract(i.budget());
        context.report(
            i.at().location("budget"),
            "initiative '"
                + i.id()
                + "' has spent "
                + Numbers.money(spent, currency)
                + " by "
                + asOf
                + ", "
                + Numbers.money(over, currency)
                // Over a budget of zero, no share is meaningful: "(0%)" would say it is not over.
                + (i.budget().signum() == 0
                    ? ""
                    : " (" + Numbers.percent(Spend.pct(over, i.budget())) + ")")
                + " over its budget of "
                + Numbers.money(i.budget(), currency)
                + ", and no approved Governance decision since its spending began relates to it",
            Spend.runningTotal(i, asOf)
                    .map(
                        last ->
                            "The actuals are added up: each is the spend of the period that ends on"
                                + " its date. If "
                                + Numbers.money(last, currency)
                                + " is the spend to date (a running total), write each period's"
                                + " own amount instead. ")
                    .orElse("")
                + "Record the board's approval of the overrun in governance.yaml (relatesTo: ["
                + i.id()
                + "]) or correct the actuals.");
      }
    }
  }

  private static boolean approvedSince(
      RuleContext context, String initiative, LocalDate from, LocalDate asOf) {
    for (Governance g : context.plan().governance()) {
      for (Governance.Decision d : g.decisions()) {
        if (d.approved()
            && d.relatesTo().contains(initiative)
            && !d.date().isBefore(from)
            && !d.date().isAfter(asOf)) {
          return true;
        }
      }
    }
    return false;
  }
}
