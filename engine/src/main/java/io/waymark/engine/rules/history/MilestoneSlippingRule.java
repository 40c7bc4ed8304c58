package io.waymark.engine.rules.history;

import io.waymark.engine.analysis.MilestoneSlips;
import io.waymark.engine.analysis.RoadmapState;
import io.waymark.engine.analysis.RoadmapStates;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.history.Coverage;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.util.List;
import java.util.stream.Collectors;

/** An open milestone whose due date moved later two or more times in the roadmap's history. */
public final class MilestoneSlippingRule implements Rule {

  /** Later moves from this many on are a warning sign. */
  static final int SLIPS = 2;

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "milestone-slipping",
          Severity.WARNING,
          "history",
          "A milestone's due date was moved later two or more times (from Git history).",
          """
          The methodology names milestones slipping repeatedly as the first warning sign that
          a roadmap is going off track. One re-plan is normal; a second one means the date was
          never realistic or the work is blocked, and moving the date quietly hides that from
          the quarterly review: the milestone is never overdue, it just keeps moving. Waymark
          reads every commit that changed the roadmap file (renames followed), oldest first,
          then the plan being validated, and counts the moves of each milestone's `due` to a
          later date. It follows the first-parent line of the history, the plan of record: a
          branch merged into it counts once, at its merge. Milestones that are done or dropped
          are not reported (their history can no longer be acted on); `waymark history` shows
          every milestone's re-plans.""",
          """
          Take the milestone to the next review: re-scope it, split it, mark it `at-risk` with
          the reason, or drop it and say why. Then keep the agreed date. To accept a slip on
          purpose, suppress the finding in `waymark.yaml` `suppressions` with a reason and an
          owner.""",
          """
          # roadmap.yaml, three commits:
          #   a1b2c3d (2027-01-10)  due: 2027-03-01
          #   e4f5a6b (2027-02-10)  due: 2027-03-15
          #   9c8d7e6 (2027-03-02)  due: 2027-04-01
          - id: ms-core-pipelines-automated
            due: 2027-04-01
            status: in-progress
          """,
          """
          # roadmap.yaml, moved once and then kept:
          #   a1b2c3d (2027-01-10)  due: 2027-03-01
          #   e4f5a6b (2027-02-10)  due: 2027-03-15
          - id: ms-core-pipelines-automated
            due: 2027-03-15
            status: in-progress
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Reads only the documents of these kinds and the Git history. */
  @Override
  public RuleScope scope() {
    return RuleScope.history(Kind.ROADMAP, Kind.METRICS);
  }

  @Override
  public void check(RuleContext context) {
    if (context.plan().roadmap().isEmpty() || context.history().roadmap().isEmpty()) {
      return;
    }
    Roadmap roadmap = context.plan().roadmap().get();
    List<RoadmapState> states = RoadmapStates.of(context.history(), roadmap);
    for (MilestoneSlips.MilestoneHistory h : MilestoneSlips.of(states)) {
      List<MilestoneSlips.Move> slips = h.slips();
      if (slips.size() < SLIPS || h.milestone().closed()) {
        continue;
      }
      // With a history that ends early, the count is what is there: a lower bound, said so.
      Coverage coverage =
          context.history().milestone(h.milestone().id(), "re-plans of " + h.milestone().id());
      String before =
          coverage
              .gap()
              .map(g -> " (history before " + Coverage.day(g.knownSince()) + " not available)")
              .orElse("");
      context.report(
          h.milestone().at().location("due"),
          "milestone '"
              + h.milestone().id()
              + "' slipped "
              + (coverage.complete() ? "" : "at least ")
              + slips.size()
              + " times"
              + before
              + ": "
              + slips.stream().map(MilestoneSlips.Move::describe).collect(Collectors.joining(", "))
              + " ("
              + h.totalSlipDays()
              + " days later than first planned)",
          "Raise the milestone at the next review: re-scope or split it, mark it at-risk with the"
              + " reason, or drop it; then keep the agreed date.");
    }
  }
}
