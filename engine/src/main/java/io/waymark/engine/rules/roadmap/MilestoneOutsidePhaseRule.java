package io.waymark.engine.rules.roadmap;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.time.LocalDate;
import java.util.Optional;

/** A milestone is due within the months of the phase it belongs to. */
public final class MilestoneOutsidePhaseRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "milestone-outside-phase",
          Severity.WARNING,
          "roadmap",
          "A milestone is due outside the months of its phase.",
          """
          Each phase has clear deliverables and ends in a success gate, and its milestones are
          the deliverables the gate judges. A milestone due after its phase ends cannot count
          towards that gate (and hides that the phase will finish late); one due before the
          phase starts belongs to the phase before. A phase covers the days from the first
          day of its first month to the last day of its last month, counted from
          `spec.start`.""",
          """
          Move the milestone's `due` date into its phase's months, or move the milestone to
          the phase whose months contain the date.""",
          """
          spec:
            start: 2027-01-04
            phases:
              - id: phase-assess-stabilise
                months: [1, 3]           # 2027-01-04 to 2027-04-03
                milestones:
                  - id: ms-scorecard
                    due: 2027-05-28
          """,
          """
          spec:
            start: 2027-01-04
            phases:
              - id: phase-assess-stabilise
                months: [1, 3]
                milestones:
                  - id: ms-scorecard
                    due: 2027-01-29
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
      for (Phase phase : roadmap.phases()) {
        if (phase.firstMonth() < 1 || phase.firstMonth() > phase.lastMonth()) {
          continue; // phase-overlap (or the schema) reports the months themselves
        }
        LocalDate from = roadmap.monthStart(phase.firstMonth());
        LocalDate to = roadmap.monthEnd(phase.lastMonth());
        for (Milestone milestone : phase.milestones()) {
          LocalDate due = milestone.due();
          if (!due.isBefore(from) && !due.isAfter(to)) {
            continue;
          }
          Optional<Phase> home = phaseContaining(roadmap, due);
          context.report(
              milestone.at().location("due"),
              "milestone '"
                  + milestone.id()
                  + "' is due "
                  + due
                  + ", "
                  + (due.isBefore(from) ? "before" : "after")
                  + " its phase '"
                  + phase.id()
                  + "' (months "
                  + phase.firstMonth()
                  + "-"
                  + phase.lastMonth()
                  + ", "
                  + from
                  + " to "
                  + to
                  + ")",
              "Move the due date between "
                  + from
                  + " and "
                  + to
                  + home.map(h -> ", or move the milestone to phase '" + h.id() + "'").orElse("")
                  + ".");
        }
      }
    }
  }

  private static Optional<Phase> phaseContaining(Roadmap roadmap, LocalDate date) {
    return roadmap.phases().stream()
        .filter(p -> p.firstMonth() >= 1 && p.firstMonth() <= p.lastMonth())
        .filter(
            p ->
                !date.isBefore(roadmap.monthStart(p.firstMonth()))
                    && !date.isAfter(roadmap.monthEnd(p.lastMonth())))
        .findFirst();
  }
}
