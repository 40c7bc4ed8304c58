package io.waymark.engine.rules.metrics;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Metrics;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.util.List;

/**
 * The executive dashboard shows 5 to 7 metrics (repeated ids count once). Each Metrics document
 * with a dashboard is checked on its own. A repository with Metrics documents but no dashboard in
 * any of them (an empty {@code dashboard: []} counts as none) gets one finding, on the {@code spec}
 * of the first Metrics document; a repository without Metrics documents is left to the pitfall
 * rules ({@code pitfall-no-metrics}, {@code pitfall-inference-economics}).
 */
public final class DashboardSizeRule implements Rule {

  static final int MIN = 5;
  static final int MAX = 7;

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "dashboard-size",
          Severity.WARNING,
          "metrics",
          "The executive dashboard does not show 5-7 metrics, or there is none.",
          """
          Executives follow the programme on a dashboard of 5-7 key metrics, updated monthly,
          with trend lines and red/yellow/green health: enough to cover cost, delivery and
          adoption, few enough to be read in a minute. With three metrics the dashboard hides
          half the story (a falling cost per inference while nothing reaches production); with
          twelve, nobody reads it and the QBR turns into a data dump. Without a dashboard at all
          the QBR has nothing to report against. The metrics not on the dashboard still count:
          gates and business cases use them.""",
          """
          List 5-7 metric ids under `spec.dashboard` of a Metrics document: typically the
          lagging ones (cost per inference, time to deploy, pilot-to-production conversion)
          plus the leading indicators that predict them.""",
          """
          spec:
            dashboard: [cost-per-inference, pilot-to-production-pct]
          """,
          """
          spec:
            dashboard:
              - cost-per-inference
              - time-to-deploy-days
              - pilot-to-production-pct
              - data-pipeline-sla-pct
              - milestone-completion-pct
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
    List<Metrics> files = context.plan().metricsFiles();
    if (files.isEmpty()) {
      return;
    }
    boolean anyDashboard = false;
    for (Metrics file : files) {
      if (file.dashboard().isEmpty()) {
        continue;
      }
      anyDashboard = true;
      int size = (int) file.dashboard().stream().distinct().count();
      if (size >= MIN && size <= MAX) {
        continue;
      }
      context.report(
          file.at().location("spec/dashboard"),
          "the executive dashboard of '"
              + file.metadata().id()
              + "' shows "
              + size
              + (size == 1 ? " metric" : " metrics")
              + (size < file.dashboard().size() ? " (not counting repeated ids)" : "")
              + "; it should show "
              + MIN
              + "-"
              + MAX,
          size < MIN
              ? "Add " + (MIN - size) + " more metric id(s) the board should see every month."
              : "Keep the "
                  + MIN
                  + "-"
                  + MAX
                  + " metrics that drive decisions and drop "
                  + (size - MAX)
                  + " from the dashboard; they stay defined under metrics.");
    }
    if (!anyDashboard) {
      Metrics first = files.get(0);
      context.report(
          first.at().keyLocation("spec"),
          "no Metrics document defines an executive dashboard ("
              + files.size()
              + " Metrics document(s), "
              + context.plan().metrics().count()
              + " metrics)",
          "Add 'dashboard:' with "
              + MIN
              + "-"
              + MAX
              + " metric ids under spec of '"
              + first.metadata().id()
              + "'.");
    }
  }
}
