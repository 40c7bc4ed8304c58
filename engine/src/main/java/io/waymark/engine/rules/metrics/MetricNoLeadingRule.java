package io.waymark.engine.rules.metrics;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.rules.RuleDescriptor;

/** The executive dashboard shows a leading indicator. */
public final class MetricNoLeadingRule extends DashboardIndicatorRule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "metric-no-leading",
          Severity.WARNING,
          "metrics",
          "The executive dashboard has no leading indicator.",
          """
          The guide asks for two types of metrics: "leading indicators that predict future
          success, and lagging indicators that show actual ROI". Leading indicators are
          milestone completion rate, constraint removal progress, team capability growth and
          pilot performance trends. A dashboard of lagging indicators only tells the board
          what went wrong a quarter too late.""",
          """
          Add a metric with `kind: leading` (for example milestone completion or trained staff
          percent) to the Metrics document and list its id under `dashboard`.""",
          """
          dashboard: [cost-per-inference, time-to-deploy-days]   # both kind: lagging
          """,
          """
          dashboard: [cost-per-inference, time-to-deploy-days, milestone-completion-pct]
          # milestone-completion-pct has kind: leading
          """);

  public MetricNoLeadingRule() {
    super("leading");
  }

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  String example() {
    return "milestone completion rate or trained staff percent";
  }
}
