package io.waymark.engine.rules.metrics;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Metrics;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Every metric on the executive dashboard has a baseline. */
public final class MetricNoBaselineRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "metric-no-baseline",
          Severity.WARNING,
          "metrics",
          "A metric on the executive dashboard has no baseline.",
          """
          The guide: "Define concrete metrics before implementation. Establish baseline
          measurements. Track consistently throughout execution." Phase 1 establishes the
          baseline metrics. A dashboard metric without a baseline can show a trend but not the
          improvement the roadmap bought, and the QBR cannot say how far it moved.""",
          """
          Record the value measured before the work started as `baseline` on the metric.""",
          """
          - id: cost-per-inference
            kind: lagging
            series: [{date: 2027-03-31, value: 4.2}]   # no baseline
          """,
          """
          - id: cost-per-inference
            kind: lagging
            baseline: 4.8
            series: [{date: 2027-03-31, value: 4.2}]
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
    Set<String> reported = new HashSet<>();
    for (Metrics file : context.plan().metricsFiles()) {
      for (String id : file.dashboard()) {
        Optional<Metrics.Metric> metric = context.plan().metric(id);
        if (metric.isEmpty() || metric.get().baseline().isPresent() || !reported.add(id)) {
          continue;
        }
        context.report(
            metric.get().at().location("id"),
            "dashboard metric " + id + " has no baseline",
            "Add baseline: <the value before the roadmap's work started> to " + id + ".");
      }
    }
  }
}
