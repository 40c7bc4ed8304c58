package io.waymark.engine.rules.core;

import io.waymark.engine.analysis.LateRecords;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Gate;
import io.waymark.engine.model.Phase;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.time.LocalDate;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A record of something that happened (a delivery, a gate decision, a reading, spend, a board
 * decision, a re-plan) dated after the as-of date.
 */
public final class RecordedAfterAsOfRule implements Rule {

  private static final String HINT =
      "Check the date: a typo (2027-06-21 for 2027-04-21) is the usual cause. If the as-of date is"
          + " pinned (asOf in waymark.yaml, --as-of) to judge an earlier day, update it.";

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "recorded-after-as-of",
          Severity.WARNING,
          "core",
          "Something that happened (a delivery, a gate decision, a reading, spend, a decision, a"
              + " re-plan) is dated after the as-of date.",
          """
          The as-of date is the day the repository speaks for: the commit's date unless
          `asOf` or `--as-of` pins it. A milestone's `completedOn`, a gate's `decidedOn`, a
          metric reading, an actual spend, a board decision, a re-plan's `on`, a business
          case's approval or realised figures and a use case's `since` or `pilotedOn` record
          what already happened, so none of them can be later than that day; such a date is
          nearly always a typo. It also splits the review: a reading or spend dated later is
          left out of every figure until its day comes, while a milestone marked done or a
          gate marked passed is counted as delivered or passed, so the quarterly review would
          report a delivery the numbers beside it do not show yet. The day after the as-of date
          is accepted: the as-of date is the commit's date in UTC, which is still yesterday
          for a team east of UTC in its morning.""",
          """
          Correct the date to the day it happened. If the repository pins `asOf` to an
          earlier day on purpose, move it to the day the records reach.""",
          """
          # as of 2027-05-14
          milestones:
            - id: ms-vector-db-pilot-tier
              due: 2027-04-23
              status: done
              completedOn: 2027-06-21
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

  /** Each finding is about one document's own dates and the as-of date. */
  @Override
  public RuleScope scope() {
    return RuleScope.perDocument();
  }

  /**
   * The plan's records dated after the as-of date ({@link LateRecords}, which the quarterly
   * review's summary counts too): one finding each, and one for a list's (a metric's readings, an
   * initiative's spend, an item's re-plans), at its first, with their count.
   */
  @Override
  public void check(RuleContext context) {
    LocalDate asOf = context.asOf();
    List<LateRecords.Late> late =
        LateRecords.of(context.plan(), asOf, g -> openedInThisChange(context, g));
    // Each list's later records counted in one pass (a plan whose as-of date is early may hold
    // tens of thousands of them): its finding, at its first, carries the count.
    Map<LateRecords.Series, Integer> counts = new IdentityHashMap<>();
    for (LateRecords.Late record : late) {
      if (record.inSeries()) {
        counts.merge(record.series(), 1, Integer::sum);
      }
    }
    for (LateRecords.Late record : late) {
      if (!record.inSeries()) {
        context.report(
            record.where(), record.what() + record.date() + ", after the as-of date " + asOf, HINT);
      } else if (counts.containsKey(record.series())) {
        LateRecords.Series series = record.series();
        int count = counts.remove(series);
        context.report(
            record.where(),
            record.what()
                + record.date()
                + ", after the as-of date "
                + asOf
                + (count > 1 ? " (" + count + " " + series.unit() + "s in all dated later)" : "")
                + series.effect(),
            HINT);
      }
    }
  }

  /** True when the change judged against a base opens this gate (passed or waived only now). */
  private static boolean openedInThisChange(RuleContext context, Gate gate) {
    return gate.open()
        && context
            .base()
            .filter(
                base ->
                    base.roadmaps().stream()
                        .flatMap(r -> r.phases().stream())
                        .map(Phase::gate)
                        .noneMatch(b -> b.id().equals(gate.id()) && b.open()))
            .isPresent();
  }
}
