package io.waymark.report.view;

import io.waymark.engine.gate.CriterionResult;
import io.waymark.engine.gate.GateEvaluation;
import io.waymark.engine.model.Gate;
import io.waymark.engine.model.Governance;
import io.waymark.engine.model.Metrics;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.UseCase;
import io.waymark.report.text.Wording;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The quarter's wins: milestones delivered, gates passed, use cases, decisions, metrics improved.
 */
final class WinsSection {

  private final Context c;

  private WinsSection(Context c) {
    this.c = c;
  }

  static QuarterlyReview.Wins of(Context c) {
    return new WinsSection(c).wins();
  }

  /**
   * When a delivered milestone came against its due date: "2 days early". A milestone re-planned
   * (Git shows its due date moved, or it records a re-plan) is measured against the re-planned date
   * and says so, with the first due date when Git knows it: "6 days before its re-planned due date
   * of 15 October 2026 (first due 19 August 2026)", never "early" alone for a date that slipped.
   */
  private String timeliness(Milestone m) {
    long late = ChronoUnit.DAYS.between(m.due(), m.completedOn().get());
    Optional<LocalDate> firstDue = c.firstDue(m);
    if (firstDue.isEmpty() && m.replanned().isEmpty()) {
      return late > 0
          ? Wording.count(late, "day", "days") + " late"
          : late < 0 ? Wording.count(-late, "day", "days") + " early" : "on the day";
    }
    String against = "its re-planned due date of " + Wording.date(m.due());
    String when =
        late > 0
            ? Wording.count(late, "day", "days") + " after " + against
            : late < 0
                ? Wording.count(-late, "day", "days") + " before " + against
                : "on " + against;
    return when + firstDue.map(d -> " (first due " + Wording.date(d) + ")").orElse("");
  }

  private QuarterlyReview.Wins wins() {
    List<QuarterlyReview.DeliveredMilestone> milestones = new ArrayList<>();
    c.milestones().stream()
        .filter(
            m ->
                m.status() == Milestone.Status.DONE
                    && m.completedOn().filter(c::inPeriod).isPresent())
        .sorted(
            Comparator.comparing((Milestone m) -> m.completedOn().get())
                .thenComparing(Milestone::id))
        .forEach(
            m -> {
              String timeliness = timeliness(m);
              milestones.add(
                  new QuarterlyReview.DeliveredMilestone(
                      m.title(),
                      c.phaseOf(m),
                      Wording.date(m.completedOn().get()),
                      timeliness,
                      m.deliverables().stream().map(String::strip).toList()));
            });
    List<QuarterlyReview.PassedGate> gates = new ArrayList<>();
    for (Phase p : c.phases()) {
      Gate g = p.gate();
      // A pass only claimed (criteria not met on the day) is no win: the challenges say so.
      if (g.open() && g.decidedOn().filter(c::inPeriod).isPresent() && c.unmetAtPass(p).isEmpty()) {
        Optional<GateEvaluation> e = c.evaluation(p);
        long met =
            e.map(
                    x ->
                        x.criteria().stream()
                            .filter(r -> r.state() == CriterionResult.State.MET)
                            .count())
                .orElse(0L);
        long waived =
            e.map(
                    x ->
                        x.criteria().stream()
                            .filter(r -> r.state() == CriterionResult.State.WAIVED)
                            .count())
                .orElse(0L);
        String criteria =
            met
                + " of "
                + g.criteria().size()
                + " criteria met"
                + (waived > 0 ? ", " + waived + " waived by the board" : "");
        gates.add(
            new QuarterlyReview.PassedGate(
                p.name(),
                g.id(),
                g.status() == Gate.Status.WAIVED ? "Waived" : "Passed",
                Wording.date(g.decidedOn().get()),
                criteria,
                g.evidence().stream().map(Links::of).toList()));
      }
    }
    List<QuarterlyReview.Item> useCases = new ArrayList<>();
    c.plan().useCases().stream()
        .filter(u -> u.status() == UseCase.Status.PRODUCTION || u.status() == UseCase.Status.PILOT)
        .filter(u -> u.since().filter(c::inPeriod).isPresent())
        .sorted(Comparator.comparing((UseCase u) -> u.since().get()).thenComparing(UseCase::id))
        .forEach(
            u ->
                useCases.add(
                    new QuarterlyReview.Item(
                        Context.title(u.metadata().title(), u.id()),
                        (u.status() == UseCase.Status.PRODUCTION
                                ? "In production since "
                                : "Pilot started ")
                            + Wording.date(u.since().get())
                            + ". "
                            + u.businessOutcome().strip())));
    List<QuarterlyReview.Item> listed =
        Shortlist.head(useCases, QuarterlyReview.Wins.MAX_USE_CASES);
    QuarterlyReview.More moreUseCases =
        Shortlist.more(
            useCases.size(),
            listed.size(),
            "use case reached pilot or production in " + c.quarter().label(),
            "use cases reached pilot or production in " + c.quarter().label(),
            "each is a UseCase file of the repository, with its status and the date since");
    List<QuarterlyReview.Item> decisions = new ArrayList<>();
    c.plan()
        .decisions()
        .filter(d -> c.inPeriod(d.date()))
        .sorted(
            Comparator.comparing(Governance.Decision::date).thenComparing(Governance.Decision::id))
        .forEach(
            d ->
                decisions.add(
                    new QuarterlyReview.Item(
                        d.title().strip(),
                        Wording.capitalised(d.outcome()) + " on " + Wording.date(d.date()))));
    List<QuarterlyReview.Item> moves = new ArrayList<>();
    for (Metrics.Metric m : MetricTiles.dashboard(c)) {
      QuarterMove.of(c, m)
          .filter(QuarterMove::improved)
          .ifPresent(x -> moves.add(new QuarterlyReview.Item(m.name(), x.describe())));
    }
    return new QuarterlyReview.Wins(milestones, gates, listed, decisions, moves, moreUseCases);
  }
}
