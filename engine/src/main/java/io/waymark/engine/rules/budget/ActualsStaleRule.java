package io.waymark.engine.rules.budget;

import io.waymark.engine.analysis.InitiativeArrivals;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Kind;
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

/**
 * An initiative in progress with no actual spend recorded in the last 45 days, counted from no
 * earlier than the day it joined the roadmap (its first commit, when the Git history tells).
 */
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
          no actuals yet is given the same 45 days from its phase's first day. The clock never
          starts before the initiative joined the roadmap: an initiative added to a phase that
          has run for months is given 45 days from the first commit whose roadmap holds its id
          (the roadmap's Git history, first-parent line; moving it to another phase is no new
          start), and one in no commit yet from the roadmap's latest commit, after which it was
          added. Without Git history, or when a shallow clone's history already holds the
          initiative at its oldest commit, the day it joined is unknown: the days are counted
          from its phase's start (or its latest actual) as before, and the hint says so. The
          rule applies once the roadmap records actual spend for any initiative, so a roadmap
          that does not track spend yet is not asked to.""",
          """
          Add the latest actual spend from the finance export to the initiative's `actuals`
          (an amount of 0 for a month without spend is a valid point). For an initiative that
          joined the roadmap recently, fetch the full Git history (CI: no shallow clone) so
          that its 45 days count from its first commit.""",
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

  /**
   * Reads the roadmaps and, for an initiative that would be reported, the Git history of the
   * roadmap files (when it joined the roadmap).
   */
  @Override
  public RuleScope scope() {
    return RuleScope.history(Kind.ROADMAP);
  }

  @Override
  public void check(RuleContext context) {
    LocalDate asOf = context.asOf();
    // The history is asked only for an initiative that is stale counted from its phase: most runs
    // report none and never read it for this rule.
    InitiativeArrivals arrivals = null;
    for (Roadmap roadmap : context.plan().roadmaps()) {
      for (Spend.Running r : Spend.running(roadmap, asOf)) {
        Initiative i = r.initiative();
        Optional<LocalDate> latest =
            i.actuals().stream()
                .map(Initiative.Actual::date)
                .filter(d -> !d.isAfter(asOf))
                .max(LocalDate::compareTo);
        // Without actuals, the clock starts with the phase: a phase begun last week owes no
        // monthly export yet.
        LocalDate phaseStart = roadmap.monthStart(r.phase().firstMonth());
        LocalDate from = latest.orElse(phaseStart);
        if (stale(from, asOf)) {
          if (arrivals == null) {
            arrivals = InitiativeArrivals.of(context.history());
          }
          report(context, r.phase(), i, latest, phaseStart, arrivals.of(i.id()));
        }
      }
    }
  }

  private static boolean stale(LocalDate from, LocalDate asOf) {
    return ChronoUnit.DAYS.between(from, asOf) > MAX_AGE_DAYS;
  }

  /**
   * Reports {@code i} unless it joined the roadmap less than 45 days ago: the clock never starts
   * before the initiative was in the roadmap (an initiative added to a phase running for months had
   * no chance to record spend).
   */
  private static void report(
      RuleContext context,
      Phase phase,
      Initiative i,
      Optional<LocalDate> latest,
      LocalDate phaseStart,
      InitiativeArrivals.Arrival arrival) {
    LocalDate asOf = context.asOf();
    LocalDate from = latest.orElse(phaseStart);
    Optional<LocalDate> joined = joined(arrival).filter(d -> d.isAfter(from));
    if (joined.isPresent() && !stale(joined.get(), asOf)) {
      return;
    }
    String since;
    if (joined.isPresent()) {
      since =
          latest
                  .map(d -> "its latest actual spend is from " + d + ", and it records none")
                  .orElse("it records no actual spend")
              + " in the "
              + ChronoUnit.DAYS.between(joined.get(), asOf)
              + " days from "
              + joining(arrival)
              + " to "
              + asOf;
    } else {
      since =
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
    }
    String hint = "Add the latest figure from the finance export to its 'actuals'.";
    if (joined.isEmpty() && !(arrival instanceof InitiativeArrivals.Committed)) {
      hint +=
          " "
              + unsure(arrival)
              + ", so the days are counted from "
              + (latest.isPresent() ? "its latest actual" : "the phase's start")
              + "; an initiative added later is given "
              + MAX_AGE_DAYS
              + " days from the first commit that holds it.";
    }
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
        hint);
  }

  /**
   * The day from which the initiative is known to be in the roadmap, when the history tells: its
   * first commit, or for one in no commit yet the roadmap's latest commit (it joined after that).
   */
  private static Optional<LocalDate> joined(InitiativeArrivals.Arrival arrival) {
    if (arrival instanceof InitiativeArrivals.Committed c) {
      return Optional.of(c.date());
    }
    if (arrival instanceof InitiativeArrivals.Uncommitted u) {
      return Optional.of(u.date());
    }
    return Optional.empty();
  }

  /** "its addition to the roadmap in commit 1a2b3c4 on 2027-03-25", for the message. */
  private static String joining(InitiativeArrivals.Arrival arrival) {
    if (arrival instanceof InitiativeArrivals.Committed c) {
      return "its addition to the roadmap in commit " + c.commit().shortId() + " on " + c.date();
    }
    InitiativeArrivals.Uncommitted u = (InitiativeArrivals.Uncommitted) arrival;
    return "the roadmap's latest commit "
        + u.latest().shortId()
        + " on "
        + u.date()
        + " (it is added in changes not committed yet)";
  }

  /** Why the day the initiative joined the roadmap does not count, for the hint. */
  private static String unsure(InitiativeArrivals.Arrival arrival) {
    if (arrival instanceof InitiativeArrivals.Uncommitted u) {
      return "It is in no commit yet (it joined the roadmap after commit "
          + u.latest().shortId()
          + " on "
          + u.date()
          + ")";
    }
    return "When it joined the roadmap is unknown ("
        + ((InitiativeArrivals.Unknown) arrival).why()
        + ")";
  }
}
