package io.waymark.engine.rules.gate;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.gate.Facts;
import io.waymark.engine.model.Gate;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Metrics;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Plan;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.util.Optional;

/**
 * Every gate criterion can be judged: a known fact, a metric that has data, a target where the
 * operator needs one. A metric id that names no metric is {@code ref-unresolved}'s finding. A
 * metric's baseline counts as its first reading, and a pending gate due more than {@value
 * #DUE_WITHIN_DAYS} days after the as-of date is not judged for lack of data yet: a new roadmap has
 * months to start measuring.
 */
public final class GateUnmeasurableRule implements Rule {

  private static final String MEASURED = "measured";

  /** Lack of data matters for the gates due within this many days of the as-of date. */
  static final int DUE_WITHIN_DAYS = 90;

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "gate-unmeasurable",
          Severity.ERROR,
          "gates",
          "A gate criterion names a metric without data or an unknown fact, or has no target"
              + " where its operator needs one.",
          """
          You cannot prove a gate if you are not measuring it: missing success metrics are one
          of the eight classic roadmap pitfalls. The methodology asks to define the measurement
          before spending, establish the baseline and track it consistently. A criterion whose
          metric has neither a baseline nor a data point, whose fact Waymark does not know, or
          which has nothing to compare with can never be met, so the gate it belongs to would be
          decided on opinion. A metric's `baseline` counts as its first reading, and a pending
          gate due (its phase's last day) more than 90 days after the as-of date is not judged
          for lack of data: a new roadmap has until then to start measuring. Known facts:
          `useCases.production`, `useCases.pilotToProductionPct` (converted pilots: use cases in
          production among those that went through a pilot — in pilot now, or with
          `pilotedOn` or `origin: pilot`; a model in production before the programme, or with
          `origin: pre-existing`, is not counted; the gate's explanation names the use cases
          counted and those left out), `businessCases.approvedPositiveRoiProjected`
          (projected ROI; the former name `businessCases.approvedPositiveRoi` reads the same),
          `businessCases.realisedPositiveRoi` (realised benefits above actual costs, from
          `spec.realised`; not measurable until recorded), `metrics.<id>.changePct` and
          `milestones.completionPct`.""",
          """
          Record the metric's `baseline` (or a first data point in its `series`), spell the fact
          as one of the known facts, or add a `target` (only `operator: measured` works without
          one).""",
          """
          criteria:
            - id: gc-p2-pipeline-sla
              description: Data-pipeline SLA above 99 %
              metric: data-pipeline-sla-pct     # series: []
              operator: ">"
          """,
          """
          criteria:
            - id: gc-p2-pipeline-sla
              description: Data-pipeline SLA above 99 %
              metric: data-pipeline-sla-pct     # series with monthly data points
              operator: ">"
              target: 99
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Reads only the documents of these kinds. */
  @Override
  public RuleScope scope() {
    return RuleScope.kinds(Kind.ROADMAP, Kind.METRICS);
  }

  @Override
  public void check(RuleContext context) {
    Plan plan = context.plan();
    for (Roadmap roadmap : plan.roadmaps()) {
      for (Phase phase : roadmap.phases()) {
        // A pending gate decided more than 90 days from now: its data may still come.
        boolean dueSoon =
            phase.gate().status() != Gate.Status.PENDING
                || !roadmap
                    .monthEnd(Math.max(1, phase.lastMonth()))
                    .isAfter(context.asOf().plusDays(DUE_WITHIN_DAYS));
        for (Gate.Criterion c : phase.gate().criteria()) {
          check(context, plan, c, dueSoon);
        }
      }
    }
  }

  private static void check(RuleContext context, Plan plan, Gate.Criterion c, boolean dueSoon) {
    if (c.metric().isPresent()) {
      if (dueSoon) {
        checkData(context, plan, c, c.metric().get(), "metric");
      }
    } else if (c.fact().isPresent()) {
      String fact = c.fact().get();
      if (!Facts.isKnown(fact)) {
        context.report(
            c.at().location("fact"),
            "criterion " + c.id() + " names '" + fact + "', which is not a fact Waymark knows",
            "Use one of useCases.production, useCases.pilotToProductionPct,"
                + " businessCases.approvedPositiveRoiProjected, businessCases.realisedPositiveRoi,"
                + " metrics.<id>.changePct or milestones.completionPct, or name a metric with"
                + " `metric:` instead.");
      } else {
        Facts.metricOf(fact)
            .filter(id -> dueSoon)
            .ifPresent(id -> checkData(context, plan, c, id, "fact"));
      }
    }
    if (!MEASURED.equals(c.operator()) && c.target().isEmpty()) {
      context.report(
          c.at().location("operator"),
          "criterion " + c.id() + " compares with operator " + c.operator() + " but has no target",
          "Add `target:` with the value to compare against, or use `operator: measured` if the"
              + " criterion only asks that the value is measured.");
    }
  }

  private static void checkData(
      RuleContext context, Plan plan, Gate.Criterion c, String metricId, String field) {
    Optional<Metrics.Metric> metric = plan.metric(metricId);
    if (metric.isEmpty()
        || !metric.get().series().isEmpty()
        || metric.get().baseline().isPresent()) {
      return; // an unknown metric is ref-unresolved's finding; a baseline is a first reading
    }
    context.report(
        c.at().location(field),
        "criterion "
            + c.id()
            + " uses metric "
            + metricId
            + ", which has neither a baseline nor data points",
        "Record the baseline (or a first data point in the series) of "
            + metricId
            + " (in "
            + metric.get().at().file()
            + "), so the gate can be judged.");
  }
}
