package io.waymark.engine.rules.roadmap;

import io.waymark.engine.analysis.MilestoneCompletions;
import io.waymark.engine.analysis.RoadmapStates;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.history.Commit;
import io.waymark.engine.history.PlanHistory;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A done milestone without {@code completedOn}; the hint names the date the Git history gives (the
 * commit that first marked it done), which {@code waymark fix} writes.
 */
public final class MilestoneDoneUndatedRule implements Rule {

  /** The phrase of the hint that carries the date the history gives: {@code Fixes} reads it. */
  static final String DATE_FROM_HISTORY = "Add completedOn: ";

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "milestone-done-undated",
          Severity.WARNING,
          "roadmap",
          "A milestone is done but has no completedOn date.",
          """
          Milestone completion rate is the first leading indicator at each quarterly review:
          are the 90-day goals being hit, on time? A milestone marked done without the date it
          was delivered cannot be judged: the review cannot tell whether it landed in the
          quarter or how late it was, the completion figures fall back to its due date, and
          the cadence of deliveries is guessed. When the roadmap's Git history shows the
          commit in which the milestone's status became `done` (on the first-parent line,
          after a commit where it was not done yet), the hint names that commit's date and
          `waymark fix` writes it. Without Git history, or when the milestone was done from
          its first commit on or is marked done only in uncommitted changes, a person must
          say the date.""",
          """
          Add `completedOn:` with the day it was delivered, right after `status: done`.
          `waymark fix` adds the date of the commit that marked it done when the history
          gives one; check it against the delivery itself.""",
          """
          # roadmap.yaml; commit e4f5a6b (2027-04-21) set status: done
          milestones:
            - id: ms-vector-db-pilot-tier
              due: 2027-04-23
              status: done
          """,
          """
          milestones:
            - id: ms-vector-db-pilot-tier
              due: 2027-04-23
              status: done
              completedOn: 2027-04-21
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /**
   * Reads the roadmaps and the Git history (read for the Roadmap and Metrics files, as the other
   * history rules).
   */
  @Override
  public RuleScope scope() {
    return RuleScope.history(Kind.ROADMAP, Kind.METRICS);
  }

  @Override
  public void check(RuleContext context) {
    for (Roadmap roadmap : context.plan().roadmaps()) {
      List<Milestone> undated =
          roadmap.milestones().stream()
              .filter(m -> m.status() == Milestone.Status.DONE && m.completedOn().isEmpty())
              .toList();
      if (undated.isEmpty()) {
        continue;
      }
      // The history is read only when a milestone needs it, and only the roadmap of record has it.
      boolean ofRecord = context.plan().roadmap().filter(r -> r == roadmap).isPresent();
      Optional<PlanHistory> history = ofRecord ? Optional.of(context.history()) : Optional.empty();
      Map<String, Commit> markedDone =
          history
              .filter(h -> !h.roadmap().isEmpty())
              .map(h -> MilestoneCompletions.of(RoadmapStates.of(h, roadmap)))
              .orElse(Map.of());
      for (Milestone m : undated) {
        Optional<Commit> commit = Optional.ofNullable(markedDone.get(m.id()));
        String hint =
            commit
                .map(
                    c ->
                        DATE_FROM_HISTORY
                            + c.date()
                            + " below its status: commit "
                            + c.shortId()
                            + " of that day first marked it done. 'waymark fix' writes that"
                            + " date; check it against the delivery.")
                .orElseGet(() -> "Add completedOn with the day it was delivered: " + why(history));
        context.report(
            m.at().location("status"),
            "milestone '"
                + m.id()
                + "' is done but has no completedOn: its delivery cannot be dated for the"
                + " milestone completion rate and cadence",
            hint);
      }
    }
  }

  private static String why(Optional<PlanHistory> history) {
    if (history.isEmpty() || history.get().roadmap().isEmpty()) {
      return "there is no Git history of the roadmap to read it from.";
    }
    return "the Git history shows no commit that marked it done.";
  }
}
