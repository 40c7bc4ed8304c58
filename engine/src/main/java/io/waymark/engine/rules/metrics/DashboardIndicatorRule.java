package io.waymark.engine.rules.metrics;

import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Metrics;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleScope;
import java.util.List;
import java.util.Optional;

/**
 * The executive dashboard shows at least one indicator of a kind (leading or lagging). The two
 * rules share this check and differ only in the kind and their descriptor.
 */
abstract class DashboardIndicatorRule implements Rule {

  private final String kind;

  DashboardIndicatorRule(String kind) {
    this.kind = kind;
  }

  /** Reads only the documents of these kinds. */
  @Override
  public RuleScope scope() {
    return RuleScope.kinds(Kind.METRICS);
  }

  @Override
  public void check(RuleContext context) {
    for (Metrics file : context.plan().metricsFiles()) {
      if (file.dashboard().isEmpty()) {
        continue; // dashboard-size reports a missing dashboard
      }
      List<Metrics.Metric> shown =
          file.dashboard().stream()
              .map(id -> context.plan().metric(id))
              .flatMap(Optional::stream)
              .toList();
      if (shown.stream().anyMatch(m -> kind.equals(m.kind()))) {
        continue;
      }
      context.report(
          file.at().location("spec/dashboard"),
          "the executive dashboard of '"
              + file.metadata().id()
              + "' has no "
              + kind
              + " indicator ("
              + shown.size()
              + " metric(s), none with kind: "
              + kind
              + ")",
          "Add a metric with kind: " + kind + " to the dashboard, for example " + example() + ".");
    }
  }

  abstract String example();
}
