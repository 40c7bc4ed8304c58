package io.waymark.engine.rules.metrics;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.metric.MetricStatus;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Metrics;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** A red or amber dashboard metric without commentary. */
public final class MetricUncommentedRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "metric-uncommented",
          Severity.INFO,
          "metrics",
          "A red or amber dashboard metric has no commentary on its latest data point or on the"
              + " metric.",
          """
          The guide's executive dashboard carries "commentary on anomalies and corrective
          actions": a red number without an explanation invites the wrong conversation. A
          metric on the dashboard (`spec.dashboard`) is judged red, amber or green as the
          dashboard shows it (target met or on pace: green; behind pace or near a target it
          started beyond: amber; moving away, far off or stale: red). When it is red or amber,
          Waymark looks for `commentary` on the latest data point on or before the as-of date,
          then on the metric itself; the dashboard and the QBR print it next to the metric.""",
          """
          Add `commentary` to the latest data point (what happened, what is being done about
          it), or to the metric when the explanation holds for several readings.""",
          """
          - id: cost-per-inference     # baseline 4.80, target 2.80 by 2028-05-31
            series:
              - {date: 2027-02-28, value: 4.80}
              - {date: 2027-03-31, value: 4.76}
              - {date: 2027-04-30, value: 4.70}   # behind pace: amber, no commentary
          """,
          """
          - id: cost-per-inference
            series:
              - {date: 2027-02-28, value: 4.80}
              - {date: 2027-03-31, value: 4.76}
              - date: 2027-04-30
                value: 4.70
                commentary: >-
                  Peak-season load test doubled traffic for a week; batching goes live in June.
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Reads only the documents of these kinds. */
  @Override
  public RuleScope scope() {
    return RuleScope.kinds(Kind.METRICS);
  }

  @Override
  public void check(RuleContext context) {
    Set<String> dashboard = new HashSet<>();
    context.plan().metricsFiles().forEach(f -> dashboard.addAll(f.dashboard()));
    for (Metrics file : context.plan().metricsFiles()) {
      for (Metrics.Metric m : file.metrics()) {
        if (!dashboard.contains(m.id())) {
          continue;
        }
        MetricStatus status = MetricStatus.of(m, context.asOf());
        if (!status.needsAttention() || m.commentaryAsOf(context.asOf()).isPresent()) {
          continue;
        }
        context.report(
            m.latestOnOrBefore(context.asOf())
                .map(p -> p.at().location())
                .orElse(m.at().location()),
            "dashboard metric '"
                + m.id()
                + "' is "
                + status.rag().name().toLowerCase(Locale.ROOT)
                + " ("
                + status.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + ") as of "
                + context.asOf()
                + " but has no commentary",
            "Add 'commentary' to its latest data point: what happened and the corrective"
                + " action.");
      }
    }
  }
}
