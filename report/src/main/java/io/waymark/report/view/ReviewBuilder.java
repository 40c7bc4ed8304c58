package io.waymark.report.view;

import io.waymark.engine.Analyses;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.diff.PlanDiff;
import java.util.List;
import java.util.Optional;

/**
 * Builds the {@link QuarterlyReview} of a validated plan for one quarter by assembling its
 * sections, one class each. Pure: the same result, quarter and analyses always give an equal
 * review. Every plan and history answer (re-plans, overdue and at-risk milestones, adjustments
 * since a date) is the engine's {@link Analyses}, so the review counts what the rules count.
 */
public final class ReviewBuilder {

  private ReviewBuilder() {}

  /**
   * The review of {@code quarter}.
   *
   * @param diff the plan compared with its state at the end of the previous quarter; when empty,
   *     the roadmap adjustments are read from the history of {@code analyses}
   * @param uncommitted the work tree's changes against {@code HEAD} when the review is of a work
   *     tree with uncommitted changes ({@code diff} then ends at {@code HEAD}); listed as "not yet
   *     committed"
   * @param revision the state of the repository the review reflects, or empty without Git
   */
  public static QuarterlyReview build(
      ValidationResult result,
      Quarter quarter,
      Analyses analyses,
      Optional<PlanDiff> diff,
      Optional<PlanDiff> uncommitted,
      String revision) {
    Context c = Context.of(result, quarter, analyses);
    List<QuarterlyReview.MetricTile> tiles = MetricTiles.of(c);
    QuarterlyReview.Priorities priorities = PrioritiesSection.of(c);
    return new QuarterlyReview(
        HeaderSection.of(c, revision),
        DecisionsSection.of(c, priorities),
        SummarySection.of(c, tiles),
        WinsSection.of(c),
        ChallengesSection.of(c, tiles),
        FindingLinesSection.of(c),
        tiles,
        diff.map(d -> DiffAdjustments.of(d, uncommitted, quarter, c))
            .orElseGet(() -> HistoryAdjustments.of(c)),
        priorities,
        ReadinessScorecard.of(c),
        Portfolio.matrix(c),
        Portfolio.budget(c),
        Portfolio.vendors(c),
        Portfolio.moreVendors(c),
        Portfolio.cases(c),
        RobustnessSection.of(c),
        SpendSection.of(c),
        TimelineSection.of(c),
        AppendixSection.of(c));
  }
}
