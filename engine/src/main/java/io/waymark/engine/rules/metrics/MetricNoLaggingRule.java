package io.waymark.engine.rules.metrics;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.rules.RuleDescriptor;

/** The executive dashboard shows a lagging indicator. */
public final class MetricNoLaggingRule extends DashboardIndicatorRule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "metric-no-lagging",
          Severity.WARNING,
          "metrics",
          "The executive dashboard has no lagging indicator.",
          """
          The guide: "track two types of metrics: leading indicators that predict future
          success, and lagging indicators that show actual ROI". Lagging indicators are cost
          per inference reduction (target 40 % or more by phase 3), time-to-deploy reduction
          (target 50 % faster), pilot-to-production conversion (target above 30 %) and revenue
          from AI-enabled capabilities. Without one, the dashboard cannot show the return the
          business case promised.""",
          """
          Add a metric with `kind: lagging` (for example `cost-per-inference` or
          `pilot-to-production-pct`) and list its id under `dashboard`.""",
          """
          dashboard: [milestone-completion-pct, trained-staff-pct]   # both kind: leading
          """,
          """
          dashboard: [milestone-completion-pct, trained-staff-pct, cost-per-inference]
          # cost-per-inference has kind: lagging
          """);

  public MetricNoLaggingRule() {
    super("lagging");
  }

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  String example() {
    return "cost-per-inference or pilot-to-production-pct";
  }
}
