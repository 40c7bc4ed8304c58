package io.waymark.engine.rules.roadmap;

import io.waymark.engine.analysis.Schedule;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Kebab;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.time.LocalDate;

/** A milestone due before the as-of date is done or dropped. */
public final class MilestoneOverdueRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "milestone-overdue",
          Severity.WARNING,
          "roadmap",
          "A milestone is past its due date and neither done nor dropped.",
          """
          Milestone completion is the first leading indicator of a roadmap: are the 90-day
          goals being hit? Milestones slipping is the first warning sign that a roadmap is
          going off track, and an overdue milestone still marked planned or in progress hides
          that slip from the quarterly review. "Today" is the as-of date (`--as-of`,
          `waymark.yaml` `asOf`, or the commit date).""",
          """
          If the milestone was delivered, set `status: done` and `completedOn`. If it will not
          be delivered, set `status: dropped` and record why. Otherwise raise it at the next
          quarterly review; moving the due date later again is itself a slip.""",
          """
          # as of 2027-05-14
          milestones:
            - id: ms-readiness-reassessment
              due: 2027-04-30
              status: in-progress
          """,
          """
          # as of 2027-05-14
          milestones:
            - id: ms-readiness-reassessment
              due: 2027-04-30
              status: done
              completedOn: 2027-04-30
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
      for (Milestone milestone : roadmap.milestones()) {
        if (!Schedule.overdue(milestone, asOf)) {
          continue;
        }
        long days = Schedule.daysLate(milestone, asOf);
        context.report(
            milestone.at().location("status"),
            "milestone '"
                + milestone.id()
                + "' was due "
                + milestone.due()
                + " and is still "
                + Kebab.of(milestone.status())
                + ": "
                + days
                + (days == 1 ? " day" : " days")
                + " overdue as of "
                + asOf,
            "Set status: done with completedOn if it was delivered, or status: dropped if it"
                + " will not be; otherwise escalate it at the next review.");
      }
    }
  }
}
