package io.waymark.engine.rules.roadmap;

import io.waymark.engine.finding.Location;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Every 90-day increment of the horizon has a milestone due in it. Increment k covers months
 * 3k-2..3k counted from {@code start}: the dates from start + 3(k-1) months to start + 3k months
 * minus one day.
 */
public final class MilestoneCadenceRule implements Rule {

  /**
   * Beyond ten years of increments the horizon itself is the problem ({@code roadmap-horizon});
   * listing hundreds of empty quarters would only bury that.
   */
  private static final int MAX_INCREMENTS = 40;

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "milestone-cadence",
          Severity.WARNING,
          "roadmap",
          "A 90-day increment of the horizon has no milestone due in it.",
          """
          The roadmap is delivered in 90-day increments, each ending in deliverables that
          prove progress (pitfall 4: no interim milestones). Without a checkpoint every
          quarter, projects drift, teams lose focus and stakeholders lose confidence; quick
          wins every 90 days are what keep the programme funded. Increments are counted from
          `spec.start`: months 1-3, 4-6, 7-9 and so on to the end of the horizon. Dropped
          milestones do not count.""",
          """
          Add a milestone with concrete deliverables whose `due` date falls inside the
          increment the finding names, to the phase that covers those months.""",
          """
          spec:
            start: 2027-01-04
            horizonMonths: 6
            phases:
              - id: phase-assess-stabilise
                months: [1, 6]
                milestones:
                  - id: ms-scorecard
                    due: 2027-02-26      # months 4-6 (2027-04-04 to 2027-07-03) have none
          """,
          """
          spec:
            start: 2027-01-04
            horizonMonths: 6
            phases:
              - id: phase-assess-stabilise
                months: [1, 6]
                milestones:
                  - id: ms-scorecard
                    due: 2027-02-26
                  - id: ms-pipelines-automated
                    due: 2027-06-18
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
    for (Roadmap roadmap : context.plan().roadmaps()) {
      check(context, roadmap);
    }
  }

  private static void check(RuleContext context, Roadmap roadmap) {
    List<LocalDate> dues =
        roadmap.milestones().stream()
            .filter(m -> m.status() != Milestone.Status.DROPPED)
            .map(Milestone::due)
            .toList();
    int increments = Math.min((Math.max(roadmap.horizonMonths(), 0) + 2) / 3, MAX_INCREMENTS);
    for (int k = 1; k <= increments; k++) {
      LocalDate from = roadmap.start().plusMonths(3L * (k - 1));
      LocalDate to = roadmap.start().plusMonths(3L * k).minusDays(1);
      if (dues.stream().anyMatch(d -> !d.isBefore(from) && !d.isAfter(to))) {
        continue;
      }
      int firstMonth = 3 * k - 2;
      Optional<Phase> phase = phaseCovering(roadmap, firstMonth);
      Location where =
          phase
              .map(p -> p.at().location("milestones"))
              .orElseGet(() -> roadmap.at().location("spec/phases"));
      context.report(
          where,
          "no milestone is due in 90-day increment "
              + k
              + " (months "
              + firstMonth
              + "-"
              + (3 * k)
              + ", "
              + from
              + " to "
              + to
              + ")",
          "Add a milestone with deliverables due between "
              + from
              + " and "
              + to
              + phase.map(p -> " to phase '" + p.id() + "'").orElse("")
              + ", so that every 90 days ends at a checkpoint.");
    }
  }

  private static Optional<Phase> phaseCovering(Roadmap roadmap, int month) {
    return roadmap.phases().stream()
        .filter(p -> p.firstMonth() <= month && month <= p.lastMonth())
        .findFirst();
  }
}
