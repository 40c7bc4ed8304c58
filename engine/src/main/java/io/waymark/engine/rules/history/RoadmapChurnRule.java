package io.waymark.engine.rules.history;

import io.waymark.engine.analysis.PlanChurn;
import io.waymark.engine.analysis.RoadmapStates;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.history.Coverage;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.time.LocalDate;

/** The plan was re-planned in more than two of the last six months outside the update windows. */
public final class RoadmapChurnRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "roadmap-churn",
          Severity.WARNING,
          "history",
          "The phases or gate criteria changed in more than 2 of the last 6 months outside the"
              + " semi-annual update windows (from Git history).",
          """
          The methodology's cadence is "review quarterly, update semi-annually; avoid constant
          roadmap churn". A plan whose phases and gates move every month gives teams no stable
          target, and a gate whose criteria keep changing is no gate at all.

          What counts as a change of the plan: a phase added, removed or renamed, a phase's
          months, the roadmap's start or horizon, a gate criterion added or removed, or its
          metric, fact, operator or target. Progress is not churn: statuses, decision dates,
          evidence, milestones and initiatives may change in any commit.

          The update windows: the first month of the roadmap, from `spec.start` (inclusive) to
          one month later (exclusive), and a one-month window every six months after that:
          start + 6 months, start + 12 months, and so on. A roadmap starting 2027-01-04 has the
          windows 2027-01-04 to 2027-02-03, 2027-07-04 to 2027-08-03, 2028-01-04 to 2028-02-03.
          Commits dated before `start` are the plan being drafted and are not counted.

          Waymark looks at the last six calendar months (the month of the as-of date and the
          five before), and counts the months in which some commit changed the plan outside
          the windows. More than two such months is churn. A commit's month is its committer
          date in UTC. Waymark follows the first-parent line of the history, the plan of
          record: a branch merged into it counts once, in the month of its merge.""",
          """
          Batch plan changes into the next update window, and use the quarterly reviews to
          report progress rather than to re-plan. When a re-plan outside a window is unavoidable
          (a failed gate, a budget cut), record it as a Governance decision and accept the
          finding with a `suppressions` entry that names the decision.""",
          """
          # start: 2027-01-04, as of 2027-05-14; commits that changed phase months or criteria:
          #   2027-02-10  phase-build-foundations months [4, 9] -> [4, 10]
          #   2027-03-15  gate-build-foundations criterion target 3 -> 2
          #   2027-05-02  phase-scale-optimise months [11, 18] -> [10, 18]
          """,
          """
          # start: 2027-01-04, as of 2027-05-14; plan changes only in the first window
          # (2027-01-04 to 2027-02-03) and progress updates (statuses, evidence) since.
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
    PlanChurn churn = PlanChurn.of(RoadmapStates.of(context.history(), roadmap), context.asOf());
    if (!churn.churning()) {
      return;
    }
    // With history that ends inside the six months, the months seen are a lower bound.
    LocalDate from = HistoryQuestions.churnFrom(context.asOf());
    Coverage coverage =
        context.history().roadmapSince(from, "plan changes since " + Coverage.day(from));
    String atLeast = coverage.extent() == Coverage.Extent.PARTIAL ? "at least " : "";
    String unseen =
        coverage
            .gap()
            .filter(g -> coverage.extent() == Coverage.Extent.PARTIAL)
            .map(g -> " (history before " + Coverage.day(g.knownSince()) + " not available)")
            .orElse("");
    context.report(
        roadmap.at().location("spec/phases"),
        "the plan (phases or gate criteria) changed in "
            + atLeast
            + churn.months().size()
            + " of the last 6 months outside the semi-annual update windows: "
            + churn.describeMonths()
            + unseen,
        "Batch plan changes into the next update window ("
            + churn.windows().next(context.asOf())
            + ") and use quarterly reviews to report progress; record an unavoidable re-plan as"
            + " a governance decision.");
  }
}
