package io.waymark.engine.rules.budget;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import io.waymark.engine.spend.Spend;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** An initiative in progress with no actual spend recorded in the last 45 days. */
public final class ActualsStaleRule implements Rule {

  /** How old the latest actual of a running initiative may be, in days. */
  static final int MAX_AGE_DAYS = 45;

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "actuals-stale",
          Severity.WARNING,
          "budget",
          "An initiative in progress has no actual spend recorded within 45 days of the as-of"
              + " date.",
          """
          Burn charts and the budget-burn rule are only as good as the spend behind them. An
          initiative whose phase is in progress is spending money; when its latest `actuals`
          point is more than 45 days before the as-of date (a monthly export plus two weeks of
          slack), the steering committee is looking at last quarter's money. An initiative with
          no actuals yet is given the same 45 days from its phase's first day. The rule applies
          once the roadmap records actual spend for any initiative, so a roadmap that does not
          track spend yet is not asked to.""",
          """
          Add the latest actual spend from the finance export to the initiative's `actuals`
          (an amount of 0 for a month without spend is a valid point).""",
          """
          # as of 2027-05-14; phase p2 is in progress
          initiatives:
            - id: i-knowledge-layer
              budget: 240000
              actuals:
                - {date: 2027-03-01, amount: 40000}   # 74 days old
          """,
          """
          initiatives:
            - id: i-knowledge-layer
              budget: 240000
              actuals:
                - {date: 2027-03-31, amount: 40000}
                - {date: 2027-04-30, amount: 35000}   # 14 days old
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
    LocalDate asOf = context.asOf();
    for (Roadmap roadmap : context.plan().roadmaps()) {
      if (!Spend.recorded(roadmap)) {
        continue;
      }
      for (Phase phase : roadmap.phases()) {
        if (phase.status() != Phase.Status.IN_PROGRESS) {
          continue;
        }
        for (Initiative i : phase.initiatives()) {
          if (i.stoppedBy(asOf)) {
            continue; // stopped: it books nothing more
          }
          Optional<LocalDate> latest =
              i.actuals().stream()
                  .map(Initiative.Actual::date)
                  .filter(d -> !d.isAfter(asOf))
                  .max(LocalDate::compareTo);
          // Without actuals, the clock starts with the phase: a phase begun last week owes no
          // monthly export yet.
          LocalDate phaseStart = roadmap.monthStart(phase.firstMonth());
          LocalDate from = latest.orElse(phaseStart);
          if (ChronoUnit.DAYS.between(from, asOf) <= MAX_AGE_DAYS) {
            continue;
          }
          String since =
              latest
                  .map(
                      d ->
                          "its latest actual spend is from "
                              + d
                              + ", "
                              + ChronoUnit.DAYS.between(d, asOf)
                              + " days before "
                              + asOf)
                  .orElse(
                      "it records no actual spend in the "
                          + ChronoUnit.DAYS.between(phaseStart, asOf)
                          + " days from the phase's start on "
                          + phaseStart
                          + " to "
                          + asOf);
          context.report(
              i.actuals().isEmpty() ? i.at().location() : i.at().location("actuals"),
              "initiative '"
                  + i.id()
                  + "' is in progress (phase '"
                  + phase.id()
                  + "') but "
                  + since
                  + " (more than "
                  + MAX_AGE_DAYS
                  + " days)",
              "Add the latest figure from the finance export to its 'actuals'.");
        }
      }
    }
  }
}
