package io.waymark.engine.rules.pitfall;

import io.waymark.engine.finding.Location;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Metrics;
import io.waymark.engine.model.Plan;
import io.waymark.engine.model.UseCase;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import java.util.Optional;

/**
 * Pitfall 6, underestimating inference economics: the repository tracks {@code cost-per-inference},
 * and every agentic use case names a metric of category cost.
 */
public final class PitfallInferenceEconomicsRule implements Rule {

  static final String COST_PER_INFERENCE = "cost-per-inference";

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "pitfall-inference-economics",
          Severity.WARNING,
          "pitfalls",
          "No cost-per-inference metric is tracked, or an agentic use case names no cost metric.",
          """
          Pitfall 6 is underestimating inference economics: AI workloads cost differently from
          traditional applications, and agent loops can spiral costs unexpectedly. The fix is to
          model costs early with realistic usage, monitor them continuously and set cost
          guardrails. The phase-1 gate asks for cost per inference to be measured and the
          phase-3 gate for it to fall by 40% or more, so the metric has to exist from the start;
          an agentic use case needs cost monitoring of its own.""",
          """
          Add a metric with `id: cost-per-inference` and `category: cost` to the Metrics
          document, with its baseline; list a metric of category cost in every agentic use
          case's `spec.metrics`.""",
          """
          kind: UseCase
          spec:
            agentic: true
            metrics: [exception-handling-minutes]
          """,
          """
          kind: UseCase
          spec:
            agentic: true
            metrics: [cost-per-inference, exception-handling-minutes]
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(RuleContext context) {
    Plan plan = context.plan();
    if (plan.metric(COST_PER_INFERENCE).isEmpty()) {
      Optional<String> invalid = context.ids().invalidItem("metric", COST_PER_INFERENCE);
      where(plan)
          .ifPresent(
              at ->
                  context.report(
                      at,
                      invalid
                          .map(
                              file ->
                                  context.ids().invalid("metric '" + COST_PER_INFERENCE + "'", file)
                                      + ", so inference cost is not measured")
                          .orElseGet(
                              () ->
                                  context
                                          .ids()
                                          .notFound(
                                              "no metric with id "
                                                  + COST_PER_INFERENCE
                                                  + " is tracked")
                                      + ", so inference cost is not measured"),
                      invalid.isPresent()
                          ? "Fix that schema error: until then no rule and no report sees the"
                              + " metric."
                          : "Add a metric with id cost-per-inference (category: cost, a baseline"
                              + " and monthly data points) to the Metrics document."));
    }
    for (UseCase u : plan.useCases()) {
      if (!u.agentic() || u.metrics().stream().anyMatch(id -> isCost(plan, id))) {
        continue;
      }
      Optional<String> invalid =
          u.metrics().stream()
              .filter(id -> plan.metric(id).isEmpty())
              .flatMap(
                  id ->
                      context
                          .ids()
                          .invalidItem("metric", id)
                          .map(file -> context.ids().invalid("metric '" + id + "'", file))
                          .stream())
              .findFirst();
      context.report(
          u.at().location("spec/metrics"),
          "agentic use case "
              + u.id()
              + " names no metric of category cost"
              + (u.metrics().isEmpty() ? "" : " among " + String.join(", ", u.metrics()))
              + invalid
                  .map(m -> " (" + m + ")")
                  .orElseGet(
                      // A metric it names that no file read defines may be in one not read.
                      () ->
                          u.metrics().stream().anyMatch(id -> plan.metric(id).isEmpty())
                              ? context.ids().notFound("")
                              : ""),
          "Add a cost metric (e.g. cost-per-inference) to spec.metrics of "
              + u.id()
              + ": agent loops can multiply inference cost unnoticed.");
    }
  }

  private static boolean isCost(Plan plan, String metricId) {
    return plan.metric(metricId)
        .flatMap(Metrics.Metric::category)
        .filter("cost"::equals)
        .isPresent();
  }

  /** The first Metrics document's metric list, else the roadmap. */
  private static Optional<Location> where(Plan plan) {
    if (!plan.metricsFiles().isEmpty()) {
      return Optional.of(plan.metricsFiles().get(0).at().location("spec/metrics"));
    }
    return plan.roadmaps().stream().findFirst().map(r -> r.at().location("kind"));
  }
}
