package io.waymark.engine.rules.roadmap;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;

/** Every milestone says what it delivers or how its success is judged. */
public final class MilestoneNoDeliverableRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "milestone-no-deliverable",
          Severity.WARNING,
          "roadmap",
          "A milestone has neither deliverables nor success criteria.",
          """
          Pitfall 4 is no interim milestones: "Without checkpoints, projects drift. Teams lose
          focus. Stakeholders lose confidence. Fix: 90-day increment goals with clear
          deliverables and success criteria." A milestone that is only a title and a date
          cannot be checked at its due date: nobody can say whether it is done.""",
          """
          List what the milestone delivers under `deliverables` (or how its success is judged
          under `successCriteria`).""",
          """
          - {id: ms-platform-ready, title: Platform ready, due: 2027-06-30, status: planned}
          """,
          """
          - id: ms-platform-ready
            title: Platform ready
            due: 2027-06-30
            status: planned
            deliverables: [Automated ETL for the three priority datasets]
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
    for (Roadmap r : context.plan().roadmaps()) {
      for (Milestone m : r.milestones()) {
        if (m.deliverables().stream().anyMatch(d -> !d.isBlank())
            || m.successCriteria().stream().anyMatch(d -> !d.isBlank())) {
          continue;
        }
        context.report(
            m.at().location("id"),
            "milestone "
                + m.id()
                + " (due "
                + m.due()
                + ") has no deliverables or success criteria",
            "Add deliverables: [...] (or successCriteria: [...]) to " + m.id() + ".");
      }
    }
  }
}
